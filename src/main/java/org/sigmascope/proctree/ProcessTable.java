package org.sigmascope.proctree;

import java.util.Arrays;

/**
 * The processes of a tree as columns of primitive arrays (plus shared strings): about 170 bytes a process and no
 * object per process, so the trees of a case with millions of processes fit in memory. The builder appends and
 * updates rows; {@link #compact} makes the final, ordered table the {@link ProcessTree} reads.
 *
 * <p>What every attached event updates (the span of evidence, the activity counts, the flags) shares one 64-byte
 * line of {@link #hot} per process, so an event costs one cache miss there rather than four.
 */
final class ProcessTable {
    static final long NONE = -1;

    static final int PLACEHOLDER = 1;
    static final int START_SYSMON = 2;
    static final int START_SECURITY = 4;
    static final int STOP_SYSMON = 8;
    static final int STOP_SECURITY = 16;
    /** A placeholder made only from what a child said: dropped if no child keeps it. */
    static final int CLAIM_ONLY = 32;
    /** Not stored: tells the linker a placeholder is made for a stop. */
    static final int PLACEHOLDER_OF_STOP = 64;

    static final byte NO_LINK = -1;

    /** Longs per process in {@link #hot}: first seen, last seen, ten 32-bit activity counts in five, flags. */
    private static final int HOT = 8;
    private static final int FIRST_SEEN = 0;
    private static final int LAST_SEEN = 1;
    private static final int COUNTS = 2;
    private static final int FLAGS = 7;

    int size;
    int[] host;
    int[] pid;
    int[] parent;
    /** The candidate parent a link was refused for, or -1. */
    int[] candidate;
    /** The process this row was merged into, or -1 (builder only). */
    int[] alias;
    /**
     * For a placeholder made because the holder of a process id contradicted a child, that holder, or -1 (builder
     * only): the contradiction may have been the child's (a creator impersonating another account), so later events
     * that fit the earlier holder still find it.
     */
    int[] displaced;
    long[] guidHi;
    long[] guidLo;
    long[] start;
    long[] end;
    long[] logonId;
    long[] sysmonStart;
    long[] securityStart;
    long[] stopEvent;
    byte[] linkKind;
    byte[] linkReason;
    byte[] logonCheck;
    byte[] imageCheck;
    byte[] commandLineCheck;
    String[] image;
    String[] commandLine;
    String[] user;
    /** The parent's image as the child's start named it. */
    String[] claimedParentImage;
    long[] hot;
    /** Equal images, users and command lines of many processes are one string. */
    final StringCache strings = new StringCache(1 << 16);

    ProcessTable(int capacity) {
        allocate(Math.max(16, capacity));
    }

    private void allocate(int capacity) {
        host = new int[capacity];
        pid = new int[capacity];
        parent = new int[capacity];
        candidate = new int[capacity];
        alias = new int[capacity];
        displaced = new int[capacity];
        guidHi = new long[capacity];
        guidLo = new long[capacity];
        start = new long[capacity];
        end = new long[capacity];
        logonId = new long[capacity];
        sysmonStart = new long[capacity];
        securityStart = new long[capacity];
        stopEvent = new long[capacity];
        linkKind = new byte[capacity];
        linkReason = new byte[capacity];
        logonCheck = new byte[capacity];
        imageCheck = new byte[capacity];
        commandLineCheck = new byte[capacity];
        image = new String[capacity];
        commandLine = new String[capacity];
        user = new String[capacity];
        claimedParentImage = new String[capacity];
        hot = new long[capacity * HOT];
    }

    private void grow() {
        int capacity = host.length + (host.length >> 1);
        host = Arrays.copyOf(host, capacity);
        pid = Arrays.copyOf(pid, capacity);
        parent = Arrays.copyOf(parent, capacity);
        candidate = Arrays.copyOf(candidate, capacity);
        alias = Arrays.copyOf(alias, capacity);
        displaced = Arrays.copyOf(displaced, capacity);
        guidHi = Arrays.copyOf(guidHi, capacity);
        guidLo = Arrays.copyOf(guidLo, capacity);
        start = Arrays.copyOf(start, capacity);
        end = Arrays.copyOf(end, capacity);
        logonId = Arrays.copyOf(logonId, capacity);
        sysmonStart = Arrays.copyOf(sysmonStart, capacity);
        securityStart = Arrays.copyOf(securityStart, capacity);
        stopEvent = Arrays.copyOf(stopEvent, capacity);
        linkKind = Arrays.copyOf(linkKind, capacity);
        linkReason = Arrays.copyOf(linkReason, capacity);
        logonCheck = Arrays.copyOf(logonCheck, capacity);
        imageCheck = Arrays.copyOf(imageCheck, capacity);
        commandLineCheck = Arrays.copyOf(commandLineCheck, capacity);
        image = Arrays.copyOf(image, capacity);
        commandLine = Arrays.copyOf(commandLine, capacity);
        user = Arrays.copyOf(user, capacity);
        claimedParentImage = Arrays.copyOf(claimedParentImage, capacity);
        hot = Arrays.copyOf(hot, capacity * HOT);
    }

