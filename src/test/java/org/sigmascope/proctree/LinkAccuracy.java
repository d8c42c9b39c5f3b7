package org.sigmascope.proctree;

import java.util.Locale;
import java.util.function.LongToIntFunction;

/**
 * Checks a tree's parent links against the truth. Each process seen starting is identified by its start event; its
 * true parent was either seen starting (then the right link points at exactly that process) or not (then the right
 * answer is a placeholder: linking it to some process seen starting is an error).
 *
 * @param children     processes seen starting whose true parent is known
 * @param parentSeen   of which, the true parent was seen starting too
 * @param right        … and the tree links exactly that parent
 * @param wrong        … and the tree links another process seen starting
 * @param missed       … and the tree gives a placeholder (unknown) instead
 * @param parentUnseen the true parent was never seen starting
 * @param unseenRight  … and the tree gives a placeholder
 * @param unseenWrong  … and the tree links a process seen starting (wrong)
 * @param exactWrong   exact (GUID) links that point at a wrong process
 */
record LinkAccuracy(int children, int parentSeen, int right, int wrong, int missed, int parentUnseen,
                    int unseenRight, int unseenWrong, int exactWrong) {

    /**
     * @param truthOfStart the true process a start event logged, or -1
     * @param trueParent   the true parent of a true process, or -1
     * @param seen         whether a true process's start is in the evidence
     */
    static LinkAccuracy measure(ProcessTree tree, LongToIntFunction truthOfStart,
                                java.util.function.IntUnaryOperator trueParent,
                                java.util.function.IntPredicate seen) {
        int children = 0;
        int parentSeen = 0;
        int right = 0;
        int wrong = 0;
        int missed = 0;
        int parentUnseen = 0;
        int unseenRight = 0;
        int unseenWrong = 0;
        int exactWrong = 0;
        for (int p = 0; p < tree.size(); p++) {
            int truth = truthOf(tree, p, truthOfStart);
            if (truth < 0) {
                continue;
            }
            int expected = trueParent.applyAsInt(truth);
            if (expected < 0) {
                continue;
            }
            children++;
            int parent = tree.parent(p);
            int got = parent < 0 ? -1 : truthOf(tree, parent, truthOfStart);
            if (tree.link(p).kind() == LinkKind.EXACT && got >= 0 && got != expected) {
                exactWrong++;
            }
            if (seen.test(expected)) {
                parentSeen++;
                if (got == expected) {
                    right++;
                } else if (got >= 0) {
                    wrong++;
                } else {
                    missed++;
                }
            } else {
                parentUnseen++;
                if (got >= 0) {
                    unseenWrong++;
                } else {
                    unseenRight++;
                }
            }
        }
        return new LinkAccuracy(children, parentSeen, right, wrong, missed, parentUnseen, unseenRight, unseenWrong,
                exactWrong);
    }

    /** Which true processes the tree has seen starting: for evidence holding only some of the truth's starts. */
    static java.util.function.IntPredicate startedIn(ProcessTree tree, LongToIntFunction truthOfStart) {
        java.util.Set<Integer> started = new java.util.HashSet<>();
        for (int p = 0; p < tree.size(); p++) {
            int truth = truthOf(tree, p, truthOfStart);
            if (truth >= 0) {
                started.add(truth);
            }
        }
        return started::contains;
    }

    private static int truthOf(ProcessTree tree, int p, LongToIntFunction truthOfStart) {
        Process process = tree.process(p);
        int truth = process.sysmonStartEvent() >= 0 ? truthOfStart.applyAsInt(process.sysmonStartEvent()) : -1;
        return truth >= 0 || process.securityStartEvent() < 0 ? truth
                : truthOfStart.applyAsInt(process.securityStartEvent());
    }

    /** Of the links made to processes seen starting, the share that is right. */
    double precision() {
        int made = right + wrong + unseenWrong;
        return made == 0 ? 1 : (double) right / made;
    }

    /** Of the children whose parent was seen starting, the share linked to it. */
    double recall() {
        return parentSeen == 0 ? 1 : (double) right / parentSeen;
    }

    /** Of all children, the share whose answer is right (the right parent, or a placeholder when it was unseen). */
    double accuracy() {
        return children == 0 ? 1 : (double) (right + unseenRight) / children;
    }

    String row(String name) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %.2f%% | %.2f%% | %.2f%% |", name,
                children, parentSeen, right, wrong, missed, parentUnseen, unseenWrong, 100 * precision(),
                100 * recall(), 100 * accuracy());
    }
}
