package org.sigmascope.store.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.sigmascope.model.Level;

/**
 * Compiles a parsed query into a SQL filter over {@code events e}. Every value goes into a bound parameter; the SQL
 * text is assembled only from this class's own fragments and the catalog's column names, never from the query.
 *
 * <p>Text compares whole and ignoring case ({@code ILIKE}), with {@code *} and {@code ?} as wildcards; regular
 * expressions are RE2 (linear time, so no pattern can hang a query); numbers and times compare as numbers and
 * times. Free text is looked for in the event's JSON text, where every field is.
 */
public final class SqlCompiler {
    static final int MAX_REGEX = 1_000;

    private final FieldCatalog catalog;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private SqlCompiler(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    /** Parses and compiles a query. */
    public static SqlFilter compile(String text, FieldCatalog catalog) throws QuerySyntaxException {
        return compile(QueryParser.parse(text), catalog);
    }

    public static SqlFilter compile(Query query, FieldCatalog catalog) throws QuerySyntaxException {
        SqlCompiler compiler = new SqlCompiler(catalog);
        compiler.node(query);
        return new SqlFilter(compiler.sql.toString(), compiler.params);
    }

    private void node(Query query) throws QuerySyntaxException {
        if (query instanceof Query.All) {
            sql.append("TRUE");
        } else if (query instanceof Query.And and) {
            join(and.parts(), " AND ");
        } else if (query instanceof Query.Or or) {
            join(or.parts(), " OR ");
        } else if (query instanceof Query.Not not) {
            // NOT over a NULL comparison is NULL, which would drop events lacking the field: coalesce it.
            sql.append("NOT coalesce(");
            node(not.part());
            sql.append(", FALSE)");
        } else {
            term((Query.Term) query);
        }
    }

    private void join(List<Query> parts, String operator) throws QuerySyntaxException {
        sql.append('(');
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            node(parts.get(i));
        }
        sql.append(')');
    }

    private void term(Query.Term term) throws QuerySyntaxException {
        if (term.field() == null) {
            freeText(term.value());
            return;
        }
        FieldRef field = catalog.require(term.field(), term.position());
        if (field instanceof FieldRef.Special special) {
            special(special.name(), term.value());
        } else if (field instanceof FieldRef.Column column && column.kind() == FieldRef.Kind.NUMBER) {
            number(column, term.value());
        } else if (field instanceof FieldRef.Column column && column.kind() == FieldRef.Kind.TIME) {
            time(column, term.value());
        } else {
            text(field.expression(), field.params(), term.value());
        }
    }

    // ---- text ----

