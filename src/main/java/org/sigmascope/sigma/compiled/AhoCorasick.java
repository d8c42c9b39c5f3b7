package org.sigmascope.sigma.compiled;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton over folded chars ({@link Fold}): one pass over a text finds every occurrence of every
 * pattern. States near the root, where a scan spends nearly all its steps, have a dense row of transitions over
 * the automaton's own alphabet (the chars its patterns use, plus one class for every other char); deeper states
 * keep only their trie edges and fall back along failure links. So thousands of patterns cost a few MB, not the
 * hundreds a fully dense table would.
 */
final class AhoCorasick {
    /** States up to depth 2 get dense rows, deeper ones too while the rows stay within this many entries. */
    private static final int DENSE_BUDGET = 256 * 1024;
    private static final int MAX_DENSE_DEPTH = 8;

    private final int[] asciiClass = new int[128];
    private final Map<Character, Integer> otherClass;
    private final int alphabet;
    /** Dense row number of each state, or -1. */
    private final int[] denseRow;
    private final int[] dense;
    /** Trie edges of each state: classes and targets from {@code edgeStart[s]} to {@code edgeStart[s + 1]}. */
    private final int[] edgeStart;
    private final int[] edgeClass;
    private final int[] edgeTarget;
    private final int[] fail;
    /** Patterns that end exactly at each state, or {@code null}. */
    private final int[][] outputs;
    /** The nearest proper suffix state with outputs, or -1. */
    private final int[] dictLink;
    private final int patternCount;

