package org.sigmascope.proctree;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.sigmascope.model.Event;

/**
 * The process trees of a case, one forest per host, built by {@link ProcessTreeBuilder}. Immutable and safe to read
 * from several threads.
 *
 * <p>Processes have ids {@code 0 … size()-1}, ordered by host (by name) and then by start (or first evidence), so
 * a host's processes are one run of ids and children come in the order they started. Relations are returned as
 * {@code int[]} of ids; {@link #process(int)} gives the full record of one.
 */
public final class ProcessTree {
    private final ProcessTable table;
    private final List<String> hosts;
    private final Map<String, Integer> hostIds;
    private final int[] hostStart;
    private final int[] childOffsets;
    private final int[] childList;
    private final EventIndex events;
    private final GuidMap guids;
    private final long[] pidKeys;
    private final int[] pidProcesses;
    private final TreeStats stats;
    private final List<String> problems;
    private final long tolerance;

    ProcessTree(ProcessTable table, List<String> hosts, int[] hostStart, int[] childOffsets, int[] childList,
                EventIndex events, GuidMap guids, long[] pidKeys, int[] pidProcesses, TreeStats stats,
                List<String> problems, long tolerance) {
        this.table = table;
        this.hosts = List.copyOf(hosts);
        this.hostIds = new java.util.HashMap<>();
        for (int h = 0; h < hosts.size(); h++) {
            hostIds.putIfAbsent(hosts.get(h).toLowerCase(Locale.ROOT), h);
        }
        this.hostStart = hostStart;
        this.childOffsets = childOffsets;
        this.childList = childList;
        this.events = events;
        this.guids = guids;
        this.pidKeys = pidKeys;
        this.pidProcesses = pidProcesses;
        this.stats = stats;
        this.problems = List.copyOf(problems);
        this.tolerance = tolerance;
    }

    public int size() {
        return table.size;
    }

    /** The hosts, sorted by name. */
    public List<String> hosts() {
        return hosts;
    }

    public TreeStats stats() {
        return stats;
    }

    /** Values that could not be read, with their event (the first ones; {@link TreeStats#problems()} counts all). */
    public List<String> problems() {
        return problems;
    }

    /** The ids of the host's processes (case-insensitive name), in start order; empty for an unknown host. */
    public int[] processesOf(String host) {
        Integer h = hostIds.get(host.toLowerCase(Locale.ROOT));
        if (h == null) {
            return new int[0];
        }
        int[] ids = new int[hostStart[h + 1] - hostStart[h]];
        Arrays.setAll(ids, i -> hostStart[h] + i);
        return ids;
    }

    /**
     * The processes of a host (of every host when {@code host} is {@code null}) that the evidence places in the time
     * range: their known lifetime overlaps it, where a missing start is replaced by the first evidence of the
     * process and a missing stop by the last. {@code null} bounds are open; processes without any time are only in
     * an unbounded range.
     */
    public int[] inRange(String host, Instant from, Instant to) {
        long lo = from == null ? Long.MIN_VALUE : Ticks.of(from);
        long hi = to == null ? Long.MAX_VALUE : Ticks.of(to);
        int[] candidates = host == null ? IntStream.range(0, size()).toArray() : processesOf(host);
        return Arrays.stream(candidates).filter(p -> {
            long first = firstTicks(p);
            long last = lastTicks(p);
            if (!Ticks.known(first) && !Ticks.known(last)) {
                return from == null && to == null;
            }
            long a = Ticks.known(first) ? first : last;
            long b = Ticks.known(last) ? last : first;
            return a <= hi && b >= lo;
        }).toArray();
    }

    /** The host's processes that have no parent in the tree. */
    public int[] roots(String host) {
        return Arrays.stream(processesOf(host)).filter(p -> table.parent[p] < 0).toArray();
    }

    public String host(int p) {
        return hosts.get(table.host[p]);
    }

    public int parent(int p) {
        return table.parent[p];
    }

    /** The children, in the order they started. */
    public int[] children(int p) {
        return Arrays.copyOfRange(childList, childOffsets[p], childOffsets[p + 1]);
    }

    public int childCount(int p) {
        return childOffsets[p + 1] - childOffsets[p];
    }

    /** Parent, grandparent … up to a root, nearest first. */
    public int[] ancestors(int p) {
        int[] chain = new int[8];
        int n = 0;
        for (int a = table.parent[p]; a >= 0; a = table.parent[a]) {
            if (n == chain.length) {
                chain = Arrays.copyOf(chain, n * 2);
            }
            chain[n++] = a;
        }
        return Arrays.copyOf(chain, n);
    }

