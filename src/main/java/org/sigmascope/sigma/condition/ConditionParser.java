package org.sigmascope.sigma.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a Sigma condition into a {@link Condition} tree. Precedence from loosest to tightest:
 * {@code or}, {@code and}, {@code not}, {@code x of}, parentheses (Sigma specification 2.1, "Condition").
 *
 * <p>Deprecated Sigma 1 constructs are refused with a reason: pipe aggregations ({@code | count() by x > 5})
 * and {@code near}.
 */
public final class ConditionParser {
    /**
     * Deepest nesting of parentheses and {@code not} accepted. SigmaHQ's conditions nest a handful of levels; a
     * condition nested thousands deep is hostile, and would overflow the parser's stack (docs/reliability.md).
     */
    public static final int MAX_DEPTH = 200;

    private final String text;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private ConditionParser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    public static Condition parse(String text) throws ConditionException {
        if (text.contains("->") && text.matches("(?s).*\\bthen\\b.*")) {
            throw new ConditionException("the condition is pseudo-code for a stateful correlation ('… then … -> "
                    + "alert'), not Sigma syntax: rewrite the rule as Sigma correlation rules", text.indexOf("->"));
        }
        ConditionParser parser = new ConditionParser(text, tokenize(text));
        for (Token token : parser.tokens) {
            if (token.kind == Kind.WORD && token.text.equalsIgnoreCase("near")) {
                throw new ConditionException("'near' is deprecated Sigma 1 syntax and not supported: rewrite the "
                        + "rule as a temporal correlation rule", token.position);
            }
        }
        if (parser.tokens.isEmpty()) {
            throw new ConditionException("the condition is empty", 0);
        }
        Condition condition = parser.parseOr();
        if (parser.next < parser.tokens.size()) {
            Token extra = parser.tokens.get(parser.next);
            throw new ConditionException("unexpected '" + extra.text + "' at column " + (extra.position + 1)
                    + " of condition '" + text + "'", extra.position);
        }
        return condition;
    }

    private enum Kind { LPAREN, RPAREN, AND, OR, NOT, OF, QUANTIFIER, WORD }

    private record Token(Kind kind, String text, int position) {
    }

    private static List<Token> tokenize(String text) throws ConditionException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Kind.RPAREN, ")", i++));
            } else if (c == '|') {
                throw new ConditionException("pipe aggregations ('| count() …') are deprecated Sigma 1 syntax and not "
                        + "supported: rewrite the rule as a Sigma correlation rule", i);
            } else if (isWordChar(c)) {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                tokens.add(new Token(kindOf(word), word, start));
            } else {
                throw new ConditionException("unexpected character '" + c + "' at column " + (i + 1)
                        + " of condition '" + text + "'", i);
            }
        }
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '*';
    }

    private static Kind kindOf(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "and" -> Kind.AND;
            case "or" -> Kind.OR;
            case "not" -> Kind.NOT;
            case "of" -> Kind.OF;
            case "1", "any", "all" -> Kind.QUANTIFIER;
            default -> Kind.WORD;
        };
    }

    private Condition parseOr() throws ConditionException {
        List<Condition> operands = new ArrayList<>();
        operands.add(parseAnd());
        while (accept(Kind.OR)) {
            operands.add(parseAnd());
        }
        return operands.size() == 1 ? operands.get(0) : new Condition.Or(operands);
    }

    private Condition parseAnd() throws ConditionException {
        List<Condition> operands = new ArrayList<>();
        operands.add(parseNot());
        while (accept(Kind.AND)) {
            operands.add(parseNot());
        }
        return operands.size() == 1 ? operands.get(0) : new Condition.And(operands);
    }

    private Condition parseNot() throws ConditionException {
        if (accept(Kind.NOT)) {
            enter(tokens.get(next - 1));
            Condition negated = new Condition.Not(parseNot());
            depth--;
            return negated;
        }
        return parsePrimary();
    }

    private void enter(Token token) throws ConditionException {
        if (++depth > MAX_DEPTH) {
            throw new ConditionException("the condition nests parentheses and 'not' deeper than " + MAX_DEPTH
                    + " levels (at column " + (token.position + 1) + ")", token.position);
        }
    }

    private Condition parsePrimary() throws ConditionException {
        Token token = peek();
        if (token == null) {
            throw new ConditionException("the condition '" + text + "' ends too early", text.length());
        }
        switch (token.kind) {
            case LPAREN -> {
                next++;
                enter(token);
                Condition inner = parseOr();
                depth--;
                if (!accept(Kind.RPAREN)) {
                    throw new ConditionException("unbalanced parentheses: '(' at column " + (token.position + 1)
                            + " of condition '" + text + "' is not closed", token.position);
                }
                return inner;
            }
            case QUANTIFIER -> {
                next++;
                Token of = peek();
                if (of == null || of.kind != Kind.OF) {
                    throw new ConditionException("'" + token.text + "' must be followed by 'of' in condition '"
                            + text + "'", token.position);
                }
                next++;
                Token pattern = peek();
                if (pattern == null || pattern.kind != Kind.WORD) {
                    throw new ConditionException("'" + token.text + " of' needs an identifier pattern or 'them' in "
                            + "condition '" + text + "'", of.position);
                }
                next++;
                Condition.Quantifier quantifier = token.text.equalsIgnoreCase("all")
                        ? Condition.Quantifier.ALL : Condition.Quantifier.ONE;
                return new Condition.Of(quantifier, pattern.text);
            }
            case WORD -> {
                next++;
                if (token.text.contains("*")) {
                    throw new ConditionException("the pattern '" + token.text + "' must follow '1 of' or 'all of'",
                            token.position);
                }
                return new Condition.Identifier(token.text);
            }
            default -> throw new ConditionException("unexpected '" + token.text + "' at column "
                    + (token.position + 1) + " of condition '" + text + "'", token.position);
        }
    }

    private Token peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }

    private boolean accept(Kind kind) {
        Token token = peek();
        if (token != null && token.kind == kind) {
            next++;
            return true;
        }
        return false;
    }
}
