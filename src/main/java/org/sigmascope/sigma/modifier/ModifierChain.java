package org.sigmascope.sigma.modifier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Fields;
import org.sigmascope.sigma.Placeholders;
import org.sigmascope.sigma.detection.AnyOfMatcher;
import org.sigmascope.sigma.detection.CidrMatcher;
import org.sigmascope.sigma.detection.CompareMatcher;
import org.sigmascope.sigma.detection.ExistsMatcher;
import org.sigmascope.sigma.detection.FieldCondition;
import org.sigmascope.sigma.detection.FieldRefMatcher;
import org.sigmascope.sigma.detection.NullMatcher;
import org.sigmascope.sigma.detection.RegexMatcher;
import org.sigmascope.sigma.detection.SigmaString;
import org.sigmascope.sigma.detection.SigmaValue;
import org.sigmascope.sigma.detection.TimePartMatcher;
import org.sigmascope.sigma.detection.ValueMatcher;
import org.sigmascope.sigma.detection.WildcardMatcher;

/** Compiles one detection item ({@code field|modifiers: values}) into a {@link FieldCondition}. */
public final class ModifierChain {
    private ModifierChain() {
    }

    /** What modifiers know and decide about the item as a whole. */
    public static final class Context {
        private final String field;
        private final Placeholders placeholders;
        private List<String> before = List.of();
        private String written;
        boolean all;
        boolean cased;
        boolean negated;

        Context(String field, Placeholders placeholders) {
            this.field = field;
            this.placeholders = placeholders;
        }

        /** The field, or {@code null} for keywords. */
        public String field() {
            return field;
        }

        public Placeholders placeholders() {
            return placeholders;
        }

        /** The modifiers written before the one applied now. */
        public List<String> before() {
            return before;
        }

        /** The current value exactly as the rule wrote it (before wildcard parsing), or {@code null}. */
        public String written() {
            return written;
        }

        /** Refuses a value this modifier does not take. */
        ModifierException cannotApply(String modifier, SigmaValue value) {
            return new ModifierException("the modifier '" + modifier + "' cannot apply to " + describe(value));
        }

        /** Refuses the modifier unless it comes first in the chain. */
        void requireFirst(String modifier) throws ModifierException {
            if (!before.isEmpty()) {
                throw new ModifierException("the modifier '" + modifier + "' must come first, before "
                        + String.join("|", before));
            }
        }
    }

    /** Compiles an item without placeholders. */
    public static FieldCondition compile(String field, List<String> modifiers, Object yamlValue)
            throws ModifierException {
        return compile(field, modifiers, yamlValue, Placeholders.NONE);
    }

