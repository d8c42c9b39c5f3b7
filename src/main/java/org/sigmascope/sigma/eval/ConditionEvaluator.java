package org.sigmascope.sigma.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sigmascope.model.Match;
import org.sigmascope.model.Match.FieldHit;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.condition.Condition;
import org.sigmascope.sigma.detection.EventView;
import org.sigmascope.sigma.detection.SearchIdentifier;

/**
 * Evaluates a rule's condition on an event, plainly and in the order written: the reference against which
 * faster engines are checked.
 */
public final class ConditionEvaluator {
    private ConditionEvaluator() {
    }

    public static boolean matches(SigmaRule rule, EventView event) {
        return evaluate(rule.condition(), rule.identifiers(), event);
    }

    static boolean evaluate(Condition condition, Map<String, SearchIdentifier> identifiers, EventView event) {
        if (condition instanceof Condition.Identifier id) {
            return identifiers.get(id.name()).evaluate(event) != null;
        }
        if (condition instanceof Condition.Not not) {
            return !evaluate(not.operand(), identifiers, event);
        }
        if (condition instanceof Condition.And and) {
            for (Condition operand : and.operands()) {
                if (!evaluate(operand, identifiers, event)) {
                    return false;
                }
            }
            return true;
        }
        if (condition instanceof Condition.Or or) {
            for (Condition operand : or.operands()) {
                if (evaluate(operand, identifiers, event)) {
                    return true;
                }
            }
            return false;
        }
        throw new IllegalStateException("unresolved condition: " + condition);
    }

    /**
     * Why a rule that matched did: every search identifier the condition uses positively (not under a
     * {@code not}) that holds on the event, in the order the detection lists them. This is defined without regard
     * to evaluation order, so every engine gives the same explanation.
     */
    public static Match explain(SigmaRule rule, EventView event) {
        Set<String> positive = new HashSet<>();
        collectPositive(rule.condition(), false, positive);
        List<Match.SelectionHit> selections = new ArrayList<>();
        for (Map.Entry<String, SearchIdentifier> entry : rule.identifiers().entrySet()) {
            if (positive.contains(entry.getKey())) {
                List<FieldHit> hits = entry.getValue().evaluate(event);
                if (hits != null) {
                    selections.add(new Match.SelectionHit(entry.getKey(), hits));
                }
            }
        }
        return new Match(selections);
    }

    /** The identifiers under an even number of {@code not}s. */
    public static void collectPositive(Condition condition, boolean negated, Set<String> into) {
        if (condition instanceof Condition.Identifier id) {
            if (!negated) {
                into.add(id.name());
            }
        } else if (condition instanceof Condition.Not not) {
            collectPositive(not.operand(), !negated, into);
        } else if (condition instanceof Condition.And and) {
            and.operands().forEach(c -> collectPositive(c, negated, into));
        } else if (condition instanceof Condition.Or or) {
            or.operands().forEach(c -> collectPositive(c, negated, into));
        }
    }
}
