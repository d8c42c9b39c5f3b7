package org.sigmascope.store.query;

/**
 * A token of the timeline query language.
 *
 * @param kind  what it is
 * @param text  its text: for {@link Kind#PHRASE} without quotes and unescaped, for {@link Kind#REGEX} the pattern
 *              without slashes, for {@link Kind#FIELD} the name without the colon
 * @param flags for a {@link Kind#REGEX}, the letters after the closing slash
 * @param start offset of its first character in the query
 */
public record Token(Kind kind, String text, String flags, int start) {

    /** The kinds of token. */
    public enum Kind {
        FIELD, WORD, PHRASE, REGEX, AND, OR, NOT, TO, LPAREN, RPAREN, LBRACKET, RBRACKET, COMPARATOR, END
    }

    Token(Kind kind, String text, int start) {
        this(kind, text, "", start);
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case END -> "the end of the query";
            case PHRASE -> "\"" + text + "\"";
            case REGEX -> "/" + text + "/";
            case FIELD -> "'" + text + ":'";
            default -> "'" + text + "'";
        };
    }
}
