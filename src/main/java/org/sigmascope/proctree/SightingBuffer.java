package org.sigmascope.proctree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Event;

/**
 * Gathers what events say about processes in any order (evidence read file by file: the Sysmon log, then the
 * Security log) and replays it to a {@link ProcessTreeBuilder} in time order. Starts and stops are kept as
 * sightings; the far more numerous activities as primitive columns (about 50 bytes each), so a buffer of millions
 * stays small. Events at the same time keep the order they were offered in.
 */
public final class SightingBuffer {
    private final List<Sighting> startsAndStops = new ArrayList<>();
    private final Map<String, Integer> stringIds = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long problemCount;
    private long events;

    private int activities;
    private long[] time = new long[1024];
    private long[] eventId = new long[1024];
    private long[] guidHi = new long[1024];
    private long[] guidLo = new long[1024];
    private long[] pid = new long[1024];
    private int[] host = new int[1024];
    private int[] image = new int[1024];
    private byte[] kind = new byte[1024];
    private byte[] witness = new byte[1024];

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
        if (s.role() != Sighting.Role.ACTIVITY) {
            startsAndStops.add(s);
            return;
        }
        if (activities == time.length) {
            grow();
        }
        int i = activities++;
        time[i] = s.time();
        eventId[i] = s.eventId();
        Guid guid = s.self().guid();
        guidHi[i] = guid == null ? 0 : guid.hi();
        guidLo[i] = guid == null ? 0 : guid.lo();
        pid[i] = s.self().pid();
        host[i] = intern(s.host());
        image[i] = s.self().image() == null ? -1 : intern(s.self().image());
        kind[i] = (byte) s.activity().ordinal();
        witness[i] = (byte) s.witness().ordinal();
    }

    private int intern(String text) {
        return stringIds.computeIfAbsent(text, t -> {
            strings.add(t);
            return strings.size() - 1;
        });
    }

    private void grow() {
        int capacity = time.length + (time.length >> 1);
        time = Arrays.copyOf(time, capacity);
        eventId = Arrays.copyOf(eventId, capacity);
        guidHi = Arrays.copyOf(guidHi, capacity);
        guidLo = Arrays.copyOf(guidLo, capacity);
        pid = Arrays.copyOf(pid, capacity);
        host = Arrays.copyOf(host, capacity);
        image = Arrays.copyOf(image, capacity);
        kind = Arrays.copyOf(kind, capacity);
        witness = Arrays.copyOf(witness, capacity);
    }

    /** Builds the trees from everything offered, replayed in time order. */
    public ProcessTree build(TreeOptions options) {
        int full = startsAndStops.size();
        int n = full + activities;
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < full; i++) {
            keys[i] = startsAndStops.get(i).time();
            order[i] = i;
        }
        for (int j = 0; j < activities; j++) {
            keys[full + j] = time[j];
            order[full + j] = full + j;
        }
        RadixSort.sort(keys, order, n);
        ProcessTreeBuilder builder = new ProcessTreeBuilder(options);
        for (int k = 0; k < n; k++) {
            int i = order[k];
            builder.accept(i < full ? startsAndStops.get(i) : activity(i - full));
        }
        builder.offered(events, problems, problemCount);
        return builder.build();
    }

    private Sighting activity(int j) {
        Guid guid = guidHi[j] == 0 && guidLo[j] == 0 ? null : new Guid(guidHi[j], guidLo[j]);
        ProcessClaims self = new ProcessClaims(pid[j], guid, image[j] < 0 ? null : strings.get(image[j]), null, null,
                ProcessClaims.NO_LOGON);
        return new Sighting(Sighting.Role.ACTIVITY, Witness.values()[witness[j]], ActivityKind.ALL[kind[j]],
                eventId[j], strings.get(host[j]), time[j], self, ProcessClaims.NONE);
    }
}