    /** Children, grandchildren …, depth first in start order (the order a tree view lists them). */
    public int[] descendants(int p) {
        int[] out = new int[16];
        int n = 0;
        int[] stack = new int[16];
        int top = 0;
        for (int c = childOffsets[p + 1] - 1; c >= childOffsets[p]; c--) {
            stack = push(stack, top++, childList[c]);
        }
        while (top > 0) {
            int x = stack[--top];
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = x;
            for (int c = childOffsets[x + 1] - 1; c >= childOffsets[x]; c--) {
                stack = push(stack, top++, childList[c]);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] push(int[] stack, int at, int value) {
        int[] s = at == stack.length ? Arrays.copyOf(stack, at * 2) : stack;
        s[at] = value;
        return s;
    }

    /** The processes the predicate holds for, in id order. */
    public int[] matching(Predicate<Process> predicate) {
        return IntStream.range(0, size()).filter(p -> predicate.test(process(p))).toArray();
    }

    /** The process an event (start, stop, activity) was attached to, or -1; needs {@link TreeOptions#indexEvents()}. */
    public int processOfEvent(long eventId) {
        if (events == null) {
            throw new IllegalStateException("the tree was built without its event index (TreeOptions.indexEvents)");
        }
        return events.find(eventId);
    }

    /** The distinct processes of the events (detections, a timeline query's hits), in id order. */
    public int[] processesOfEvents(long[] eventIds) {
        return Arrays.stream(eventIds).mapToInt(this::processOfEvent).filter(p -> p >= 0).distinct().sorted().toArray();
    }

    /** The ids of the events attached to a process, in id order (a scan of the event index). */
    public long[] eventsOf(int p) {
        if (events == null) {
            throw new IllegalStateException("the tree was built without its event index (TreeOptions.indexEvents)");
        }
        return events.eventsOf(p);
    }

    /**
     * The process an event is about, found by what it says (GUID, or host, process id and time) rather than by its
     * id: for events the tree was not built from, such as a detection on a store row read later. -1 when none.
     */
    public int processOf(Event event) {
        Sighting s = SightingReader.read(event, problem -> { });
        if (s == null) {
            return -1;
        }
        Integer h = hostIds.get(s.host().toLowerCase(Locale.ROOT));
        if (h == null) {
            return -1;
        }
        if (s.self().guid() != null) {
            return guids.get(h, s.self().guid());
        }
        if (!s.self().hasPid()) {
            return -1;
        }
        long key = (long) h << 32 | s.self().pid();
        int at = Arrays.binarySearch(pidKeys, key);
        if (at < 0) {
            return -1;
        }
        while (at + 1 < pidKeys.length && pidKeys[at + 1] == key) {
            at++; // the latest start with this id: entries of one key are in start order
        }
        for (; at >= 0 && pidKeys[at] == key; at--) {
            int p = pidProcesses[at];
            long from = table.effectiveStart(p);
            if (!Ticks.known(s.time()) || !Ticks.known(from) || from <= s.time() + tolerance) {
                boolean alive = !table.stopped(p) || table.end[p] + tolerance >= s.time();
                return alive ? p : -1;
            }
        }
        return -1;
    }

    /** The whole record of a process. */
    public Process process(int p) {
        EnumSet<Witness> startedBy = EnumSet.noneOf(Witness.class);
        if (table.has(p, ProcessTable.START_SYSMON)) {
            startedBy.add(Witness.SYSMON);
        }
        if (table.has(p, ProcessTable.START_SECURITY)) {
            startedBy.add(Witness.SECURITY);
        }
        Map<ActivityKind, Integer> activity = new EnumMap<>(ActivityKind.class);
        for (ActivityKind kind : ActivityKind.ALL) {
            int count = table.activity(p, kind);
            if (count > 0) {
                activity.put(kind, count);
            }
        }
        return new Process(p, host(p), table.pidOf(p), table.guid(p), table.image[p], table.commandLine[p],
                table.user[p], table.logonId[p], Ticks.toInstant(table.start[p]), Ticks.toInstant(table.end[p]),
                Ticks.toInstant(table.firstSeen(p)), Ticks.toInstant(table.lastSeen(p)),
                table.has(p, ProcessTable.PLACEHOLDER), startedBy, table.parent[p], link(p),
                table.claimedParentImage[p], table.sysmonStart[p], table.securityStart[p], table.stopEvent[p],
                activity);
    }

    public Link link(int p) {
        if (!table.hasLink(p)) {
            return new Link(LinkKind.UNKNOWN, LinkReason.NO_PARENT_ID, -1, -1, null, Check.NOT_COMPARED,
                    Check.NOT_COMPARED, Check.NOT_COMPARED);
        }
        int parent = table.parent[p];
        Duration gap = null;
        if (parent >= 0 && Ticks.known(table.start[p]) && Ticks.known(table.effectiveStart(parent))) {
            long ticks = table.start[p] - table.effectiveStart(parent);
            gap = Duration.ofSeconds(Math.floorDiv(ticks, Ticks.PER_SECOND), Math.floorMod(ticks, Ticks.PER_SECOND) * 100);
        }
        return new Link(LinkKind.values()[table.linkKind[p]], LinkReason.ALL[table.linkReason[p]], parent,
                table.candidate[p], gap, Check.ALL[table.logonCheck[p]], Check.ALL[table.imageCheck[p]],
                Check.ALL[table.commandLineCheck[p]]);
    }

    /** The start or first evidence of a process, in 100 ns ticks, or {@link Ticks#UNKNOWN}. */
    private long firstTicks(int p) {
        return table.effectiveStart(p);
    }

    /** The stop, or else the last evidence of a process, in 100 ns ticks, or {@link Ticks#UNKNOWN}. */
    private long lastTicks(int p) {
        return Ticks.known(table.end[p]) ? Math.max(table.end[p], table.lastSeen(p)) : table.lastSeen(p);
    }
}