    /** A new, empty row on the host. */
    int add(int hostId) {
        if (size == host.length) {
            grow();
        }
        int p = size++;
        host[p] = hostId;
        pid[p] = -1;
        parent[p] = -1;
        candidate[p] = -1;
        alias[p] = -1;
        displaced[p] = -1;
        start[p] = Ticks.UNKNOWN;
        end[p] = Ticks.UNKNOWN;
        hot[p * HOT + FIRST_SEEN] = Ticks.UNKNOWN;
        hot[p * HOT + LAST_SEEN] = Ticks.UNKNOWN;
        logonId[p] = ProcessClaims.NO_LOGON;
        sysmonStart[p] = NONE;
        securityStart[p] = NONE;
        stopEvent[p] = NONE;
        linkKind[p] = NO_LINK;
        logonCheck[p] = (byte) Check.NOT_COMPARED.ordinal();
        imageCheck[p] = (byte) Check.NOT_COMPARED.ordinal();
        commandLineCheck[p] = (byte) Check.NOT_COMPARED.ordinal();
        return p;
    }

    boolean has(int p, int flag) {
        return (hot[p * HOT + FLAGS] & flag) != 0;
    }

    void set(int p, int flag) {
        hot[p * HOT + FLAGS] |= flag;
    }

    void clear(int p, int flag) {
        hot[p * HOT + FLAGS] &= ~flag;
    }

    long flags(int p) {
        return hot[p * HOT + FLAGS];
    }

    long firstSeen(int p) {
        return hot[p * HOT + FIRST_SEEN];
    }

    long lastSeen(int p) {
        return hot[p * HOT + LAST_SEEN];
    }

    int activity(int p, ActivityKind kind) {
        long pair = hot[p * HOT + COUNTS + kind.ordinal() / 2];
        return (int) (kind.ordinal() % 2 == 0 ? pair : pair >>> 32);
    }

    boolean started(int p) {
        return has(p, START_SYSMON | START_SECURITY);
    }

    boolean stopped(int p) {
        return has(p, STOP_SYSMON | STOP_SECURITY);
    }

    boolean hasGuid(int p) {
        return guidHi[p] != 0 || guidLo[p] != 0;
    }

    Guid guid(int p) {
        return hasGuid(p) ? new Guid(guidHi[p], guidLo[p]) : null;
    }

    /** The process id as the events give it (an unsigned 32-bit number), or {@link ProcessClaims#NO_PID}. */
    long pidOf(int p) {
        return pid[p] == -1 ? ProcessClaims.NO_PID : pid[p] & 0xFFFF_FFFFL;
    }

    boolean hasLink(int p) {
        return linkKind[p] != NO_LINK;
    }

    /** When the process is first known to exist: its start, or its earliest evidence. */
    long effectiveStart(int p) {
        return Ticks.known(start[p]) ? start[p] : firstSeen(p);
    }

    /** Widens the span of evidence of the process to include the time. */
    void seen(int p, long time) {
        if (!Ticks.known(time)) {
            return;
        }
        int at = p * HOT;
        if (!Ticks.known(hot[at + FIRST_SEEN]) || time < hot[at + FIRST_SEEN]) {
            hot[at + FIRST_SEEN] = time;
        }
        if (!Ticks.known(hot[at + LAST_SEEN]) || time > hot[at + LAST_SEEN]) {
            hot[at + LAST_SEEN] = time;
        }
    }

    /** Fills what is not yet known of the process from what an event claims; known values are kept. */
    void fill(int p, ProcessClaims claims) {
        if (pid[p] == -1 && claims.hasPid()) {
            pid[p] = (int) claims.pid();
        }
        if (!hasGuid(p) && claims.guid() != null) {
            guidHi[p] = claims.guid().hi();
            guidLo[p] = claims.guid().lo();
        }
        if (image[p] == null) {
            image[p] = strings.share(claims.image());
        }
        if (commandLine[p] == null) {
            commandLine[p] = strings.share(claims.commandLine());
        }
        if (user[p] == null) {
            user[p] = strings.share(claims.user());
        }
        if (logonId[p] == ProcessClaims.NO_LOGON) {
            logonId[p] = claims.logonId();
        }
    }

    void link(int child, int parentRow, LinkKind kind, LinkReason reason, int refused, Checks checks) {
        parent[child] = parentRow;
        linkKind[child] = (byte) kind.ordinal();
        linkReason[child] = (byte) reason.ordinal();
        candidate[child] = refused;
        logonCheck[child] = (byte) checks.logon().ordinal();
        imageCheck[child] = (byte) checks.image().ordinal();
        commandLineCheck[child] = (byte) checks.commandLine().ordinal();
    }

    /** The comparisons of a child's claims about its parent with a candidate. */
    record Checks(Check logon, Check image, Check commandLine) {
        static final Checks NONE = new Checks(Check.NOT_COMPARED, Check.NOT_COMPARED, Check.NOT_COMPARED);

