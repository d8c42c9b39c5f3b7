package org.sigmascope.sigma.detection;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.model.Fields;

/**
 * Matches a {@link SigmaString} against an event value's text, case-insensitively unless {@code cased}.
 *
 * <p>The value is cut at its {@code *} wildcards into segments of fixed length (characters, {@code ?}, character
 * sets). The first segment must stand at the start unless the value starts with {@code *}, the last at the end
 * unless it ends with {@code *}, and the others are found left to right, each at its first place after the one
 * before: this decides a wildcard match without backtracking, so no rule value can make a scan slow (a regular
 * expression with several {@code .*} can take quadratic time or worse on long command lines and script blocks).
 */
public final class WildcardMatcher implements ValueMatcher {
    private final SigmaString pattern;
    private final String ruleValue;
    private final boolean cased;
    private final boolean leadingRun;
    private final boolean trailingRun;
    /** Each segment: per position, a literal char ({@code String} of length 1), {@code null} for ?, or a char set. */
    private final List<Object[]> segments = new ArrayList<>();

    public WildcardMatcher(SigmaString pattern, boolean cased) {
        this(pattern, pattern.toString(), cased);
    }

    /**
     * @param ruleValue the value as the rule wrote it, when a modifier derived {@code pattern} from it
     */
    public WildcardMatcher(SigmaString pattern, String ruleValue, boolean cased) {
        this.pattern = pattern;
        this.ruleValue = ruleValue;
        this.cased = cased;
        this.leadingRun = pattern.startsWithAnyRun();
        this.trailingRun = pattern.endsWithAnyRun();
        List<Object> current = new ArrayList<>();
        for (SigmaString.Part part : pattern.parts()) {
            if (part == SigmaString.Wildcard.ANY_RUN) {
                if (!current.isEmpty()) {
                    segments.add(current.toArray());
                    current.clear();
                }
            } else if (part == SigmaString.Wildcard.ANY_ONE) {
                current.add(null);
            } else if (part instanceof SigmaString.AnyOf anyOf) {
                current.add(anyOf.chars().toCharArray());
            } else {
                String text = ((SigmaString.Literal) part).text();
                for (int i = 0; i < text.length(); i++) {
                    current.add(text.charAt(i));
                }
            }
        }
        if (!current.isEmpty()) {
            segments.add(current.toArray());
        }
    }

    public SigmaString pattern() {
        return pattern;
    }

    @Override
    public Hit match(boolean present, Object value, EventView event) {
        if (value == null) {
            return null;
        }
        Hit hit = match(Fields.textOf(value));
        return hit == null || pattern.derived() == null ? hit : hit.withCompared(pattern.derived());
    }

    /** The matched range of the text, or {@code null}. */
    public Hit match(String text) {
        int first = 0;
        int last = segments.size() - 1;
        int position = 0;
        int start = -1;
        if (segments.isEmpty()) {
            // "" matches only the empty value; "*" matches anything
            return leadingRun || text.isEmpty() ? new Hit(0, text.length()) : null;
        }
        if (!leadingRun) {
            if (!matchesAt(segments.get(0), text, 0)) {
                return null;
            }
            start = 0;
            position = segments.get(0).length;
            first = 1;
        }
        int limit = text.length();
        int anchoredEnd = -1;
        if (!trailingRun) {
            if (first > last) {
                return position == text.length() ? new Hit(start, position) : null;
            }
            Object[] tail = segments.get(last);
            anchoredEnd = text.length() - tail.length;
            if (anchoredEnd < position || !matchesAt(tail, text, anchoredEnd)) {
                return null;
            }
            limit = anchoredEnd;
            last--;
        }
        for (int i = first; i <= last; i++) {
            int found = find(segments.get(i), text, position, limit);
            if (found < 0) {
                return null;
            }
            if (start < 0) {
                start = found;
            }
            position = found + segments.get(i).length;
        }
        if (anchoredEnd >= 0) {
            return new Hit(start < 0 ? anchoredEnd : start, text.length());
        }
        return new Hit(start < 0 ? position : start, position);
    }

    private int find(Object[] segment, String text, int from, int limit) {
        for (int i = from; i + segment.length <= limit; i++) {
            if (matchesAt(segment, text, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesAt(Object[] segment, String text, int offset) {
        if (offset < 0 || offset + segment.length > text.length()) {
            return false;
        }
        for (int i = 0; i < segment.length; i++) {
            Object expected = segment[i];
            char actual = text.charAt(offset + i);
            if (expected instanceof Character c) {
                if (!same(c, actual)) {
                    return false;
                }
            } else if (expected instanceof char[] set) {
                boolean any = false;
                for (char c : set) {
                    any |= same(c, actual);
                }
                if (!any) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean same(char expected, char actual) {
        if (expected == actual) {
            return true;
        }
        // The comparison String.regionMatches(ignoreCase) makes: upper case, then lower case (Georgian, Turkish i).
        return !cased && (Character.toUpperCase(expected) == Character.toUpperCase(actual)
                || Character.toLowerCase(expected) == Character.toLowerCase(actual));
    }

    @Override
    public String ruleValue() {
        return ruleValue;
    }
}
