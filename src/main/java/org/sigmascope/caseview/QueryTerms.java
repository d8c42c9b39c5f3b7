package org.sigmascope.caseview;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.sigmascope.model.Timestamps;

/**
 * Writes terms of the timeline query language (docs/query-language.md) for values the analyst clicked: a value
 * of a column, a rule, a time range. Values are always quoted, so whatever an event holds (spaces, quotes, words
 * such as {@code OR}) is compared as it is.
 */
public final class QueryTerms {
    private QueryTerms() {
    }

    /** A phrase: the value in double quotes, quotes inside doubled. */
    public static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** {@code field:"value"}; for {@code null}, the events without a value: {@code NOT field:*}. */
    public static String equal(String field, String value) {
        return value == null ? "NOT " + field + ":*" : field + ":" + quote(value);
    }

    /** Events whose field is any of the values (a {@code null} among them stands for "no value"). */
    public static String anyOf(String field, Collection<String> values) {
        List<String> present = values.stream().filter(v -> v != null).toList();
        boolean missing = present.size() < values.size();
        String terms = present.isEmpty() ? "" : present.size() == 1 ? equal(field, present.get(0))
                : field + ":(" + present.stream().map(QueryTerms::quote).collect(Collectors.joining(" OR ")) + ")";
        if (!missing) {
            return terms;
        }
        return terms.isEmpty() ? equal(field, null) : "(" + terms + " OR " + equal(field, null) + ")";
    }

    /** Events of any of several fields equal to the value: a column that shows the first field an event has. */
    public static String anyField(List<String> fields, String value) {
        if (fields.size() == 1) {
            return equal(fields.get(0), value);
        }
        if (value == null) {
            return fields.stream().map(f -> equal(f, null)).collect(Collectors.joining(" AND ", "(", ")"));
        }
        return fields.stream().map(f -> equal(f, value)).collect(Collectors.joining(" OR ", "(", ")"));
    }

    /** Events from {@code from} to {@code to}, both included, to the 100 ns. */
    public static String timeRange(Instant from, Instant to) {
        return "time:[" + Timestamps.format(from) + " TO " + Timestamps.format(to) + "]";
    }
}