    private void text(String expression, List<Object> bound, Query.Value value) throws QuerySyntaxException {
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
    private static boolean isAny(Query.Value value) {
        return value instanceof Query.Text text && text.text().equals("*") && !text.literal();
    }

    private void regex(String expression, List<Object> bound, Query.Regex regex) throws QuerySyntaxException {
        if (regex.pattern().length() > MAX_REGEX) {
            throw new QuerySyntaxException(regex.position(), "the regular expression is longer than " + MAX_REGEX
                    + " characters");
        }
        sql.append("regexp_matches(").append(expression).append(", ?)");
        params.addAll(bound);
        params.add((regex.ignoreCase() ? "(?i)" : "") + regex.pattern());
    }

    private void compare(String operand, List<Object> bound, Query.Comparator comparator, Object value) {
        compare(operand, bound, comparator.sql(), value);
    }

    private void compare(String operand, List<Object> bound, String operator, Object value) {
        sql.append('(').append(operand).append(' ').append(operator).append(" ?)");
        params.addAll(bound);
        params.add(value);
    }

    @FunctionalInterface
    private interface BoundValue {
        Object of(String bound) throws QuerySyntaxException;
    }

    private void between(String operand, List<Object> bound, Query.Range range, BoundValue value)
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

    private void number(FieldRef.Column column, Query.Value value) throws QuerySyntaxException {
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

    private static long integer(String text, int position, String name) throws QuerySyntaxException {
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

    private static Optional<Double> number(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // ---- time ----

    private void time(FieldRef.Column column, Query.Value value) throws QuerySyntaxException {
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

    private void timeCompare(String column, String operator, java.time.Instant instant) {
        sql.append('(').append(column).append(' ').append(operator).append(" make_timestamp_ns(?))");
        params.add(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano()));
    }

    private static TimeBounds span(String text, int position) throws QuerySyntaxException {
        TimeBounds span = TimeBounds.parse(text);
        if (span == null) {
            throw new QuerySyntaxException(position, "'" + text + "' is not a time (write 2024-03-01, "
                    + "2024-03-01T10:15, 2024-03-01T10:15:30.1234567Z …; UTC unless an offset is given)");
        }
        return span;
    }

    // ---- special names ----

    private void special(String name, Query.Value value) throws QuerySyntaxException {
        switch (name) {
            case "level" -> level(value);
            case "rule" -> subquery("e.id IN (SELECT d.event_id FROM detections d JOIN rules r ON r.id = d.rule_id "
                    + "WHERE ", value, "r.title", "r.id");
            case "tag" -> subquery("e.id IN (SELECT event_id FROM tags WHERE ", value, "tag");
            case "note" -> subquery("e.id IN (SELECT event_id FROM notes WHERE ", value, "text");
            case "source" -> subquery("e.source_id IN (SELECT id FROM sources WHERE ", value, "display_name", "path",
                    "CAST(id AS VARCHAR)");
            case "is" -> is(value);
            default -> throw new IllegalStateException("unknown special field " + name);
        }
    }

    private void subquery(String head, Query.Value value, String... columns) throws QuerySyntaxException {
        if (value instanceof Query.Comparison || value instanceof Query.Range) {
            throw new QuerySyntaxException(position(value), "this field takes text, a pattern or a regular "
                    + "expression, not a comparison");
        }
        sql.append('(').append(head);
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                sql.append(" OR ");
            }
            text(columns[i], List.of(), value);
        }
        sql.append("))");
    }

    private void level(Query.Value value) throws QuerySyntaxException {
        if (value instanceof Query.Regex r) {
            throw new QuerySyntaxException(r.position(),
                    "level takes a level name (informational … critical) or a Windows level number");
        }
        String sample = value instanceof Query.Text t ? t.text() : value instanceof Query.Comparison c ? c.bound()
                : ((Query.Range) value).low().equals("*") ? ((Query.Range) value).high() : ((Query.Range) value).low();
        if (number(sample).isPresent()) {
            number(new FieldRef.Column("level", "e.level", FieldRef.Kind.NUMBER), value);
            return;
        }
        if (isAny(value)) {
            sql.append("(e.id IN (SELECT event_id FROM detections))");
            return;
        }
        sql.append("(e.id IN (SELECT event_id FROM detections WHERE ");
        if (value instanceof Query.Text t) {
            compareRank("=", t.text(), t.position());
        } else if (value instanceof Query.Comparison c) {
            compareRank(c.comparator().sql(), c.bound(), c.position());
        } else {
            Query.Range r = (Query.Range) value;
            if (!r.low().equals("*")) {
                compareRank(">=", r.low(), r.position());
            }
            if (!r.high().equals("*")) {
                if (!r.low().equals("*")) {
                    sql.append(" AND ");
                }
                compareRank("<=", r.high(), r.position());
            }
            if (r.low().equals("*") && r.high().equals("*")) {
                sql.append("TRUE");
            }
        }
        sql.append("))");
    }

    private void compareRank(String operator, String name, int position) throws QuerySyntaxException {
        Level level = Level.parse(name).orElseThrow(() -> new QuerySyntaxException(position, "'" + name
                + "' is not a level (informational, low, medium, high, critical; or a Windows level number)"));
        sql.append("level_rank ").append(operator).append(" ?");
        params.add(level.ordinal());
    }

    private void is(Query.Value value) throws QuerySyntaxException {
        if (!(value instanceof Query.Text text)) {
            throw new QuerySyntaxException(position(value), "is: takes starred, tagged, noted, bookmarked, "
                    + "detected or recovered");
        }
        String condition = switch (text.text().toLowerCase(Locale.ROOT)) {
            case "starred" -> "e.id IN (SELECT event_id FROM stars)";
            case "tagged" -> "e.id IN (SELECT event_id FROM tags)";
            case "noted" -> "e.id IN (SELECT event_id FROM notes)";
            case "bookmarked" -> "e.id IN (SELECT event_id FROM bookmarks)";
            case "detected" -> "e.id IN (SELECT event_id FROM detections)";
            case "recovered" -> "e.recovered";
            default -> throw new QuerySyntaxException(text.position(), "is: takes starred, tagged, noted, "
                    + "bookmarked, detected or recovered, not '" + text.text() + "'");
        };
        sql.append('(').append(condition).append(')');
    }

    private static int position(Query.Value value) {
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

    // ---- free text ----

    private void freeText(Query.Value value) throws QuerySyntaxException {
        if (value instanceof Query.Text text) {
            sql.append("(e.fields ILIKE ? ESCAPE '\\')");
            params.add("%" + jsonPattern(text) + "%");
        } else if (value instanceof Query.Regex regex) {
            regex("e.fields", List.of(), regex);
        } else {
            throw new QuerySyntaxException(position(value), "a comparison needs a field: field:>value");
        }
    }

    /** The LIKE pattern of free text as it reads inside the JSON of the fields. */
    private static String jsonPattern(Query.Text text) {
        if (text.literal()) {
            return Patterns.literal(Patterns.asJson(text.text()));
        }
        StringBuilder pattern = new StringBuilder();
        StringBuilder piece = new StringBuilder();
        for (char c : text.text().toCharArray()) {
            if (c == '*' || c == '?') {
                pattern.append(Patterns.literal(Patterns.asJson(piece.toString()))).append(c == '*' ? '%' : '_');
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        return pattern.append(Patterns.literal(Patterns.asJson(piece.toString()))).toString();
    }
}
