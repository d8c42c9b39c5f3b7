package org.sigmascope.store.query;

import java.util.List;
import java.util.Optional;

/**
 * Compiles one comparison of a field with a value into SQL, by the kind of the field: text (whole, pattern,
 * regular expression, comparison, range), a whole number, or a time (the span a written time names). Appends to
 * the SQL and parameters of the {@link SqlCompiler} that owns it.
 */
final class TermCompiler {
    static final int MAX_REGEX = 1_000;

    private final StringBuilder sql;
    private final List<Object> params;

    TermCompiler(StringBuilder sql, List<Object> params) {
        this.sql = sql;
        this.params = params;
    }

    // ---- text ----

    void text(String expression, List<Object> bound, Query.Value value) throws QuerySyntaxException {
        if (isAny(value)) {
            sql.append('(').append(expression).append(" IS NOT NULL)");
            params.addAll(bound);
        } else if (value instanceof Query.Text text) {
            sql.append('(').append(expression).append(" ILIKE ? ESCAPE '\\')");
            params.addAll(bound);
            params.add(Patterns.like(text));
        } else if (value instanceof Query.Regex regex) {
            regex(expression, bound, regex);
        } else if (value instanceof Query.Comparison comparison) {
            Optional<Double> number = number(comparison.bound());
            compare(number.isPresent() ? "TRY_CAST(" + expression + " AS DOUBLE)" : expression, bound,
                    comparison.comparator(), number.isPresent() ? number.get() : comparison.bound());
        } else {
            Query.Range range = (Query.Range) value;
            boolean numeric = (range.low().equals("*") || number(range.low()).isPresent())
                    && (range.high().equals("*") || number(range.high()).isPresent());
            String operand = numeric ? "TRY_CAST(" + expression + " AS DOUBLE)" : expression;
            between(operand, bound, range, b -> numeric ? number(b).orElseThrow() : b);
        }
    }

    /** {@code field:*}: the field is there, with a value. */
    static boolean isAny(Query.Value value) {
        return value instanceof Query.Text text && text.text().equals("*") && !text.literal();
    }

    void regex(String expression, List<Object> bound, Query.Regex regex) throws QuerySyntaxException {
        if (regex.pattern().length() > MAX_REGEX) {
            throw new QuerySyntaxException(regex.position(), "the regular expression is longer than " + MAX_REGEX
                    + " characters");
        }
        RegexCheck.check(regex.pattern(), regex.position());
        sql.append("regexp_matches(").append(expression).append(", ?)");
        params.addAll(bound);
        params.add((regex.ignoreCase() ? "(?i)" : "") + regex.pattern());
    }

    void compare(String operand, List<Object> bound, Query.Comparator comparator, Object value) {
        compare(operand, bound, comparator.sql(), value);
    }

    void compare(String operand, List<Object> bound, String operator, Object value) {
        sql.append('(').append(operand).append(' ').append(operator).append(" ?)");
        params.addAll(bound);
        params.add(value);
    }

    @FunctionalInterface
    private interface BoundValue {
        Object of(String bound) throws QuerySyntaxException;
    }

    void between(String operand, List<Object> bound, Query.Range range, BoundValue value)
            throws QuerySyntaxException {
        sql.append('(');
        boolean any = false;
        if (!range.low().equals("*")) {
            compare(operand, bound, Query.Comparator.GE, value.of(range.low()));
            any = true;
        }
        if (!range.high().equals("*")) {
            if (any) {
                sql.append(" AND ");
            }
            compare(operand, bound, Query.Comparator.LE, value.of(range.high()));
            any = true;
        }
        if (!any) {
            sql.append(operand).append(" IS NOT NULL");
            params.addAll(bound);
        }
        sql.append(')');
    }

    // ---- numbers ----

