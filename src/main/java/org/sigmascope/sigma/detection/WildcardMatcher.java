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
    private final List<Segment> segments = new ArrayList<>();

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
                    segments.add(new Segment(current.toArray(), cased));
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
            segments.add(new Segment(current.toArray(), cased));
        }
    }

    public SigmaString pattern() {
        return pattern;
    }

    /** Whether the comparison is case-sensitive ({@code cased}, or an encoding such as base64). */
    public boolean cased() {
        return cased;
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
            position = segments.get(0).length();
            first = 1;
        }
        int limit = text.length();
        int anchoredEnd = -1;
        if (!trailingRun) {
            if (first > last) {
                return position == text.length() ? new Hit(start, position) : null;
            }
            Segment tail = segments.get(last);
            anchoredEnd = text.length() - tail.length();
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
            position = found + segments.get(i).length();
        }
        if (anchoredEnd >= 0) {
            return new Hit(start < 0 ? anchoredEnd : start, text.length());
        }
        return new Hit(start < 0 ? position : start, position);
    }

    private int find(Segment segment, String text, int from, int limit) {
        for (int i = from; i + segment.length() <= limit; i++) {
            if (matchesAt(segment, text, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesAt(Segment segment, String text, int offset) {
        if (offset < 0 || offset + segment.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!segment.matches(i, text.charAt(offset + i), cased)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A run of fixed length between {@code *} wildcards. Each position holds a character (with its lower- and
     * upper-case forms precomputed, since comparing without case is what takes the time), {@code ?}, or a set.
     */
    private static final class Segment {
        private final char[] expected;
        private final char[] lower;
        private final char[] upper;
        private final char[][] sets;
        private final char[][] setUpper;
        private final char[][] setLower;
        private final boolean[] anyOne;

        Segment(Object[] positions, boolean cased) {
            int n = positions.length;
            expected = new char[n];
            lower = new char[n];
            upper = new char[n];
            sets = new char[n][];
            setUpper = new char[n][];
            setLower = new char[n][];
            anyOne = new boolean[n];
            for (int i = 0; i < n; i++) {
                Object position = positions[i];
                if (position == null) {
                    anyOne[i] = true;
                } else if (position instanceof char[] set) {
                    sets[i] = set;
                    setUpper[i] = new char[set.length];
                    setLower[i] = new char[set.length];
                    for (int k = 0; k < set.length; k++) {
                        setUpper[i][k] = Character.toUpperCase(set[k]);
                        setLower[i][k] = Character.toLowerCase(set[k]);
                    }
                } else {
                    char c = (Character) position;
                    expected[i] = c;
                    lower[i] = cased ? c : Character.toLowerCase(c);
                    upper[i] = cased ? c : Character.toUpperCase(c);
                }
            }
        }

        int length() {
            return expected.length;
        }

        boolean matches(int i, char actual, boolean cased) {
            if (anyOne[i]) {
                return true;
            }
            if (sets[i] != null) {
                char[] set = sets[i];
                for (char c : set) {
                    if (c == actual) {
                        return true;
                    }
                }
                if (cased) {
                    return false;
                }
                // same(c, actual) for each c, with actual's case forms found once rather than once per c
                char actualUpper = Character.toUpperCase(actual);
                char actualLower = Character.toLowerCase(actual);
                for (int k = 0; k < set.length; k++) {
                    if (setUpper[i][k] == actualUpper || setLower[i][k] == actualLower) {
                        return true;
                    }
                }
                return false;
            }
            if (actual == lower[i] || actual == upper[i]) {
                return true;
            }
            if (expected[i] < 128) {
                // Two ASCII characters are settled above, and only four others fold to an ASCII letter.
                return !cased && (actual == '\u0130' || actual == '\u0131' || actual == '\u017f' || actual == '\u212a')
                        && same(expected[i], actual, false);
            }
            if (cased) {
                return false;
            }
            // Other scripts fold as String.regionMatches(ignoreCase) does: equal upper or equal lower case.
            if (actual < 128) {
                char up = actual >= 'a' && actual <= 'z' ? (char) (actual - 32) : actual;
                char low = actual >= 'A' && actual <= 'Z' ? (char) (actual + 32) : actual;
                return up == upper[i] || low == lower[i];
            }
            return Character.toUpperCase(actual) == upper[i] || Character.toLowerCase(actual) == lower[i];
        }

        private static boolean same(char expected, char actual, boolean cased) {
            if (expected == actual) {
                return true;
            }
            return !cased && (Character.toUpperCase(expected) == Character.toUpperCase(actual)
                    || Character.toLowerCase(expected) == Character.toLowerCase(actual));
        }
    }

    @Override
    public String ruleValue() {
        return ruleValue;
    }
}
