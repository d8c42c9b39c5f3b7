package org.sigmascope.sigma.modifier;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sigmascope.sigma.detection.SigmaString;
import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code windash}: each {@code -} or {@code /} that starts a command-line option (pySigma: matched by
 * {@code \B[-/]\b}, in each literal part) may also be any of {@code - / – — ―} (hyphen, slash, en dash U+2013,
 * em dash U+2014, horizontal bar U+2015), since Windows programs accept them alike. Where pySigma expands every
 * combination (5<sup>n</sup> values for n dashes), each dash becomes one character out of the five: the same
 * matches, in one pass.
 */
final class Windash implements Modifier {
    static final String DASHES = "-/\u2013\u2014\u2015";
    private static final Pattern OPTION_DASH = Pattern.compile("\\B[-/]\\b");

    @Override
    public String name() {
        return "windash";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        SigmaString text = Strings.requireString(value, name(), context);
        SigmaString variants = text.flatMapLiterals(Windash::split, null);
        return variants.equals(text) ? text : variants.withDerived(variants.toString());
    }

    private static List<SigmaString.Part> split(String literal) {
        List<SigmaString.Part> parts = new ArrayList<>();
        Matcher m = OPTION_DASH.matcher(literal);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(new SigmaString.Literal(literal.substring(last, m.start())));
            }
            parts.add(new SigmaString.AnyOf(DASHES));
            last = m.end();
        }
        if (last < literal.length()) {
            parts.add(new SigmaString.Literal(literal.substring(last)));
        }
        return parts;
    }
}