    /** @param patterns folded, non-empty patterns; pattern {@code i} is reported as {@code i} */
    AhoCorasick(List<String> patterns) {
        patternCount = patterns.size();
        Map<Character, Integer> classes = new HashMap<>();
        for (String pattern : patterns) {
            for (int i = 0; i < pattern.length(); i++) {
                classes.putIfAbsent(pattern.charAt(i), classes.size() + 1);
            }
        }
        alphabet = classes.size() + 1;
        Map<Character, Integer> other = new HashMap<>();
        classes.forEach((c, cls) -> {
            if (c < 128) {
                asciiClass[c] = cls;
            } else {
                other.put(c, cls);
            }
        });
        otherClass = other.isEmpty() ? null : other;
        // The trie, built with edges in sibling lists (no boxing), then laid out edge by edge per state.
        IntList firstEdge = new IntList();
        IntList depth = new IntList();
        IntList nextSibling = new IntList();
        IntList siblingClass = new IntList();
        IntList siblingTarget = new IntList();
        List<List<Integer>> ends = new ArrayList<>();
        firstEdge.add(-1);
        depth.add(0);
        ends.add(null);
        for (int p = 0; p < patterns.size(); p++) {
            String pattern = patterns.get(p);
            int state = 0;
            for (int i = 0; i < pattern.length(); i++) {
                int cls = classOf(pattern.charAt(i));
                int next = -1;
                for (int e = firstEdge.get(state); e >= 0; e = nextSibling.get(e)) {
                    if (siblingClass.get(e) == cls) {
                        next = siblingTarget.get(e);
                        break;
                    }
                }
                if (next < 0) {
                    next = depth.size();
                    firstEdge.add(-1);
                    depth.add(i + 1);
                    ends.add(null);
                    nextSibling.add(firstEdge.get(state));
                    siblingClass.add(cls);
                    siblingTarget.add(next);
                    firstEdge.set(state, siblingClass.size() - 1);
                }
                state = next;
            }
            if (ends.get(state) == null) {
                ends.set(state, new ArrayList<>());
            }
            ends.get(state).add(p);
        }
        int states = depth.size();
        int[] perDepth = new int[MAX_DENSE_DEPTH + 2];
        for (int st = 0; st < states; st++) {
            perDepth[Math.min(depth.get(st), MAX_DENSE_DEPTH + 1)]++;
        }
        int denseDepth = 2;
        long denseStates = perDepth[0] + perDepth[1] + perDepth[2];
        while (denseDepth < MAX_DENSE_DEPTH && (denseStates + perDepth[denseDepth + 1]) * alphabet <= DENSE_BUDGET) {
            denseDepth++;
            denseStates += perDepth[denseDepth];
        }
        outputs = new int[states][];
        edgeStart = new int[states + 1];
        edgeClass = new int[siblingClass.size()];
        edgeTarget = new int[siblingClass.size()];
        denseRow = new int[states];
        int edges = 0;
        int rows = 0;
        for (int s = 0; s < states; s++) {
            List<Integer> end = ends.get(s);
            outputs[s] = end == null ? null : end.stream().mapToInt(Integer::intValue).toArray();
            edgeStart[s] = edges;
            for (int e = firstEdge.get(s); e >= 0; e = nextSibling.get(e)) {
                edgeClass[edges] = siblingClass.get(e);
                edgeTarget[edges++] = siblingTarget.get(e);
            }
            denseRow[s] = depth.get(s) <= denseDepth ? rows++ : -1;
        }
        edgeStart[states] = edges;
        dense = new int[rows * alphabet];
        fail = new int[states];
        dictLink = new int[states];
        dictLink[0] = -1;
        // Breadth first: a state's failure state is shallower, so its transitions are known when needed.
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            if (s != 0) {
                int f = fail[s];
                dictLink[s] = outputs[f] != null ? f : dictLink[f];
            }
            for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
                int child = edgeTarget[e];
                fail[child] = s == 0 ? 0 : step(fail[s], edgeClass[e]);
                queue.add(child);
            }
            if (denseRow[s] >= 0) {
                // The failure state is shallower, so dense too: start from its row, then add this state's edges.
                int base = denseRow[s] * alphabet;
                if (s != 0) {
                    System.arraycopy(dense, denseRow[fail[s]] * alphabet, dense, base, alphabet);
                }
                for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
                    dense[base + edgeClass[e]] = edgeTarget[e];
                }
            }
        }
    }

    private int child(int state, int cls) {
        for (int e = edgeStart[state]; e < edgeStart[state + 1]; e++) {
            if (edgeClass[e] == cls) {
                return edgeTarget[e];
            }
        }
        return -1;
    }

    /** The class of a folded char in this automaton's alphabet (0: a char no pattern has). */
    int classOf(char folded) {
        if (folded < 128) {
            return asciiClass[folded];
        }
        if (otherClass == null) {
            return 0;
        }
        Integer cls = otherClass.get(folded);
        return cls == null ? 0 : cls;
    }

    /** The state after reading a char of this class. */
    int step(int state, int cls) {
        int s = state;
        while (true) {
            int row = denseRow[s];
            if (row >= 0) {
                return dense[row * alphabet + cls];
            }
            int child = child(s, cls);
            if (child >= 0) {
                return child;
            }
            s = fail[s];
        }
    }

    boolean reports(int state) {
        return outputs[state] != null || dictLink[state] >= 0;
    }

    /**
     * Adds the patterns that end at this state and are not yet stamped {@code stamp} to {@code sink[0]} (grown
     * as needed), stamping them; returns the new count.
     */
    int collect(int state, int[][] sink, int count, int[] stamps, int stamp) {
        for (int s = outputs[state] != null ? state : dictLink[state]; s >= 0; s = dictLink[s]) {
            for (int pattern : outputs[s]) {
                if (stamps[pattern] != stamp) {
                    stamps[pattern] = stamp;
                    if (count == sink[0].length) {
                        sink[0] = Arrays.copyOf(sink[0], count * 2);
                    }
                    sink[0][count++] = pattern;
                }
            }
        }
        return count;
    }

    int patterns() {
        return patternCount;
    }

    /** A growable list of ints, for building. */
    private static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        void set(int index, int value) {
            values[index] = value;
        }

        int size() {
            return size;
        }
    }

    /** Approximate heap bytes of the tables. */
    long bytes() {
        return 4L * dense.length + 4L * (edgeClass.length + edgeTarget.length) + 25L * outputs.length;
    }
}
