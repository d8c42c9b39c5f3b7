package org.sigmascope.sigma.modifier;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.sigmascope.model.Fields;
import org.sigmascope.sigma.detection.FieldCondition;
import org.sigmascope.sigma.detection.NullMatcher;
import org.sigmascope.sigma.detection.SigmaString;
import org.sigmascope.sigma.detection.SigmaValue;
import org.sigmascope.sigma.detection.ValueMatcher;
import org.sigmascope.sigma.detection.WildcardMatcher;

/** Compiles one detection item ({@code field|modifiers: values}) into a {@link FieldCondition}. */
public final class ModifierChain {
    private ModifierChain() {
    }

    /** What modifiers decide about the item as a whole. */
    public static final class Context {
        boolean all;
        boolean cased;

        /** Applies a transformation to string values; other value kinds are an error for this modifier. */
        List<SigmaValue> mapStrings(List<SigmaValue> values, String modifier, UnaryOperator<SigmaString> operation)
                throws ModifierException {
            List<SigmaValue> mapped = new ArrayList<>(values.size());
            for (SigmaValue value : values) {
                if (value instanceof SigmaString s) {
                    mapped.add(operation.apply(s));
                } else {
                    throw new ModifierException("the modifier '" + modifier + "' cannot apply to a null value");
                }
            }
            return mapped;
        }
    }

    /**
     * @param field     the field name, or {@code null} for keywords
     * @param modifiers modifier names in the order written
     * @param yamlValue the YAML value: a string, number, boolean or null, or a list of those
     */
    public static FieldCondition compile(String field, List<String> modifiers, Object yamlValue)
            throws ModifierException {
        boolean listed = yamlValue instanceof List<?>;
        List<?> rawValues = listed ? (List<?>) yamlValue : java.util.Collections.singletonList(yamlValue);
        Context context = new Context();
        List<SigmaValue> values = new ArrayList<>(rawValues.size());
        for (Object raw : rawValues) {
            values.add(toSigmaValue(raw));
        }
        for (String name : modifiers) {
            Modifier modifier = Modifiers.byName(name)
                    .orElseThrow(() -> new ModifierException("unknown modifier '" + name + "'"));
            values = modifier.apply(values, context);
        }
        if (context.all && !listed) {
            throw new ModifierException("the modifier 'all' needs a list of values, not a single value");
        }
        List<ValueMatcher> matchers = new ArrayList<>(values.size());
        for (SigmaValue value : values) {
            matchers.add(toMatcher(value, context));
        }
        return new FieldCondition(field, modifiers, matchers, context.all);
    }

    private static SigmaValue toSigmaValue(Object raw) {
        if (raw == null) {
            return new SigmaValue.Null();
        }
        if (raw instanceof String s) {
            return SigmaString.parse(s);
        }
        // Numbers and booleans in rules match the event's text form.
        return SigmaString.literal(Fields.textOf(raw));
    }

    private static ValueMatcher toMatcher(SigmaValue value, Context context) {
        if (value instanceof SigmaString s) {
            return new WildcardMatcher(s, context.cased);
        }
        return new NullMatcher();
    }
}
