package org.sigmascope.proctree;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Which process each attached event (start, stop, activity) belongs to: pairs of event id and process, sorted by
 * event id once the tree is built, so detections find their process by binary search. Twelve bytes an event.
 */
final class EventIndex {
    private long[] ids = new long[1024];
    private int[] processes = new int[1024];
    private int size;
    private boolean sorted;

    void add(long eventId, int process) {
        if (size == ids.length) {
            int capacity = size + (size >> 1);
            ids = Arrays.copyOf(ids, capacity);
            processes = Arrays.copyOf(processes, capacity);
        }
        ids[size] = eventId;
        processes[size] = process;
        size++;
    }

    int size() {
        return size;
    }

    /** Maps every process through {@code remap} (-1 drops the pair), then sorts by event id. */
    void freeze(IntUnaryOperator remap) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int p = remap.applyAsInt(processes[i]);
            if (p >= 0) {
                ids[kept] = ids[i];
                processes[kept] = p;
                kept++;
            }
        }
        size = kept;
        // Trimmed first, so the sort's scratch space is the only second copy alive at once.
        ids = Arrays.copyOf(ids, size);
        processes = Arrays.copyOf(processes, size);
        RadixSort.sort(ids, processes, size);
        sorted = true;
    }

    /** The process of the event, or -1. */
    int find(long eventId) {
        if (!sorted) {
            throw new IllegalStateException("the index is not frozen");
        }
        int at = Arrays.binarySearch(ids, 0, size, eventId);
        return at < 0 ? -1 : processes[at];
    }

    /** The ids of the events of a process, in id order: a scan of the index, for an analyst's click, not a loop. */
    long[] eventsOf(int process) {
        long[] found = new long[16];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (processes[i] == process) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = ids[i];
            }
        }
        return Arrays.copyOf(found, n);
    }
}
