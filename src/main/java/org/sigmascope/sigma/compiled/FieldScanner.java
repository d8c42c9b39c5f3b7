package org.sigmascope.sigma.compiled;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides all the text tests of one field (for one kind of event) in one pass over a value: equality by one hash
 * probe, everything else by an Aho–Corasick search for the tests' literals, then each candidate verified by the
 * rule's own matcher. Immutable and thread-safe; per-thread buffers come in a {@link Scratch}.
 */
final class FieldScanner {
    private static final int[] NONE = new int[0];

    /** Per-thread buffers of the scans. */
    static final class Scratch {
        char[] folded = new char[256];
        final int[][] hits = {new int[64]};
        int[] patternStamps = new int[64];
        int[] testStamps = new int[64];
        int[] found = new int[64];
        int stamp;

        void fit(FieldScanner scanner, int length) {
            if (folded.length < length) {
                folded = new char[Math.max(length, folded.length * 2)];
            }
            if (patternStamps.length < scanner.patternCount()) {
                patternStamps = new int[scanner.patternCount() * 2];
            }
            if (testStamps.length < scanner.tests.length) {
                testStamps = new int[scanner.tests.length * 2];
                found = new int[scanner.tests.length * 2];
            }
            if (++stamp == 0) {
                Arrays.fill(patternStamps, 0);
                Arrays.fill(testStamps, 0);
                stamp = 1;
            }
        }
    }

    final int id;
    final TextTest[] tests;
    private final ExactTable exact;
    private final AhoCorasick automaton;
    /** For each automaton pattern, the tests it is a literal of. */
    private final int[][] testsOfPattern;
    private final int[] always;
    /**
     * Whether no test can hold on the text of a whole number: no test is always tried, and every literal and
     * exact value has a char other than a digit or minus sign, so the search of such a text finds nothing.
     */
    final boolean numbersNeverMatch;
    /**
     * Whether no test can hold on a text of only {@link #shaped} chars (GUIDs, times, hex numbers): no test is
     * always tried, and every literal and exact value has a (folded) char outside that set.
     */
    final boolean shapesNeverMatch;

    FieldScanner(int id, List<TextTest> tests) {
        this.id = id;
        this.tests = tests.toArray(TextTest[]::new);
        Map<String, List<Integer>> exactValues = new LinkedHashMap<>();
        Map<String, List<Integer>> anchors = new LinkedHashMap<>();
        List<Integer> alwaysTested = new ArrayList<>();
        for (int i = 0; i < this.tests.length; i++) {
            TextTest test = this.tests[i];
            if (test.exact() != null) {
                exactValues.computeIfAbsent(test.exact(), k -> new ArrayList<>()).add(i);
            } else if (test.anchors().isEmpty()) {
                alwaysTested.add(i);
            } else {
                for (String anchor : test.anchors()) {
                    anchors.computeIfAbsent(anchor, k -> new ArrayList<>()).add(i);
                }
            }
        }
        exact = exactValues.isEmpty() ? null : new ExactTable(exactValues);
        automaton = anchors.isEmpty() ? null : new AhoCorasick(new ArrayList<>(anchors.keySet()));
        testsOfPattern = anchors.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        always = alwaysTested.stream().mapToInt(Integer::intValue).toArray();
        numbersNeverMatch = always.length == 0 && exactValues.keySet().stream().noneMatch(FieldScanner::numeric)
                && anchors.keySet().stream().noneMatch(FieldScanner::numeric);
        shapesNeverMatch = always.length == 0 && exactValues.keySet().stream().noneMatch(FieldScanner::shaped)
                && anchors.keySet().stream().noneMatch(FieldScanner::shaped);
    }

    /** Whether a folded literal could occur in the decimal text of a whole number. */
    private static boolean numeric(String literal) {
        return literal.chars().allMatch(c -> c == '-' || c >= '0' && c <= '9');
    }

    /** Chars of GUIDs, times and hex numbers, as their folded (upper case) forms. */
    private static final String SHAPE_CHARS = "0123456789ABCDEFTXZ-{}:. ";
    /** Bit {@code c} set for each ASCII char (either case) whose folded form is a {@link #SHAPE_CHARS} char. */
    private static final long SHAPE_LOW;
    private static final long SHAPE_HIGH;

    static {
        long low = 0;
        long high = 0;
        for (char c : SHAPE_CHARS.toCharArray()) {
            for (char form : new char[] {c, Character.toLowerCase(c)}) {
                if (form < 64) {
                    low |= 1L << form;
                } else {
                    high |= 1L << (form - 64);
                }
            }
        }
        SHAPE_LOW = low;
        SHAPE_HIGH = high;
    }

    /**
     * Whether the text is made only of the ASCII chars of GUIDs, times and hex numbers (either case), so that its
     * folded form has no other char. Stops at the first other char, so a path or a name costs a char or two.
     */
    static boolean shaped(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            long bits = c < 64 ? SHAPE_LOW : SHAPE_HIGH;
            if (c >= 128 || (bits & 1L << (c & 63)) == 0) {
                return false;
            }
        }
        return true;
    }

    int patternCount() {
        return automaton == null ? 0 : automaton.patterns();
    }

    /** The indexes of the tests that hold on the text (a fresh array, or a shared empty one). */
    int[] scan(String text, Scratch scratch) {
        int length = text.length();
        scratch.fit(this, length);
        int stamp = scratch.stamp;
        boolean exactLength = exact != null && length >= exact.minLength && length <= exact.maxLength;
        char[] folded = scratch.folded;
        int hitCount = 0;
        int seen = 0;
        if (automaton != null) {
            int state = 0;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                seen |= c;
                char f = Fold.fold(c);
                folded[i] = f;
                state = automaton.step(state, automaton.classOf(f));
                if (automaton.reports(state)) {
                    hitCount = automaton.collect(state, scratch.hits, hitCount, scratch.patternStamps, stamp);
                }
            }
        } else if (exactLength) {
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                seen |= c;
                folded[i] = Fold.fold(c);
            }
        }
        boolean ascii = seen < 128;
        int[] testStamps = scratch.testStamps;
        int[] found = scratch.found;
        int count = 0;
        if (exactLength) {
            int[] candidates = exact.get(folded, length);
            if (candidates != null) {
                count = verify(candidates, text, ascii, testStamps, stamp, found, count);
            }
        }
        int[] hits = scratch.hits[0];
        for (int h = 0; h < hitCount; h++) {
            count = verify(testsOfPattern[hits[h]], text, ascii, testStamps, stamp, found, count);
        }
        count = verify(always, text, false, testStamps, stamp, found, count);
        return count == 0 ? NONE : Arrays.copyOf(found, count);
    }

    /** Confirms candidates with the rules' own matchers, unless the literal found in ASCII text decides. */
    private int verify(int[] candidates, String text, boolean ascii, int[] testStamps, int stamp, int[] found,
                       int count) {
        for (int test : candidates) {
            if (testStamps[test] != stamp) {
                testStamps[test] = stamp;
                TextTest candidate = tests[test];
                if (ascii && candidate.decidedByLiteral() || candidate.test(text)) {
                    found[count++] = test;
                }
            }
        }
        return count;
    }

    long bytes() {
        return (automaton == null ? 0 : automaton.bytes()) + (exact == null ? 0 : exact.bytes()) + 16L * tests.length;
    }
}
