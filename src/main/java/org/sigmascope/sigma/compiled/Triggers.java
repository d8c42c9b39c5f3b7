package org.sigmascope.sigma.compiled;

import java.util.Set;
import java.util.TreeSet;

/**
 * The atoms that trigger a rule: a set such that whenever the rule's condition holds, one of them holds. The
 * engine evaluates a rule's condition only on events where one of its triggers is true. From an {@code and} the
 * rarest operand's triggers are taken (any operand's would do); an {@code or} needs all of its operands'; a
 * {@code not} gives none, so a condition such as {@code not filter} is evaluated on every event of its kind.
 */
final class Triggers {
    private Triggers() {
    }

    /**
     * The trigger atoms, or {@code null} when none can be told (the rule is evaluated on every event); an empty
     * array when the condition can never hold.
     */
    static int[] of(Node node, Atom[] atoms) {
        Set<Integer> set = collect(node, atoms);
        return set == null ? null : set.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Set<Integer> collect(Node node, Atom[] atoms) {
        if (node instanceof Node.AtomRef ref) {
            Set<Integer> one = new TreeSet<>();
            one.add(ref.atom());
            return one;
        }
        if (node instanceof Node.Const c) {
            return c.value() ? null : new TreeSet<>();
        }
        if (node instanceof Node.Or or) {
            Set<Integer> union = new TreeSet<>();
            for (Node operand : or.operands()) {
                Set<Integer> part = collect(operand, atoms);
                if (part == null) {
                    return null;
                }
                union.addAll(part);
            }
            return union;
        }
        if (node instanceof Node.And and) {
            Set<Integer> best = null;
            int bestQuality = -1;
            for (Node operand : and.operands()) {
                Set<Integer> part = collect(operand, atoms);
                if (part == null) {
                    continue;
                }
                int quality = quality(part, atoms);
                if (quality > bestQuality || quality == bestQuality && part.size() < best.size()) {
                    best = part;
                    bestQuality = quality;
                }
            }
            return best;
        }
        return null; // Not
    }

    /** A set is as good as its weakest atom; an empty set (never true) is the best of all. */
    private static int quality(Set<Integer> set, Atom[] atoms) {
        int quality = Integer.MAX_VALUE;
        for (int atom : set) {
            quality = Math.min(quality, atoms[atom].quality());
        }
        return quality;
    }
}
