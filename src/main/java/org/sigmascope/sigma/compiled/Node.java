package org.sigmascope.sigma.compiled;

import java.util.ArrayList;
import java.util.List;

/** A rule's condition for one kind of event, over the plan's atoms. Constants are folded as nodes are made. */
sealed interface Node {
    Node TRUE = new Const(true);
    Node FALSE = new Const(false);

    boolean eval(Evaluation evaluation);

    record Const(boolean value) implements Node {
        @Override
        public boolean eval(Evaluation evaluation) {
            return value;
        }
    }

    record AtomRef(int atom) implements Node {
        @Override
        public boolean eval(Evaluation evaluation) {
            return evaluation.atom(atom);
        }
    }

    record Not(Node operand) implements Node {
        @Override
        public boolean eval(Evaluation evaluation) {
            return !operand.eval(evaluation);
        }
    }

    record And(Node[] operands) implements Node {
        @Override
        public boolean eval(Evaluation evaluation) {
            for (Node operand : operands) {
                if (!operand.eval(evaluation)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(Node[] operands) implements Node {
        @Override
        public boolean eval(Evaluation evaluation) {
            for (Node operand : operands) {
                if (operand.eval(evaluation)) {
                    return true;
                }
            }
            return false;
        }
    }

    static Node not(Node operand) {
        if (operand instanceof Const c) {
            return c.value() ? FALSE : TRUE;
        }
        return operand instanceof Not n ? n.operand() : new Not(operand);
    }

    static Node and(List<Node> operands) {
        List<Node> kept = new ArrayList<>();
        for (Node operand : operands) {
            if (operand == FALSE || operand.equals(FALSE)) {
                return FALSE;
            }
            if (!operand.equals(TRUE)) {
                kept.add(operand);
            }
        }
        return kept.isEmpty() ? TRUE : kept.size() == 1 ? kept.get(0) : new And(kept.toArray(Node[]::new));
    }

    static Node or(List<Node> operands) {
        List<Node> kept = new ArrayList<>();
        for (Node operand : operands) {
            if (operand.equals(TRUE)) {
                return TRUE;
            }
            if (!operand.equals(FALSE)) {
                kept.add(operand);
            }
        }
        return kept.isEmpty() ? FALSE : kept.size() == 1 ? kept.get(0) : new Or(kept.toArray(Node[]::new));
    }
}
