package org.sigmascope.proctree;

import java.time.Instant;
import java.util.Arrays;

/**
 * Part of a tree to show: the processes a query matched, the ancestors that root them (context), and optionally
 * what the matches went on to start (descendants). Walked as a forest: {@link #roots()}, then {@link #children}.
 */
public final class Selection {
    /** Why a process is in the selection. */
    public enum Mark {
        /** The query matched it (in the time range, the predicate held, a detection is on it). */
        MATCH,
        /** An ancestor of a match, shown so the match has its chain up to a root. */
        CONTEXT,
        /** Started, directly or not, by a match. */
        DESCENDANT
    }

    private final ProcessTree tree;
    /** 0 when left out, else the mark's ordinal plus one. */
    private final byte[] marks;

    private Selection(ProcessTree tree, byte[] marks) {
        this.tree = tree;
        this.marks = marks;
    }

    /** The processes given, with their ancestors as context. */
    public static Selection of(ProcessTree tree, int[] matches) {
        byte[] marks = new byte[tree.size()];
        for (int p : matches) {
            marks[p] = (byte) (Mark.MATCH.ordinal() + 1);
        }
        for (int p : matches) {
            for (int a = tree.parent(p); a >= 0 && marks[a] == 0; a = tree.parent(a)) {
                marks[a] = (byte) (Mark.CONTEXT.ordinal() + 1);
            }
        }
        return new Selection(tree, marks);
    }

    /** The processes {@link ProcessTree#inRange} gives, with their ancestors as context. */
    public static Selection inRange(ProcessTree tree, String host, Instant from, Instant to) {
        return of(tree, tree.inRange(host, from, to));
    }

    /** This selection plus every descendant of its matches. */
    public Selection withDescendants() {
        byte[] more = marks.clone();
        for (int p = 0; p < marks.length; p++) {
            if (marks[p] == Mark.MATCH.ordinal() + 1) {
                for (int d : tree.descendants(p)) {
                    if (more[d] == 0 || more[d] == Mark.CONTEXT.ordinal() + 1) {
                        more[d] = (byte) (Mark.DESCENDANT.ordinal() + 1);
                    }
                }
            }
        }
        return new Selection(tree, more);
    }

    public ProcessTree tree() {
        return tree;
    }

    public boolean contains(int p) {
        return marks[p] != 0;
    }

    /** The mark, or {@code null} when the process is not in the selection. */
    public Mark mark(int p) {
        return marks[p] == 0 ? null : Mark.values()[marks[p] - 1];
    }

    /** Every process in the selection, in id order. */
    public int[] members() {
        return java.util.stream.IntStream.range(0, marks.length).filter(p -> marks[p] != 0).toArray();
    }

    public boolean isEmpty() {
        return members().length == 0;
    }

    /** The selected processes whose parent is not selected, in id order (host, then start). */
    public int[] roots() {
        return java.util.stream.IntStream.range(0, marks.length)
                .filter(p -> marks[p] != 0 && (tree.parent(p) < 0 || marks[tree.parent(p)] == 0)).toArray();
    }

    /** The selected children, in start order. */
    public int[] children(int p) {
        return Arrays.stream(tree.children(p)).filter(c -> marks[c] != 0).toArray();
    }
}