    /**
     * @param field        the field name, or {@code null} for keywords
     * @param modifiers    modifier names in the order written
     * @param yamlValue    the YAML value: a string, number, boolean or null, or a list of those
     * @param placeholders the values of {@code expand} placeholders
     */
    public static FieldCondition compile(String field, List<String> modifiers, Object yamlValue,
                                         Placeholders placeholders) throws ModifierException {
        boolean listed = yamlValue instanceof List<?>;
        List<?> rawValues = listed ? (List<?>) yamlValue : Collections.singletonList(yamlValue);
        List<Modifier> chain = new ArrayList<>(modifiers.size());
        for (String name : modifiers) {
            chain.add(Modifiers.byName(name).orElseThrow(() -> new ModifierException("unknown modifier '" + name + "'")));
        }
        if (modifiers.contains("exists") && modifiers.size() > 1) {
            throw new ModifierException("the modifier 'exists' must be the only modifier of its item");
        }
        Context context = new Context(field, placeholders);
        List<SigmaValue> values = new ArrayList<>(rawValues.size());
        for (Object raw : rawValues) {
            SigmaValue value = toSigmaValue(raw);
            context.written = raw instanceof String s ? s : null;
            for (int i = 0; i < chain.size(); i++) {
                context.before = modifiers.subList(0, i);
                value = apply(chain.get(i), value, context);
            }
            values.add(field == null ? asKeyword(value) : value);
        }
        if (context.all && !listed) {
            throw new ModifierException("the modifier 'all' needs a list of values, not a single value");
        }
        List<ValueMatcher> matchers = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            matchers.add(toMatcher(values.get(i), written(rawValues.get(i)), context));
        }
        return new FieldCondition(field, modifiers, matchers, context.all, context.negated);
    }

    private static SigmaValue apply(Modifier modifier, SigmaValue value, Context context) throws ModifierException {
        if (value instanceof SigmaValue.Expansion expansion) {
            List<SigmaValue> applied = new ArrayList<>(expansion.values().size());
            for (SigmaValue alternative : expansion.values()) {
                applied.add(apply(modifier, alternative, context));
            }
            return new SigmaValue.Expansion(applied);
        }
        return modifier.apply(value, context);
    }

    /** Keywords are found anywhere in a field's value, as full-text search finds words. */
    private static SigmaValue asKeyword(SigmaValue value) {
        if (value instanceof SigmaValue.Expansion expansion) {
            return new SigmaValue.Expansion(expansion.values().stream().map(ModifierChain::asKeyword).toList());
        }
        SigmaString text = Strings.asString(value);
        return text == null ? value : text.withLeadingAnyRun().withTrailingAnyRun();
    }

    private static String written(Object raw) {
        return raw == null ? "null" : Fields.textOf(raw);
    }

    static SigmaValue toSigmaValue(Object raw) {
        if (raw == null) {
            return new SigmaValue.Null();
        }
        if (raw instanceof String s) {
            return SigmaString.parse(s);
        }
        if (raw instanceof Boolean b) {
            return new SigmaValue.Bool(b);
        }
        if (raw instanceof Long l) {
            return new SigmaValue.Number(BigDecimal.valueOf(l), Long.toString(l));
        }
        if (raw instanceof Double d) {
            return new SigmaValue.Number(new BigDecimal(d.toString()), Fields.textOf(d));
        }
        return SigmaString.literal(Fields.textOf(raw));
    }

    private static ValueMatcher toMatcher(SigmaValue value, String written, Context context) throws ModifierException {
        if (value instanceof SigmaValue.Null) {
            return new NullMatcher();
        }
        if (value instanceof SigmaValue.Regex regex) {
            try {
                return new RegexMatcher(written, RegexMatcher.compile(regex.pattern(), regex.flags()));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new ModifierException("invalid regular expression: " + e.getDescription() + " near index "
                        + e.getIndex() + " of '" + regex.pattern() + "'");
            }
        }
        if (value instanceof SigmaValue.Cidr cidr) {
            return new CidrMatcher(cidr.network());
        }
        if (value instanceof SigmaValue.Compare compare) {
            return new CompareMatcher(compare.operator(), compare.number(), written);
        }
        if (value instanceof SigmaValue.Exists exists) {
            return new ExistsMatcher(exists.exists());
        }
        if (value instanceof SigmaValue.FieldRef ref) {
            return new FieldRefMatcher(ref.field(), ref.startsWith(), ref.endsWith(), context.cased);
        }
        if (value instanceof SigmaValue.TimePart part) {
            return new TimePartMatcher(part.part(), part.value());
        }
        if (value instanceof SigmaValue.Expansion expansion) {
            List<ValueMatcher> alternatives = new ArrayList<>();
            for (SigmaValue alternative : expansion.values()) {
                alternatives.add(toMatcher(alternative, written, context));
            }
            return new AnyOfMatcher(alternatives, written);
        }
        SigmaString text = Strings.asString(value);
        return new WildcardMatcher(text, written, context.cased || text.exact());
    }

    /** How value kinds are named in messages. */
    private static final Map<Class<?>, String> KINDS = Map.of(
            SigmaValue.Null.class, "a null value",
            SigmaValue.Regex.class, "a regular expression (re)",
            SigmaValue.Cidr.class, "a network (cidr)",
            SigmaValue.Compare.class, "a comparison (lt, lte, gt, gte)",
            SigmaValue.Exists.class, "an existence test (exists)",
            SigmaValue.FieldRef.class, "a field reference (fieldref)",
            SigmaValue.TimePart.class, "a date part (minute … year)",
            SigmaValue.Bytes.class, "encoded bytes (utf16le, utf16be, utf16)");

    /** How a value is named in messages. */
    static String describe(SigmaValue value) {
        if (value instanceof SigmaValue.Number n) {
            return "the number " + n.text();
        }
        if (value instanceof SigmaValue.Bool b) {
            return "the boolean " + b.value();
        }
        return KINDS.getOrDefault(value.getClass(), "the value '" + value + "'");
    }
}
