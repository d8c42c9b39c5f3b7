package org.sigmascope.sigma.modifier;

import java.util.Set;
import java.util.regex.PatternSyntaxException;

import org.sigmascope.sigma.detection.RegexMatcher;
import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code re}: the value is a regular expression, taken exactly as written (no wildcard or escape processing),
 * searched for anywhere in the field, case-sensitive unless {@code i}. It must come first. The rule is refused
 * when the expression does not compile.
 */
final class Re implements Modifier {
    @Override
    public String name() {
        return "re";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        context.requireFirst(name());
        String regex = context.written();
        if (regex == null) {
            regex = Strings.requireString(value, name(), context).toString();
        }
        try {
            RegexMatcher.compile(regex, Set.of());
        } catch (PatternSyntaxException e) {
            throw new ModifierException("invalid regular expression: " + e.getDescription() + " near index "
                    + e.getIndex() + " of '" + regex + "'");
        }
        return new SigmaValue.Regex(regex, Set.of());
    }
}
