package org.sigmascope.store.query;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.store.query.Lexer.Mode;
import org.sigmascope.store.query.Token.Kind;

/**
 * Parses the timeline query language (docs/query-language.md) by recursive descent:
 *
 * <pre>
 * query   = or END
 * or      = and { OR and }
 * and     = not { [AND] not }            adjacent terms are ANDed
 * not     = NOT not | primary
 * primary = "(" or ")" | FIELD value | WORD | PHRASE | REGEX
 * value   = "(" or ")"                   the field applies to the bare terms inside
 *         | "[" bound TO bound "]" | COMPARATOR bound | PHRASE | REGEX | WORD
 * </pre>
 *
 * NOT binds tighter than AND, AND tighter than OR. Nesting is bounded, so a hostile query cannot exhaust the stack.
 */
public final class QueryParser {
    static final int MAX_DEPTH = 64;

    private final Lexer lexer;
    private int depth;

    private QueryParser(String text) throws QuerySyntaxException {
        this.lexer = new Lexer(text);
    }

    /** Parses a query; blank text and {@code *} mean every event. */
    public static Query parse(String text) throws QuerySyntaxException {
        if (text.isBlank() || text.strip().equals("*")) {
            return new Query.All();
        }
        QueryParser parser = new QueryParser(text);
        Query query = parser.or(null);
        Token end = parser.lexer.next(Mode.TERM);
        if (end.kind() != Kind.END) {
            throw new QuerySyntaxException(end.start(), end.kind() == Kind.RPAREN
                    ? "this ')' closes no '('" : "unexpected " + end.describe());
        }
        return query;
    }

    /** @param field the field that bare terms compare with, inside {@code field:( … )}; {@code null} elsewhere */
    private Query or(String field) throws QuerySyntaxException {
        List<Query> parts = new ArrayList<>();
        parts.add(and(field));
        while (lexer.peek(Mode.TERM).kind() == Kind.OR) {
            lexer.next(Mode.TERM);
            parts.add(and(field));
        }
        return parts.size() == 1 ? parts.get(0) : new Query.Or(parts);
    }

    private Query and(String field) throws QuerySyntaxException {
        List<Query> parts = new ArrayList<>();
        parts.add(not(field));
        while (true) {
            Token next = lexer.peek(Mode.TERM);
            if (next.kind() == Kind.AND) {
                lexer.next(Mode.TERM);
            } else if (!startsTerm(next)) {
                break;
            }
            parts.add(not(field));
        }
        return parts.size() == 1 ? parts.get(0) : new Query.And(parts);
    }

    private static boolean startsTerm(Token token) {
        return switch (token.kind()) {
            case NOT, LPAREN, FIELD, WORD, PHRASE, REGEX -> true;
            default -> false;
        };
    }

    private Query not(String field) throws QuerySyntaxException {
        Token token = lexer.peek(Mode.TERM);
        if (token.kind() == Kind.NOT) {
            lexer.next(Mode.TERM);
            return new Query.Not(nested(() -> not(field), token));
        }
        return primary(field);
    }

    private Query primary(String field) throws QuerySyntaxException {
        Token token = lexer.next(Mode.TERM);
        return switch (token.kind()) {
            case LPAREN -> group(field, token);
            case FIELD -> {
                if (field != null) {
                    throw new QuerySyntaxException(token.start(), "a field inside " + field
                            + ":( … ) compares " + field + " already; write it outside the parentheses");
                }
                yield value(token.text(), token.start());
            }
            case WORD -> term(field, new Query.Text(token.text(), false, token.start()), token);
            case PHRASE -> term(field, new Query.Text(token.text(), true, token.start()), token);
            case REGEX -> term(field, new Query.Regex(token.text(), token.flags().equals("i"), token.start()), token);
            case END -> throw new QuerySyntaxException(token.start(), "the query ends where a term was expected");
            case RPAREN -> throw new QuerySyntaxException(token.start(), "empty parentheses, or a ')' too many");
            default -> throw new QuerySyntaxException(token.start(), "expected a term, found " + token.describe()
                    + (token.kind() == Kind.AND || token.kind() == Kind.OR ? " (quote it to search for the word)"
                    : ""));
        };
    }

    private static Query term(String field, Query.Value value, Token token) throws QuerySyntaxException {
        if (field == null && value instanceof Query.Text text && text.text().equals("*")) {
            return new Query.All();
        }
        return new Query.Term(field, value, token.start());
    }

    private Query group(String field, Token open) throws QuerySyntaxException {
        Query inner = nested(() -> or(field), open);
        Token close = lexer.next(Mode.TERM);
        if (close.kind() != Kind.RPAREN) {
            throw new QuerySyntaxException(close.kind() == Kind.END ? open.start() : close.start(),
                    close.kind() == Kind.END ? "this '(' is never closed" : "expected ')', found " + close.describe());
        }
        return inner;
    }

    private Query value(String field, int fieldStart) throws QuerySyntaxException {
        Token token = lexer.next(Mode.VALUE);
        return switch (token.kind()) {
            case LPAREN -> group(field, token);
            case LBRACKET -> range(field, fieldStart, token);
            case COMPARATOR -> {
                Token bound = lexer.next(Mode.VALUE);
                if (bound.kind() != Kind.WORD && bound.kind() != Kind.PHRASE) {
                    throw new QuerySyntaxException(bound.start(), "expected a value after " + token.text()
                            + ", found " + bound.describe());
                }
                yield new Query.Term(field, new Query.Comparison(Query.Comparator.of(token.text()), bound.text(),
                        bound.start()), fieldStart);
            }
            case WORD -> new Query.Term(field, new Query.Text(token.text(), false, token.start()), fieldStart);
            case PHRASE -> new Query.Term(field, new Query.Text(token.text(), true, token.start()), fieldStart);
            case REGEX -> new Query.Term(field, new Query.Regex(token.text(), token.flags().equals("i"),
                    token.start()), fieldStart);
            default -> throw new QuerySyntaxException(token.start(), "expected a value for " + field + ":, found "
                    + token.describe());
        };
    }

    private Query range(String field, int fieldStart, Token open) throws QuerySyntaxException {
        String low = bound();
        Token to = lexer.next(Mode.RANGE);
        if (to.kind() != Kind.TO) {
            throw new QuerySyntaxException(to.start(), "expected TO between the bounds of a range, found "
                    + to.describe());
        }
        String high = bound();
        Token close = lexer.next(Mode.RANGE);
        if (close.kind() != Kind.RBRACKET) {
            throw new QuerySyntaxException(close.kind() == Kind.END ? open.start() : close.start(),
                    close.kind() == Kind.END ? "this '[' is never closed" : "expected ']', found " + close.describe());
        }
        return new Query.Term(field, new Query.Range(low, high, open.start()), fieldStart);
    }

    private String bound() throws QuerySyntaxException {
        Token token = lexer.next(Mode.RANGE);
        if (token.kind() != Kind.WORD && token.kind() != Kind.PHRASE) {
            throw new QuerySyntaxException(token.start(), "expected a bound of the range, found " + token.describe());
        }
        return token.text();
    }

    @FunctionalInterface
    private interface Rule {
        Query parse() throws QuerySyntaxException;
    }

    private Query nested(Rule rule, Token at) throws QuerySyntaxException {
        if (++depth > MAX_DEPTH) {
            throw new QuerySyntaxException(at.start(), "the query nests deeper than " + MAX_DEPTH + " levels");
        }
        try {
            return rule.parse();
        } finally {
            depth--;
        }
    }
}
