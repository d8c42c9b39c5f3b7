package org.sigmascope.store.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a query's regular expression before it reaches DuckDB, so that a bad one is a syntax error pointing into
 * the query, not a database error when the query runs (found by fuzzing: docs/reliability.md). DuckDB runs RE2, which
 * has no lookaround, backreferences, atomic groups or possessive quantifiers; the rest of its syntax is close enough
 * to Java's that Java's parser finds the malformed ones.
 */
final class RegexCheck {
    private static final Pattern UNSUPPORTED = Pattern.compile("\\(\\?(?:=|!|<=|<!|>)|\\\\[1-9]|[*+?}]\\+");

    private RegexCheck() {
    }

    /** @param position where the expression starts in the query, for the error */
    static void check(String pattern, int position) throws QuerySyntaxException {
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new QuerySyntaxException(position + Math.max(0, e.getIndex()) + 1,
                    "not a valid regular expression: " + e.getDescription());
        }
        Matcher unsupported = UNSUPPORTED.matcher(pattern);
        if (unsupported.find()) {
            throw new QuerySyntaxException(position + unsupported.start() + 1, "'" + unsupported.group()
                    + "': query regular expressions are RE2, which has no lookaround, backreferences, atomic groups "
                    + "or possessive quantifiers");
        }
    }
}
