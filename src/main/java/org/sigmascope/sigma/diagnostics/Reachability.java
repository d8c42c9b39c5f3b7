package org.sigmascope.sigma.diagnostics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.condition.Condition;
import org.sigmascope.sigma.detection.FieldCondition;
import org.sigmascope.sigma.detection.SearchIdentifier;

/**
 * Whether a rule's condition can hold at all on some kind of event. A search identifier cannot hold when each of
 * its alternatives has an item that cannot hold (an item that needs a field the events never have, or asks for an
 * event id they do not have). The condition is then evaluated in three values (false, unknown, true): a rule
 * whose condition is false whatever the values cannot fire. The analysis errs toward "can fire": it never claims a
 * rule is dead when it is not.
 */
final class Reachability {
    private enum Truth { FALSE, UNKNOWN, TRUE }

    /**
     * @param canHold whether the condition may hold
     * @param missing what the events lack that makes identifiers impossible (meaningful when it cannot hold)
     */
    record Result(boolean canHold, Set<String> missing) {
    }

    private Reachability() {
    }

    /**
     * @param impossible for an item, what the events lack that it needs ({@code LogonType}, {@code EventID 4624}),
     *                   or {@code null} when it may hold
     */
    static Result of(SigmaRule rule, Function<FieldCondition, String> impossible) {
        Set<String> missing = new TreeSet<>();
        Truth truth = evaluate(rule.condition(), rule.identifiers(), impossible, missing);
        return new Result(truth != Truth.FALSE, missing);
    }

    private static Truth evaluate(Condition condition, Map<String, SearchIdentifier> identifiers,
                                  Function<FieldCondition, String> impossible, Set<String> missing) {
        if (condition instanceof Condition.Identifier id) {
            return possible(identifiers.get(id.name()), impossible, missing) ? Truth.UNKNOWN : Truth.FALSE;
        }
        if (condition instanceof Condition.Not not) {
            Truth inner = evaluate(not.operand(), identifiers, impossible, new TreeSet<>());
            return inner == Truth.FALSE ? Truth.TRUE : inner == Truth.TRUE ? Truth.FALSE : Truth.UNKNOWN;
        }
        boolean and = condition instanceof Condition.And;
        List<Condition> operands = and ? ((Condition.And) condition).operands() : ((Condition.Or) condition).operands();
        Truth decisive = and ? Truth.FALSE : Truth.TRUE;
        Truth result = and ? Truth.TRUE : Truth.FALSE;
        for (Condition operand : operands) {
            Truth truth = evaluate(operand, identifiers, impossible, missing);
            if (truth == decisive) {
                return decisive;
            }
            if (truth == Truth.UNKNOWN) {
                result = Truth.UNKNOWN;
            }
        }
        return result;
    }

    private static boolean possible(SearchIdentifier identifier, Function<FieldCondition, String> impossible, Set<String> missing) {
        Set<String> needed = new TreeSet<>();
        for (List<FieldCondition> alternative : identifier.alternatives()) {
            boolean blocked = false;
            for (FieldCondition item : alternative) {
                String lacking = impossible.apply(item);
                if (lacking != null) {
                    needed.add(lacking);
                    blocked = true;
                }
            }
            if (!blocked) {
                return true;
            }
        }
        missing.addAll(needed);
        return false;
    }
}
