package org.sigmascope.store.query;

import java.util.Locale;

/**
 * Splits a query into tokens. What a character means depends on where it is, so the parser says which kind of
 * token it expects ({@link Mode}): after {@code field:} a value runs to the next space and may hold colons and
 * backslashes ({@code Image:C:\Windows\*}); inside {@code [ … ]} the word {@code TO} separates the bounds.
 *
 * <p>Backslashes are plain characters everywhere, since Windows paths are full of them. Quotes ({@code "} or
 * {@code '}) make a phrase in which every character is literal; a quote inside is written twice.
 */
final class Lexer {
    /** Where the parser stands, which decides how the next characters read. */
    enum Mode { TERM, VALUE, RANGE }

    static final int MAX_LENGTH = 10_000;

    private final String text;
    private int position;

    Lexer(String text) throws QuerySyntaxException {
        if (text.length() > MAX_LENGTH) {
            throw new QuerySyntaxException(MAX_LENGTH, "the query is longer than " + MAX_LENGTH + " characters");
        }
        this.text = text;
    }

    int position() {
        return position;
    }

    /** The next token, read as {@code mode} says, without consuming it. */
    Token peek(Mode mode) throws QuerySyntaxException {
        int saved = position;
        try {
            return next(mode);
        } finally {
            position = saved;
        }
    }

    Token next(Mode mode) throws QuerySyntaxException {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        int start = position;
        if (position >= text.length()) {
            return new Token(Token.Kind.END, "", start);
        }
        char c = text.charAt(position);
        switch (c) {
            case '(' -> {
                position++;
                return new Token(Token.Kind.LPAREN, "(", start);
            }
            case ')' -> {
                position++;
                return new Token(Token.Kind.RPAREN, ")", start);
            }
            case '"', '\'' -> {
                return phrase(c, start);
            }
            case '/' -> {
                return regex(start);
            }
            default -> {
                // fall through to the mode-specific cases below
            }
        }
        if (mode == Mode.VALUE && c == '[') {
            position++;
            return new Token(Token.Kind.LBRACKET, "[", start);
        }
        if (mode == Mode.RANGE && c == ']') {
            position++;
            return new Token(Token.Kind.RBRACKET, "]", start);
        }
        if (mode == Mode.VALUE && (c == '>' || c == '<')) {
            position++;
            if (position < text.length() && text.charAt(position) == '=') {
                position++;
            }
            return new Token(Token.Kind.COMPARATOR, text.substring(start, position), start);
        }
        return word(mode, start);
    }

    private Token word(Mode mode, int start) {
        int open = 0;
        while (position < text.length() && !endsWord(mode, text.charAt(position), open)) {
            char c = text.charAt(position);
            if (c == '(') {
                open++;
            } else if (c == ')') {
                open--;
            }
            if (mode == Mode.TERM && text.charAt(position) == ':' && isFieldName(text.substring(start, position))) {
                String name = text.substring(start, position);
                position++;
                return new Token(Token.Kind.FIELD, name, start);
            }
            position++;
        }
        String word = text.substring(start, position);
        String upper = word.toUpperCase(Locale.ROOT);
        if (mode == Mode.TERM && (upper.equals("AND") || upper.equals("OR") || upper.equals("NOT"))) {
            return new Token(Token.Kind.valueOf(upper), word, start);
        }
        if (mode == Mode.RANGE && upper.equals("TO")) {
            return new Token(Token.Kind.TO, word, start);
        }
        return new Token(Token.Kind.WORD, word, start);
    }

    /** A value may hold balanced parentheses ({@code CommandLine:*foo(1)*}); a free-text word ends at one. */
    private static boolean endsWord(Mode mode, char c, int open) {
        if (Character.isWhitespace(c)) {
            return true;
        }
        return switch (mode) {
            case TERM -> c == '(' || c == ')';
            case VALUE -> c == ')' && open == 0;
            case RANGE -> c == ']' || c == '(' || c == ')';
        };
    }

    /** A field name: a letter or underscore, then letters, digits, {@code _ . -}; so {@code 10.0.0.1:443} is text. */
    static boolean isFieldName(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_'
                || name.charAt(0) == '@')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private Token phrase(char quote, int start) throws QuerySyntaxException {
        StringBuilder content = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == quote) {
                if (position < text.length() && text.charAt(position) == quote) {
                    content.append(quote);
                    position++;
                } else {
                    return new Token(Token.Kind.PHRASE, content.toString(), start);
                }
            } else {
                content.append(c);
            }
        }
        throw new QuerySyntaxException(start, "this quote is never closed (write a quote inside a phrase twice)");
    }

    private Token regex(int start) throws QuerySyntaxException {
        StringBuilder pattern = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '\\' && position < text.length() && text.charAt(position) == '/') {
                pattern.append('/');
                position++;
            } else if (c == '/') {
                int flagsStart = position;
                while (position < text.length() && Character.isLetter(text.charAt(position))) {
                    position++;
                }
                String flags = text.substring(flagsStart, position);
                if (!flags.isEmpty() && !flags.equals("i")) {
                    throw new QuerySyntaxException(flagsStart, "unknown regular expression flag '" + flags
                            + "' (only i, for ignoring case)");
                }
                return new Token(Token.Kind.REGEX, pattern.toString(), flags, start);
            } else {
                pattern.append(c);
            }
        }
        throw new QuerySyntaxException(start, "this regular expression is never closed with /");
    }
}
