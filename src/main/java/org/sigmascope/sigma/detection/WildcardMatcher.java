package org.sigmascope.sigma.detection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sigmascope.model.Fields;

/**
 * Matches a {@link SigmaString} against an event value's text, case-insensitively unless {@code cased}.
 * Plain, prefix, suffix and substring shapes are compared directly; any other shape of wildcards becomes a
 * regular expression that can only match in linear time (it holds no alternation or backreference).
 */
public final class WildcardMatcher implements ValueMatcher {
    private enum Shape { EQUALS, STARTS_WITH, ENDS_WITH, CONTAINS, ANY, PATTERN }

    private final SigmaString pattern;
    private final boolean cased;
    private final Shape shape;
    private final String needle;
    private final Pattern regex;

    public WildcardMatcher(SigmaString pattern, boolean cased) {
        this.pattern = pattern;
        this.cased = cased;
        var parts = pattern.parts();
        Shape s = Shape.PATTERN;
        String n = null;
        if (parts.isEmpty()) {
            s = Shape.EQUALS;
            n = "";
        } else if (parts.size() == 1 && parts.get(0) == SigmaString.Wildcard.ANY_RUN) {
            s = Shape.ANY;
        } else if (parts.size() == 1 && parts.get(0) instanceof SigmaString.Literal l) {
            s = Shape.EQUALS;
            n = l.text();
        } else if (parts.size() == 2 && parts.get(0) instanceof SigmaString.Literal l
                && parts.get(1) == SigmaString.Wildcard.ANY_RUN) {
            s = Shape.STARTS_WITH;
            n = l.text();
        } else if (parts.size() == 2 && parts.get(1) instanceof SigmaString.Literal l
                && parts.get(0) == SigmaString.Wildcard.ANY_RUN) {
            s = Shape.ENDS_WITH;
            n = l.text();
        } else if (parts.size() == 3 && parts.get(1) instanceof SigmaString.Literal l
                && parts.get(0) == SigmaString.Wildcard.ANY_RUN && parts.get(2) == SigmaString.Wildcard.ANY_RUN) {
            s = Shape.CONTAINS;
            n = l.text();
        }
        this.shape = s;
        this.needle = n;
        this.regex = s == Shape.PATTERN ? toRegex(pattern, cased) : null;
    }

    private static Pattern toRegex(SigmaString pattern, boolean cased) {
        StringBuilder regex = new StringBuilder();
        for (SigmaString.Part part : pattern.parts()) {
            if (part == SigmaString.Wildcard.ANY_RUN) {
                regex.append(".*");
            } else if (part == SigmaString.Wildcard.ANY_ONE) {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(((SigmaString.Literal) part).text()));
            }
        }
        int flags = Pattern.DOTALL | (cased ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(regex.toString(), flags);
    }

    @Override
    public Hit match(boolean present, Object value, EventView event) {
        if (value == null) {
            return null;
        }
        String text = Fields.textOf(value);
        boolean ignoreCase = !cased;
        switch (shape) {
            case ANY:
                return new Hit(0, text.length());
            case EQUALS:
                return (cased ? text.equals(needle) : text.equalsIgnoreCase(needle)) ? new Hit(0, text.length()) : null;
            case STARTS_WITH:
                return text.regionMatches(ignoreCase, 0, needle, 0, needle.length()) ? new Hit(0, needle.length()) : null;
            case ENDS_WITH: {
                int start = text.length() - needle.length();
                return start >= 0 && text.regionMatches(ignoreCase, start, needle, 0, needle.length())
                        ? new Hit(start, text.length()) : null;
            }
            case CONTAINS: {
                int last = text.length() - needle.length();
                for (int i = 0; i <= last; i++) {
                    if (text.regionMatches(ignoreCase, i, needle, 0, needle.length())) {
                        return new Hit(i, i + needle.length());
                    }
                }
                return null;
            }
            default: {
                Matcher m = regex.matcher(text);
                return m.matches() ? new Hit(0, text.length()) : null;
            }
        }
    }

    @Override
    public String ruleValue() {
        return pattern.toString();
    }
}
