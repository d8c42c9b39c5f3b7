package org.sigmascope.store.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sigmascope.model.Level;

/**
 * Compiles a parsed query into a SQL filter over {@code events e}. Every value goes into a bound parameter; the SQL
 * text is assembled only from this class's own fragments and the catalog's column names, never from the query.
 *
 * <p>Text compares whole and ignoring case ({@code ILIKE}), with {@code *} and {@code ?} as wildcards; regular
 * expressions are RE2 (linear time, so no pattern can hang a query); numbers and times compare as numbers and
 * times. Free text is looked for in the event's JSON text, where every field is, with RE2.
 */
public final class SqlCompiler {
    private final FieldCatalog catalog;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private final TermCompiler terms = new TermCompiler(sql, params);

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
            terms.number(column, term.value());
        } else if (field instanceof FieldRef.Column column && column.kind() == FieldRef.Kind.TIME) {
            terms.time(column, term.value());
        } else {
            terms.text(field.expression(), field.params(), term.value());
        }
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
            throw new QuerySyntaxException(TermCompiler.position(value),
                    "this field takes text, a pattern or a regular expression, not a comparison");
        }
        sql.append('(').append(head);
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                sql.append(" OR ");
            }
            terms.text(columns[i], List.of(), value);
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
        if (TermCompiler.number(sample).isPresent()) {
            terms.number(new FieldRef.Column("level", "e.level", FieldRef.Kind.NUMBER), value);
            return;
        }
        if (TermCompiler.isAny(value)) {
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
            throw new QuerySyntaxException(TermCompiler.position(value),
                    "is: takes starred, tagged, noted, bookmarked, detected or recovered");
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

    // ---- free text ----

    private void freeText(Query.Value value) throws QuerySyntaxException {
        if (value instanceof Query.Text text) {
            // RE2 finds text in the JSON with half the CPU of ILIKE (the same pattern, as a regular expression):
            // free text reads every event's JSON, 9 GB for 10 M events (docs/benchmarks.md, issue 11, session 3).
            sql.append("regexp_matches(e.fields, ?)");
            params.add("(?is)" + jsonRegex(text));
        } else if (value instanceof Query.Regex regex) {
            terms.regex("e.fields", List.of(), regex);
        } else {
            throw new QuerySyntaxException(TermCompiler.position(value), "a comparison needs a field: field:>value");
        }
    }

    /** Free text as a regular expression over the JSON of the fields: {@code *} any text, {@code ?} one character. */
    private static String jsonRegex(Query.Text text) {
        if (text.literal()) {
            return Patterns.quoted(Patterns.asJson(text.text()));
        }
        StringBuilder pattern = new StringBuilder();
        StringBuilder piece = new StringBuilder();
        for (char c : text.text().toCharArray()) {
            if (c == '*' || c == '?') {
                pattern.append(Patterns.quoted(Patterns.asJson(piece.toString()))).append(c == '*' ? ".*" : ".");
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        return pattern.append(Patterns.quoted(Patterns.asJson(piece.toString()))).toString();
    }
}
