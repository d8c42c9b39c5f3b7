package org.sigmascope.store.query;

/**
 * A timeline query that cannot be read or compiled, with the position (0-based character offset) of the problem.
 * The message names the position the way an analyst counts it, from 1.
 */
public final class QuerySyntaxException extends Exception {
    private final int position;
    private final String problem;

    public QuerySyntaxException(int position, String problem) {
        super("at column " + (position + 1) + ": " + problem);
        this.position = position;
        this.problem = problem;
    }

    /** Where the problem is, as a 0-based offset into the query text. */
    public int position() {
        return position;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }

    /** The query, and a caret under the problem: for a terminal. */
    public String pointAt(String query) {
        return query + "\n" + " ".repeat(Math.max(0, Math.min(position, query.length()))) + "^ " + problem;
    }
}
