package org.sigmascope.sigma.compiled;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.sigma.detection.RegexMatcher;
import org.sigmascope.sigma.detection.SigmaString;
import org.sigmascope.sigma.detection.ValueMatcher;
import org.sigmascope.sigma.detection.WildcardMatcher;

/**
 * A test of one text value that a {@link FieldScanner} decides: a rule's wildcard value or regular expression.
 * The scanner finds candidates by the test's folded literals in one pass over the text; {@link #test} then decides
 * with the rule's own matcher, so the answer is the reference evaluator's.
 */
sealed interface TextTest {

    /** The folded whole value the text must equal (ignoring case), or {@code null}. */
    String exact();

    /** Folded literals of which the text must contain one; empty when none is known (always tested). */
    List<String> anchors();

    /** Whether the text matches, exactly as the rule's matcher decides. */
    boolean test(String text);

    /**
     * Whether finding the test's literal (or exact value) in an ASCII text already decides the match: a
     * case-insensitive {@code contains} or equality of ASCII text, where folding is exactly the comparison.
     */
    default boolean decidedByLiteral() {
        return false;
    }

    /** How selective the literals are, for choosing which predicates trigger a rule: higher is rarer. */
    default int quality() {
        if (exact() != null) {
            return 1000;
        }
        return anchors().stream().mapToInt(String::length).min().orElse(0) * 10 + 1;
    }

    /** Dedup key of a wildcard value: same parts and same case sensitivity are the same test. */
    record WildcardKey(SigmaString pattern, boolean cased) {
    }

    /** Dedup key of a regular expression: same pattern and flags. */
    record RegexKey(String pattern, int flags) {
    }

    static Object keyOf(ValueMatcher matcher) {
        if (matcher instanceof WildcardMatcher w) {
            return new WildcardKey(w.pattern(), w.cased());
        }
        if (matcher instanceof RegexMatcher r) {
            return new RegexKey(r.pattern().pattern(), r.pattern().flags());
        }
        return null;
    }

    /** A wildcard value ({@code contains}, {@code endswith}, plain equality …). */
    record Wildcard(WildcardMatcher matcher, String exact, List<String> anchors, boolean decidedByLiteral)
            implements TextTest {
        static Wildcard of(WildcardMatcher matcher) {
            SigmaString pattern = matcher.pattern();
            String plain = pattern.plainText();
            if (plain != null) {
                return new Wildcard(matcher, fold(plain), List.of(), !matcher.cased() && ascii(plain));
            }
            List<SigmaString.Part> parts = pattern.parts();
            if (parts.size() == 3 && parts.get(0) == SigmaString.Wildcard.ANY_RUN
                    && parts.get(2) == SigmaString.Wildcard.ANY_RUN
                    && parts.get(1) instanceof SigmaString.Literal literal) {
                return new Wildcard(matcher, null, List.of(fold(literal.text())),
                        !matcher.cased() && ascii(literal.text()));
            }
            String longest = "";
            for (SigmaString.Part part : pattern.parts()) {
                if (part instanceof SigmaString.Literal literal && literal.text().length() > longest.length()) {
                    longest = literal.text();
                }
            }
            return new Wildcard(matcher, null, longest.isEmpty() ? List.of() : List.of(fold(longest)), false);
        }

        private static boolean ascii(String text) {
            return text.chars().allMatch(c -> c < 128);
        }

        @Override
        public boolean test(String text) {
            return matcher.match(text) != null;
        }
    }

    /** A regular expression, shared by every rule that has it: each of their matchers counts a search given up. */
    final class Regex implements TextTest {
        private final List<RegexMatcher> sharers = new ArrayList<>();
        private final List<String> anchors;

        Regex(RegexMatcher matcher) {
            sharers.add(matcher);
            List<String> required = RegexPrefilter.requiredLiterals(matcher.pattern());
            anchors = required == null ? List.of() : List.copyOf(required);
        }

        void share(RegexMatcher matcher) {
            if (!sharers.contains(matcher)) {
                sharers.add(matcher);
            }
        }

        @Override
        public String exact() {
            return null;
        }

        @Override
        public List<String> anchors() {
            return anchors;
        }

        @Override
        public boolean test(String text) {
            ValueMatcher.Hit hit = sharers.get(0).search(text);
            if (hit == RegexMatcher.GAVE_UP) {
                sharers.forEach(RegexMatcher::countAbandoned);
                return false;
            }
            return hit != null;
        }

        @Override
        public int quality() {
            return anchors.isEmpty() ? 0 : TextTest.super.quality();
        }
    }

    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Fold.fold(chars[i]);
        }
        return new String(chars);
    }
}
