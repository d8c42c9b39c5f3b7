package org.sigmascope.ingest.csv;

/** Which character separates cells, from the header line: the most frequent of , ; tab | outside quotes. */
final class Delimiters {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private Delimiters() {
    }

    static char sniff(String headerLine) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }
}
