package org.sigmascope.store.query;

import java.util.List;

/**
 * A parsed timeline query: an immutable tree. {@link QueryParser} makes it, {@link SqlCompiler} turns it into
 * parameterised SQL.
 */
public sealed interface Query {

    /** Every event: the empty query, or {@code *}. */
    record All() implements Query {
    }

    record And(List<Query> parts) implements Query {
        public And {
            parts = List.copyOf(parts);
        }
    }

    record Or(List<Query> parts) implements Query {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    record Not(Query part) implements Query {
    }

    /**
     * One comparison: a field (or, when {@code field} is {@code null}, the whole event's text) against a value.
     *
     * @param position where the term starts in the query, for errors found when compiling
     */
    record Term(String field, Value value, int position) implements Query {
    }

    /** What a term compares with. */
    sealed interface Value {
    }

    /** Text, compared whole and ignoring case; {@code literal} when it came quoted (no wildcards then). */
    record Text(String text, boolean literal, int position) implements Value {
        /** Whether it holds a {@code *} or {@code ?} wildcard. */
        public boolean hasWildcards() {
            return !literal && (text.indexOf('*') >= 0 || text.indexOf('?') >= 0);
        }
    }

    /** A regular expression (RE2 syntax), with {@code ignoreCase} for the {@code i} flag. */
    record Regex(String pattern, boolean ignoreCase, int position) implements Value {
    }

    /** {@code >}, {@code >=}, {@code <}, {@code <=} a bound. */
    record Comparison(Comparator comparator, String bound, int position) implements Value {
    }

    /** {@code [low TO high]}, both bounds included; {@code *} leaves a side open. */
    record Range(String low, String high, int position) implements Value {
    }

    /** The comparison operators. */
    enum Comparator {
        GT(">"), GE(">="), LT("<"), LE("<=");

        private final String sql;

        Comparator(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }

        static Comparator of(String text) {
            return switch (text) {
                case ">" -> GT;
                case ">=" -> GE;
                case "<" -> LT;
                default -> LE;
            };
        }
    }
}
