package org.sigmascope.sigma.modifier;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sigmascope.sigma.detection.SigmaString;
import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code expand}: each {@code %name%} in the value is replaced by the values of the placeholder {@code name} from
 * the placeholders file, making one alternative per combination; {@code \%} is a literal percent sign.
 * Placeholder values are Sigma strings (wildcards work). A placeholder without values makes the rule not
 * loadable, with a reason, rather than silently never matching — unless Sigmascope's defaults leave it empty on
 * purpose ({@link org.sigmascope.sigma.Placeholders#isDefault}): then the value matches nothing, and the rule
 * parser checks that it only stands in an exclusion.
 */
final class Expand implements Modifier {
    private static final Pattern PLACEHOLDER = org.sigmascope.sigma.Placeholders.PLACEHOLDER;
    /** Most alternatives one value may expand to; beyond that the placeholders file is surely wrong. */
    static final int MAX_ALTERNATIVES = 10_000;

    @Override
    public String name() {
        return "expand";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        SigmaString text = Strings.requireString(value, name(), context);
        List<List<SigmaString.Part>> alternatives = new ArrayList<>();
        alternatives.add(new ArrayList<>());
        for (SigmaString.Part part : text.parts()) {
            if (!(part instanceof SigmaString.Literal literal)) {
                alternatives.forEach(a -> a.add(part));
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(literal.text());
            int last = 0;
            while (m.find()) {
                appendLiteral(alternatives, literal.text().substring(last, m.start()));
                alternatives = substitute(alternatives, m.group(1), context);
                last = m.end();
            }
            appendLiteral(alternatives, literal.text().substring(last));
        }
        List<SigmaValue> expanded = new ArrayList<>(alternatives.size());
        for (List<SigmaString.Part> parts : alternatives) {
            SigmaString alternative = SigmaString.of(parts, null);
            expanded.add(alternative.withDerived(alternative.toString()));
        }
        return expanded.size() == 1 ? expanded.get(0) : new SigmaValue.Expansion(expanded);
    }

    private static void appendLiteral(List<List<SigmaString.Part>> alternatives, String text) {
        if (!text.isEmpty()) {
            String unescaped = text.replace("\\%", "%");
            alternatives.forEach(a -> a.add(new SigmaString.Literal(unescaped)));
        }
    }

    private static List<List<SigmaString.Part>> substitute(List<List<SigmaString.Part>> alternatives, String name,
                                                           ModifierChain.Context context) throws ModifierException {
        List<String> values = context.placeholders().values().get(name);
        if (values != null && values.isEmpty() && context.placeholders().isDefault(name)) {
            return List.of();
        }
        if (values == null || values.isEmpty()) {
            throw new ModifierException("the placeholder %" + name + "% has no value: "
                    + (context.placeholders().source() == null
                    ? "this rule needs a placeholders file (--placeholders FILE) that defines it"
                    : context.placeholders().source() + " does not define it"));
        }
        if ((long) alternatives.size() * values.size() > MAX_ALTERNATIVES) {
            throw new ModifierException("the placeholders expand this value to more than " + MAX_ALTERNATIVES
                    + " alternatives");
        }
        List<List<SigmaString.Part>> combined = new ArrayList<>(alternatives.size() * values.size());
        for (List<SigmaString.Part> alternative : alternatives) {
            for (String value : values) {
                List<SigmaString.Part> copy = new ArrayList<>(alternative);
                copy.addAll(SigmaString.parse(value).parts());
                combined.add(copy);
            }
        }
        return combined;
    }
}
