package org.sigmascope.ingest.evtx.recovery;

import java.util.ArrayList;
import java.util.List;

/**
 * The record ids the live chunks of a file hold, as merged ranges from their headers (evtx-checklist
 * "Recovery": carved records are de-duplicated by record id). Kept as ranges, so a file of millions of records
 * costs a few bytes per chunk.
 */
public final class LiveRecordIds {
    private long[] starts = new long[16];
    private long[] ends = new long[16];
    private int count;
    private boolean merged = true;

    /** Adds the ids {@code [first, last]}. */
    public void add(long first, long last) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        starts[count] = first;
        ends[count] = last;
        count++;
        merged = false;
    }

    public boolean contains(long id) {
        merge();
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (ends[mid] < id) {
                low = mid + 1;
            } else if (starts[mid] > id) {
                high = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private void merge() {
        if (merged) {
            return;
        }
        List<long[]> ranges = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ranges.add(new long[] {starts[i], ends[i]});
        }
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        int n = 0;
        for (long[] range : ranges) {
            if (n > 0 && range[0] <= ends[n - 1] + 1) {
                ends[n - 1] = Math.max(ends[n - 1], range[1]);
            } else {
                starts[n] = range[0];
                ends[n] = range[1];
                n++;
            }
        }
        count = n;
        merged = true;
    }
}
