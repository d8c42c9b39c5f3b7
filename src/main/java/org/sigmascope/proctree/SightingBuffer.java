package org.sigmascope.proctree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Event;

/**
 * Gathers what events say about processes in any order (evidence read file by file: the Sysmon log, then the
 * Security log) and replays it to a {@link ProcessTreeBuilder} in time order. Sightings are kept as primitive
 * columns, not objects: about 70 bytes each, plus 45 for what a start says of its parent, with equal strings shared.
 * Events at the same time keep the order they were offered in.
 */
public final class SightingBuffer {
    private static final Sighting.Role[] ROLES = Sighting.Role.values();
    private static final Witness[] WITNESSES = Witness.values();

    private final Map<String, Integer> hostIds = new HashMap<>();
    private final List<String> hostNames = new ArrayList<>();
    private final StringCache strings = new StringCache(1 << 16);
    private final List<String> problems = new ArrayList<>();
    private long problemCount;
    private long events;

    private int size;
    private long[] time = new long[1024];
    private long[] eventId = new long[1024];
    private int[] host = new int[1024];
    private byte[] kind = new byte[1024];
    private final Claims self = new Claims(1024);

    /** For starts only: the ordinal of their extra columns. */
    private int[] startIndex = new int[1024];
    private int starts;
    private final Claims parent = new Claims(256);

    /** What a sighting says of one process, as columns. */
    private static final class Claims {
        long[] pid;
        long[] guidHi;
        long[] guidLo;
        long[] logon;
        String[] image;
        String[] commandLine;
        String[] user;

        Claims(int capacity) {
            pid = new long[capacity];
            guidHi = new long[capacity];
            guidLo = new long[capacity];
            logon = new long[capacity];
            image = new String[capacity];
            commandLine = new String[capacity];
            user = new String[capacity];
        }

        void grow(int capacity) {
            pid = Arrays.copyOf(pid, capacity);
            guidHi = Arrays.copyOf(guidHi, capacity);
            guidLo = Arrays.copyOf(guidLo, capacity);
            logon = Arrays.copyOf(logon, capacity);
            image = Arrays.copyOf(image, capacity);
            commandLine = Arrays.copyOf(commandLine, capacity);
            user = Arrays.copyOf(user, capacity);
        }

        void set(int i, ProcessClaims c, StringCache strings) {
            pid[i] = c.pid();
            guidHi[i] = c.guid() == null ? 0 : c.guid().hi();
            guidLo[i] = c.guid() == null ? 0 : c.guid().lo();
            logon[i] = c.logonId();
            image[i] = strings.share(c.image());
            commandLine[i] = strings.share(c.commandLine());
            user[i] = strings.share(c.user());
        }

        ProcessClaims get(int i) {
            Guid guid = guidHi[i] == 0 && guidLo[i] == 0 ? null : new Guid(guidHi[i], guidLo[i]);
            return new ProcessClaims(pid[i], guid, image[i], commandLine[i], user[i], logon[i]);
        }
    }

    /** Offers an event; events that say nothing about processes are counted and dropped. */
    public void accept(Event event) {
        events++;
        Sighting s = SightingReader.read(event, message -> {
            problemCount++;
            if (problems.size() < 100) {
                problems.add(message);
            }
        });
        if (s != null) {
            add(s);
        }
    }

    public void add(Sighting s) {
        if (size == time.length) {
            grow();
        }
        int i = size++;
        time[i] = s.time();
        eventId[i] = s.eventId();
        host[i] = hostIds.computeIfAbsent(s.host(), h -> {
            hostNames.add(h);
            return hostNames.size() - 1;
        });
        // One byte: the role in bits 0-1, the witness in bits 2-3, the activity kind in bits 4-7 (15: none).
        kind[i] = (byte) (s.role().ordinal() | s.witness().ordinal() << 2
                | (s.activity() == null ? 15 : s.activity().ordinal()) << 4);
        self.set(i, s.self(), strings);
        startIndex[i] = -1;
        if (s.role() == Sighting.Role.START) {
            if (starts == parent.pid.length) {
                parent.grow(starts * 2);
            }
            startIndex[i] = starts;
            parent.set(starts, s.parent(), strings);
            starts++;
        }
    }

    private void grow() {
        int capacity = time.length + (time.length >> 1);
        time = Arrays.copyOf(time, capacity);
        eventId = Arrays.copyOf(eventId, capacity);
        host = Arrays.copyOf(host, capacity);
        kind = Arrays.copyOf(kind, capacity);
        startIndex = Arrays.copyOf(startIndex, capacity);
        self.grow(capacity);
    }

    /** Builds the trees from everything offered, replayed in time order. */
    public ProcessTree build(TreeOptions options) {
        long[] keys = Arrays.copyOf(time, size);
        int[] order = new int[size];
        Arrays.setAll(order, i -> i);
        RadixSort.sort(keys, order, size);
        ProcessTreeBuilder builder = new ProcessTreeBuilder(options);
        for (int k = 0; k < size; k++) {
            builder.accept(sighting(order[k]));
        }
        builder.offered(events, problems, problemCount);
        return builder.build();
    }

    private Sighting sighting(int i) {
        int packed = kind[i] & 0xFF;
        Sighting.Role role = ROLES[packed & 3];
        int kindOrdinal = packed >>> 4;
        ProcessClaims parentClaims = startIndex[i] < 0 ? ProcessClaims.NONE : parent.get(startIndex[i]);
        return new Sighting(role, WITNESSES[packed >>> 2 & 3], kindOrdinal == 15 ? null : ActivityKind.ALL[kindOrdinal],
                eventId[i], hostNames.get(host[i]), time[i], self.get(i), parentClaims);
    }
}
