package org.sigmascope.sigma.detection;

import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sigmascope.model.Fields;

/**
 * {@code field|re: …}: a regular expression searched for anywhere in the value (pySigma's {@code re.search}),
 * case-sensitive unless {@code i}.
 *
 * <p>Java's regular expressions backtrack, so an unlucky pattern ({@code (a+)+b}) can take exponential time on a
 * long value, and event values are attacker-controlled. Every search therefore runs on a budget of character
 * reads proportional to the value's length; a search that exhausts it counts as no match and is counted in
 * {@link #abandoned()}, so diagnostics can say which rule gave up where.
 */
public final class RegexMatcher implements ValueMatcher {
    /** Character reads allowed per character of the value, plus a floor for short values. */
    static final long READS_PER_CHAR = 1_000;
    static final long MIN_READS = 1_000_000;

    private final String ruleValue;
    private final Pattern pattern;
    private final LongAdder abandoned = new LongAdder();

    public RegexMatcher(String ruleValue, Pattern pattern) {
        this.ruleValue = ruleValue;
        this.pattern = pattern;
    }

    /** Compiles a rule's regular expression (Python syntax, as pySigma reads it) with its flags. */
    public static Pattern compile(String regex, Set<SigmaValue.RegexFlag> flags) {
        int javaFlags = 0;
        if (flags.contains(SigmaValue.RegexFlag.IGNORECASE)) {
            javaFlags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if (flags.contains(SigmaValue.RegexFlag.MULTILINE)) {
            javaFlags |= Pattern.MULTILINE;
        }
        if (flags.contains(SigmaValue.RegexFlag.DOTALL)) {
            javaFlags |= Pattern.DOTALL;
        }
        return Pattern.compile(PythonRegex.toJava(regex), javaFlags);
    }

    /** Returned by {@link #search} when the expression ran out of its budget on the text. */
    public static final Hit GAVE_UP = new Hit(-2, -2);

    @Override
    public Hit match(boolean present, Object value, EventView event) {
        if (value == null) {
            return null;
        }
        Hit hit = search(Fields.textOf(value));
        if (hit == GAVE_UP) {
            abandoned.increment();
            return null;
        }
        return hit;
    }

    /**
     * Searches the text on the same budget as {@link #match}, without counting: the hit, {@code null}, or
     * {@link #GAVE_UP}. For engines that share one search among the rules that have this expression and count for
     * each of them ({@link #countAbandoned}).
     */
    public Hit search(String text) {
        try {
            Matcher m = pattern.matcher(new BudgetedText(text, MIN_READS + READS_PER_CHAR * text.length()));
            return m.find() ? new Hit(m.start(), m.end()) : null;
        } catch (BudgetedText.Exhausted | StackOverflowError e) {
            return GAVE_UP;
        }
    }

    /** Counts a search of this expression that gave up, made by an engine on this matcher's behalf. */
    public void countAbandoned() {
        abandoned.increment();
    }

    /** How many searches gave up because the expression took too long on the value. */
    public long abandoned() {
        return abandoned.sum();
    }

    public Pattern pattern() {
        return pattern;
    }

    @Override
    public String ruleValue() {
        return ruleValue;
    }

    /** The text a search reads, counting reads down from a budget. */
    static final class BudgetedText implements CharSequence {
        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super("regular expression budget exhausted", null, false, false);
            }
        }

        private final String text;
        private long budget;

        BudgetedText(String text, long budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (--budget < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