    void number(FieldRef.Column column, Query.Value value) throws QuerySyntaxException {
        String expression = column.sql();
        if (isAny(value)) {
            sql.append('(').append(expression).append(" IS NOT NULL)");
        } else if (value instanceof Query.Text text && text.hasWildcards()) {
            sql.append("(CAST(").append(expression).append(" AS VARCHAR) LIKE ? ESCAPE '\\')");
            params.add(Patterns.wildcard(text.text()));
        } else if (value instanceof Query.Text text) {
            compare(expression, List.of(), "=", integer(text.text(), text.position(), column.name()));
        } else if (value instanceof Query.Regex regex) {
            regex("CAST(" + expression + " AS VARCHAR)", List.of(), regex);
        } else if (value instanceof Query.Comparison c) {
            compare(expression, List.of(), c.comparator().sql(), integer(c.bound(), c.position(), column.name()));
        } else {
            Query.Range range = (Query.Range) value;
            between(expression, List.of(), range, b -> integer(b, range.position(), column.name()));
        }
    }

    static long integer(String text, int position, String name) throws QuerySyntaxException {
        String t = text.strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new QuerySyntaxException(position, name + " takes a whole number, not '" + text + "'");
        }
    }

    static Optional<Double> number(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // ---- time ----

    void time(FieldRef.Column column, Query.Value value) throws QuerySyntaxException {
        String e = column.sql();
        if (isAny(value)) {
            sql.append('(').append(e).append(" IS NOT NULL)");
        } else if (value instanceof Query.Text text) {
            TimeBounds span = span(text.text(), text.position());
            sql.append('(');
            timeCompare(e, ">=", span.start());
            sql.append(" AND ");
            timeCompare(e, "<", span.end());
            sql.append(')');
        } else if (value instanceof Query.Comparison c) {
            TimeBounds span = span(c.bound(), c.position());
            switch (c.comparator()) {
                case GT -> timeCompare(e, ">=", span.end());
                case GE -> timeCompare(e, ">=", span.start());
                case LT -> timeCompare(e, "<", span.start());
                case LE -> timeCompare(e, "<", span.end());
                default -> throw new IllegalStateException();
            }
        } else if (value instanceof Query.Range range) {
            sql.append('(');
            boolean any = false;
            if (!range.low().equals("*")) {
                timeCompare(e, ">=", span(range.low(), range.position()).start());
                any = true;
            }
            if (!range.high().equals("*")) {
                if (any) {
                    sql.append(" AND ");
                }
                timeCompare(e, "<", span(range.high(), range.position()).end());
                any = true;
            }
            if (!any) {
                sql.append(e).append(" IS NOT NULL");
            }
            sql.append(')');
        } else {
            throw new QuerySyntaxException(position(value),
                    "a time cannot match a regular expression; write a time, a comparison or a range");
        }
    }

    void timeCompare(String column, String operator, java.time.Instant instant) {
        sql.append('(').append(column).append(' ').append(operator).append(" make_timestamp_ns(?))");
        params.add(nanos(instant));
    }

    /** Nanoseconds since 1970 of 1684-10-27 and 2255-03-22: within what DuckDB's {@code TIMESTAMP_NS} converts. */
    private static final long EARLIEST = -9_000_000_000_000_000_000L;
    private static final long LATEST = 9_000_000_000_000_000_000L;

    /**
     * Nanoseconds since 1970, saturated: a time beyond what a {@code TIMESTAMP_NS} holds (as in
     * {@code time:[2024-01-01 TO 8024-12-31]}) compares as a time earlier or later than any event can have, instead
     * of overflowing (docs/reliability.md, finding 5).
     */
    static long nanos(java.time.Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds <= EARLIEST / 1_000_000_000L) {
            return EARLIEST;
        }
        if (seconds >= LATEST / 1_000_000_000L) {
            return LATEST;
        }
        return seconds * 1_000_000_000L + instant.getNano();
    }

    static TimeBounds span(String text, int position) throws QuerySyntaxException {
        TimeBounds span = TimeBounds.parse(text);
        if (span == null) {
            throw new QuerySyntaxException(position, "'" + text + "' is not a time (write 2024-03-01, "
                    + "2024-03-01T10:15, 2024-03-01T10:15:30.1234567Z …; UTC unless an offset is given)");
        }
        return span;
    }

    static int position(Query.Value value) {
        if (value instanceof Query.Text t) {
            return t.position();
        }
        if (value instanceof Query.Regex r) {
            return r.position();
        }
        if (value instanceof Query.Comparison c) {
            return c.position();
        }
        return ((Query.Range) value).position();
    }
}
