package org.sigmascope.store.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The grammar of the timeline query language: terms, values, precedence, and errors with their positions. */
class QueryParserTest {

    /** The tree as compact text: {@code and(…)}, {@code or(…)}, {@code not(…)}, {@code field=value}. */
    static String render(Query query) {
        if (query instanceof Query.All) {
            return "all";
        }
        if (query instanceof Query.And and) {
            return and.parts().stream().map(QueryParserTest::render).collect(Collectors.joining(", ", "and(", ")"));
        }
        if (query instanceof Query.Or or) {
            return or.parts().stream().map(QueryParserTest::render).collect(Collectors.joining(", ", "or(", ")"));
        }
        if (query instanceof Query.Not not) {
            return "not(" + render(not.part()) + ")";
        }
        Query.Term term = (Query.Term) query;
        String field = term.field() == null ? "*" : term.field();
        Query.Value v = term.value();
        if (v instanceof Query.Text t) {
            return field + (t.literal() ? "=\"" + t.text() + "\"" : "=" + t.text());
        }
        if (v instanceof Query.Regex r) {
            return field + "~/" + r.pattern() + "/" + (r.ignoreCase() ? "i" : "");
        }
        if (v instanceof Query.Comparison c) {
            return field + c.comparator().sql() + c.bound();
        }
        Query.Range r = (Query.Range) v;
        return field + "[" + r.low() + ".." + r.high() + "]";
    }

    private static String parse(String text) throws QuerySyntaxException {
        return render(QueryParser.parse(text));
    }

    @Test
    void termsAndValues() throws QuerySyntaxException {
        assertEquals("all", parse(""));
        assertEquals("all", parse("  * "));
        assertEquals("EventID=4688", parse("EventID:4688"));
        assertEquals("Image=C:\\Windows\\*\\cmd.exe", parse("Image:C:\\Windows\\*\\cmd.exe"));
        assertEquals("CommandLine=\"-enc \"\"x\"\"\"", parse("CommandLine:\"-enc \"\"\"\"x\"\"\"\"\""));
        assertEquals("CommandLine=\"it's\"", parse("CommandLine:'it''s'"));
        assertEquals("Image~/power(shell|sh)\\.exe$/i", parse("Image:/power(shell|sh)\\.exe$/i"));
        assertEquals("Url~/a/b/", parse("Url:/a\\/b/"));
        assertEquals("level>=high", parse("level:>=high"));
        assertEquals("EventID<4700", parse("EventID:<4700"));
        assertEquals("time[2024-03-01..2024-03-02T10:00:00]", parse("time:[2024-03-01 TO 2024-03-02T10:00:00]"));
        assertEquals("EventID[4624..*]", parse("EventID:[4624 to *]"));
        assertEquals("*=mimikatz", parse("mimikatz"));
        assertEquals("*=\"Invoke Mimikatz\"", parse("\"Invoke Mimikatz\""));
        assertEquals("*~/sekurlsa::\\w+/", parse("/sekurlsa::\\w+/"));
        assertEquals("*=10.0.0.1:443", parse("10.0.0.1:443"));
        assertEquals("Time=10:15:00", parse("Time:10:15:00"));
        assertEquals("CommandLine=*foo(1)*", parse("CommandLine:*foo(1)*"));
    }

    @Test
    void notBindsTighterThanAndTighterThanOr() throws QuerySyntaxException {
        assertEquals("or(and(a=1, b=2), c=3)", parse("a:1 AND b:2 OR c:3"));
        assertEquals("or(a=1, and(b=2, c=3))", parse("a:1 OR b:2 c:3"));
        assertEquals("and(not(a=1), b=2)", parse("NOT a:1 b:2"));
        assertEquals("not(or(a=1, b=2))", parse("not (a:1 or b:2)"));
        assertEquals("and(or(a=1, b=2), c=3)", parse("(a:1 OR b:2) AND c:3"));
        assertEquals("not(not(*=x))", parse("NOT NOT x"));
        assertEquals("and(*=x, *=y, *=z)", parse("x AND y z"));
    }

    @Test
    void aFieldAppliesToTheBareTermsOfItsGroup() throws QuerySyntaxException {
        assertEquals("or(EventID=4624, EventID=4625)", parse("EventID:(4624 OR 4625)"));
        assertEquals("and(Image=*cmd*, not(Image=*\\system32\\*))", parse("Image:(*cmd* AND NOT *\\system32\\*)"));
        assertEquals("and(or(EventID=1, EventID=4688), Image=*powershell*)",
                parse("EventID:(1 OR 4688) Image:*powershell*"));
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertError("EventID:", 8, "expected a value");
        assertError("a:1 AND", 7, "ends where a term was expected");
        assertError("(a:1 OR b:2", 0, "never closed");
        assertError("a:1)", 3, "closes no '('");
        assertError("CommandLine:\"unclosed", 12, "never closed");
        assertError("Image:/unclosed", 6, "never closed");
        assertError("Image:/x/g", 9, "unknown regular expression flag");
        assertError("EventID:[1 4]", 11, "expected TO");
        assertError("EventID:[1 TO 4", 8, "never closed");
        assertError("EventID:>", 9, "expected a value after >");
        assertError("a:1 OR OR b:2", 7, "expected a term");
        assertError("EventID:(Image:x)", 9, "inside EventID:");
        assertError("()", 1, "empty parentheses");
    }

    @Test
    void hostileQueriesAreBounded() {
        String deep = "(".repeat(200) + "x" + ")".repeat(200);
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(deep));
        assertTrue(e.problem().contains("nests deeper"), e.getMessage());
        String nots = "NOT ".repeat(500) + "x";
        assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(nots));
        assertThrows(QuerySyntaxException.class, () -> QueryParser.parse("x".repeat(Lexer.MAX_LENGTH + 1)));
    }

    @Test
    void anErrorPointsAtItsColumn() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse("a:1 AND (b:2"));
        assertEquals("at column 9: this '(' is never closed", e.getMessage());
        assertEquals("a:1 AND (b:2\n        ^ this '(' is never closed", e.pointAt("a:1 AND (b:2"));
    }

    private static void assertError(String query, int position, String words) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(query),
                () -> "no error for " + query);
        assertTrue(e.problem().contains(words), query + " → " + e.getMessage());
        assertEquals(position, e.position(), query + " → " + e.getMessage());
    }
}
