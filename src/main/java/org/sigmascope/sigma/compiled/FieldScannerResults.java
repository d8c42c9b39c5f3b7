package org.sigmascope.sigma.compiled;

import java.util.Arrays;

/** Sets of test indexes as scanners return them: small, unsorted, without repeats. */
final class FieldScannerResults {
    static final int[] NONE = new int[0];

    private FieldScannerResults() {
    }

    /** The tests in either set (for a field holding a list: any item may hold a test). */
    static int[] union(int[] a, int[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0) {
            return a;
        }
        int[] out = Arrays.copyOf(a, a.length + b.length);
        int count = a.length;
        for (int test : b) {
            boolean seen = false;
            for (int i = 0; i < a.length && !seen; i++) {
                seen = a[i] == test;
            }
            if (!seen) {
                out[count++] = test;
            }
        }
        return Arrays.copyOf(out, count);
    }
}
