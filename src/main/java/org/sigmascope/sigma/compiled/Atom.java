package org.sigmascope.sigma.compiled;

import org.sigmascope.sigma.detection.ValueMatcher;
import org.sigmascope.sigma.logsource.SourceBinding;

/**
 * A predicate of a plan, shared by every rule of the plan that has it: the unit the engine evaluates once per
 * event and remembers.
 */
sealed interface Atom {

    /** How rare the atom is likely to be true: rules are triggered by their rarest necessary atoms. */
    int quality();

    /** A text test of a field, decided with all the field's other tests by the plan's scanner for that field. */
    record Scan(int scanner, int test, int quality) implements Atom {
    }

    /**
     * Any other comparison of a field ({@code null}, {@code exists}, {@code cidr}, numbers, dates, {@code fieldref}),
     * made by the rule's matcher as the reference makes it.
     *
     * @param view the binding whose view the matcher needs ({@code fieldref} reads another field), else {@code null}
     */
    record Direct(int accessor, ValueMatcher matcher, SourceBinding view) implements Atom {
        @Override
        public int quality() {
            return matcher.wholeField() ? 0 : 2;
        }
    }

    /** A keyword: a value found in any field of the event. */
    record Keyword(ValueMatcher matcher, SourceBinding view) implements Atom {
        @Override
        public int quality() {
            return 1;
        }
    }
}