        boolean contradict() {
            return logon == Check.DISAGREED || image == Check.DISAGREED || commandLine == Check.DISAGREED;
        }
    }

    void countActivity(int p, ActivityKind kind) {
        addActivity(p, kind, 1);
    }

    /** Two 32-bit counts a long: the low one for even kinds, the high one for odd; saturating, never wrapping. */
    private void addActivity(int p, ActivityKind kind, int n) {
        int at = p * HOT + COUNTS + kind.ordinal() / 2;
        int shift = kind.ordinal() % 2 * 32;
        long count = Math.min(Integer.MAX_VALUE, (hot[at] >>> shift & 0xFFFF_FFFFL) + n);
        hot[at] = hot[at] & ~(0xFFFF_FFFFL << shift) | count << shift;
    }

    /**
     * Merges row {@code from} into row {@code into} (two views of one process found to be the same): what
     * {@code into} lacks is taken from {@code from}, spans widen, counts add, and the stronger parent link wins.
     */
    void absorb(int from, int into) {
        fill(into, new ProcessClaims(pidOf(from), guid(from), image[from], commandLine[from], user[from],
                logonId[from]));
        long keepPlaceholder = flags(into) & flags(from) & (PLACEHOLDER | CLAIM_ONLY);
        hot[into * HOT + FLAGS] = (flags(into) | flags(from)) & ~(PLACEHOLDER | CLAIM_ONLY) | keepPlaceholder;
        if (Ticks.known(start[from]) && (!Ticks.known(start[into]) || start[from] < start[into])) {
            start[into] = start[from];
        }
        if (Ticks.known(end[from]) && (!Ticks.known(end[into]) || end[from] < end[into])) {
            end[into] = end[from];
        }
        seen(into, firstSeen(from));
        seen(into, lastSeen(from));
        sysmonStart[into] = sysmonStart[into] == NONE ? sysmonStart[from] : sysmonStart[into];
        securityStart[into] = securityStart[into] == NONE ? securityStart[from] : securityStart[into];
        stopEvent[into] = stopEvent[into] == NONE ? stopEvent[from] : stopEvent[into];
        if (claimedParentImage[into] == null) {
            claimedParentImage[into] = claimedParentImage[from];
        }
        for (ActivityKind kind : ActivityKind.ALL) {
            addActivity(into, kind, activity(from, kind));
        }
        if (hasLink(from) && (!hasLink(into) || linkKind[from] < linkKind[into])) {
            parent[into] = parent[from];
            linkKind[into] = linkKind[from];
            linkReason[into] = linkReason[from];
            candidate[into] = candidate[from];
            logonCheck[into] = logonCheck[from];
            imageCheck[into] = imageCheck[from];
            commandLineCheck[into] = commandLineCheck[from];
        }
        alias[from] = into;
    }

    /**
     * Puts the rows {@code order[0..n)} in that order, in place of the builder's rows; {@code parent} and
     * {@code candidate} are mapped through {@code newIndex} (old row to new, -1 for a row left out), which they must
     * already be resolved for. Column by column, each old column let go as soon as its new one is made, so the peak
     * is the table and one column, not two tables.
     */
    void compact(int[] order, int n, int[] newIndex) {
        host = permute(host, order, n);
        pid = permute(pid, order, n);
        parent = remap(permute(parent, order, n), newIndex);
        candidate = remap(permute(candidate, order, n), newIndex);
        alias = filled(n);
        displaced = filled(n);
        guidHi = permute(guidHi, order, n);
        guidLo = permute(guidLo, order, n);
        start = permute(start, order, n);
        end = permute(end, order, n);
        logonId = permute(logonId, order, n);
        sysmonStart = permute(sysmonStart, order, n);
        securityStart = permute(securityStart, order, n);
        stopEvent = permute(stopEvent, order, n);
        linkKind = permute(linkKind, order, n);
        linkReason = permute(linkReason, order, n);
        logonCheck = permute(logonCheck, order, n);
        imageCheck = permute(imageCheck, order, n);
        commandLineCheck = permute(commandLineCheck, order, n);
        image = permute(image, order, n);
        commandLine = permute(commandLine, order, n);
        user = permute(user, order, n);
        claimedParentImage = permute(claimedParentImage, order, n);
        long[] rows = new long[n * HOT];
        for (int i = 0; i < n; i++) {
            System.arraycopy(hot, order[i] * HOT, rows, i * HOT, HOT);
        }
        hot = rows;
        size = n;
    }

    private static int[] filled(int n) {
        int[] column = new int[n];
        Arrays.fill(column, -1);
        return column;
    }

    private static int[] remap(int[] column, int[] newIndex) {
        for (int i = 0; i < column.length; i++) {
            column[i] = column[i] < 0 ? -1 : newIndex[column[i]];
        }
        return column;
    }

    private static int[] permute(int[] column, int[] order, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }

    private static long[] permute(long[] column, int[] order, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }

    private static byte[] permute(byte[] column, int[] order, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }

    private static String[] permute(String[] column, int[] order, int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }
}
