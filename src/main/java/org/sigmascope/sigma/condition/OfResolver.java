package org.sigmascope.sigma.condition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces {@code x of} selectors by the identifiers they name and checks that every identifier exists.
 *
 * <p>{@code them} and patterns that do not start with {@code _} skip identifiers starting with {@code _}
 * (Sigma specification 2.1): such identifiers are helpers meant to be used explicitly.
 */
public final class OfResolver {
    private OfResolver() {
    }

    public static Condition resolve(Condition condition, Collection<String> identifiers) throws ConditionException {
        if (condition instanceof Condition.Identifier id) {
            if (!identifiers.contains(id.name())) {
                throw new ConditionException("the condition names '" + id.name()
                        + "', which is not a search identifier of the detection", -1);
            }
            return id;
        }
        if (condition instanceof Condition.Not not) {
            return new Condition.Not(resolve(not.operand(), identifiers));
        }
        if (condition instanceof Condition.And and) {
            return new Condition.And(resolveAll(and.operands(), identifiers));
        }
        if (condition instanceof Condition.Or or) {
            return new Condition.Or(resolveAll(or.operands(), identifiers));
        }
        Condition.Of of = (Condition.Of) condition;
        List<Condition> matched = new ArrayList<>();
        for (String name : identifiers) {
            if (selects(of.pattern(), name)) {
                matched.add(new Condition.Identifier(name));
            }
        }
        if (matched.isEmpty()) {
            throw new ConditionException("'" + (of.quantifier() == Condition.Quantifier.ALL ? "all" : "1")
                    + " of " + of.pattern() + "' matches no search identifier", -1);
        }
        if (matched.size() == 1) {
            return matched.get(0);
        }
        return of.quantifier() == Condition.Quantifier.ALL ? new Condition.And(matched) : new Condition.Or(matched);
    }

    private static List<Condition> resolveAll(List<Condition> operands, Collection<String> identifiers)
            throws ConditionException {
        List<Condition> resolved = new ArrayList<>(operands.size());
        for (Condition operand : operands) {
            resolved.add(resolve(operand, identifiers));
        }
        return resolved;
    }

    static boolean selects(String pattern, String identifier) {
        if (pattern.equals("them")) {
            return !identifier.startsWith("_");
        }
        if (identifier.startsWith("_") && !pattern.startsWith("_")) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        int literalStart = 0;
        for (int i = 0; i <= pattern.length(); i++) {
            if (i == pattern.length() || pattern.charAt(i) == '*') {
                if (i > literalStart) {
                    regex.append(Pattern.quote(pattern.substring(literalStart, i)));
                }
                if (i < pattern.length()) {
                    regex.append(".*");
                }
                literalStart = i + 1;
            }
        }
        return Pattern.matches(regex.toString(), identifier);
    }
}
