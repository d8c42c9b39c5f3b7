package org.sigmascope.ui.timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.sigmascope.model.Level;
import org.sigmascope.store.PromotedFields;

/**
 * Completion for the query bar: the field names of the case as the analyst types the start of a term
 * ({@code Ima} → {@code Image:}), and the values of {@code is:} and {@code level:}. Pure: the query bar asks
 * it on each key and shows what it gives.
 */
public final class QueryCompletion {
    /** At most this many suggestions. */
    static final int LIMIT = 12;

    /** Names every case has: the event's columns and the query language's special names. */
    static final List<String> FIXED = List.of("time", "Computer", "Channel", "Provider_Name", "EventID",
            "EventRecordID", "id", "level", "rule", "tag", "note", "source", "is");
    private static final List<String> IS_VALUES = List.of("detected", "starred", "tagged", "noted", "bookmarked",
            "recovered");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "to");

    /**
     * What to offer.
     *
     * @param from    where the text to replace starts
     * @param to      where it ends (the caret)
     * @param options the replacements, best first
     */
    public record Suggestions(int from, int to, List<String> options) {
        public Suggestions {
            options = List.copyOf(options);
        }

        public boolean isEmpty() {
            return options.isEmpty();
        }

        /** The text with option {@code i} in place, and where the caret goes. */
        public Applied apply(String text, int i) {
            String option = options.get(i);
            return new Applied(text.substring(0, from) + option + text.substring(to), from + option.length());
        }
    }

    /** A completed text and its caret. */
    public record Applied(String text, int caret) {
    }

    private final List<String> names;

    /** @param caseFields the field names of the case's events */
    public QueryCompletion(Collection<String> caseFields) {
        Set<String> all = new LinkedHashSet<>(FIXED);
        PromotedFields.ALL.forEach(p -> all.add(p.field()));
        all.addAll(new java.util.TreeSet<>(caseFields));
        this.names = List.copyOf(all);
    }

    public Suggestions suggest(String text, int caret) {
        int end = Math.max(0, Math.min(caret, text.length()));
        if (insideQuotes(text, end)) {
            return new Suggestions(end, end, List.of());
        }
        int start = end;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && text.charAt(start - 1) != '('
                && text.charAt(start - 1) != ')') {
            start--;
        }
        String token = text.substring(start, end);
        int colon = token.indexOf(':');
        if (colon >= 0) {
            return values(token.substring(0, colon), token.substring(colon + 1), start + colon + 1, end);
        }
        if (token.isEmpty() || KEYWORDS.contains(token.toLowerCase(Locale.ROOT)) || token.startsWith("/")
                || token.startsWith("\"") || token.startsWith("'")) {
            return new Suggestions(end, end, List.of());
        }
        String lower = token.toLowerCase(Locale.ROOT);
        List<String> options = new ArrayList<>();
        for (String name : names) {
            if (name.toLowerCase(Locale.ROOT).startsWith(lower) && !name.equalsIgnoreCase(token)) {
                options.add(name + ":");
            }
        }
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT);
            if (!n.startsWith(lower) && n.contains(lower)) {
                options.add(name + ":");
            }
        }
        return new Suggestions(start, end, options.subList(0, Math.min(LIMIT, options.size())));
    }

    private static Suggestions values(String field, String typed, int from, int to) {
        List<String> candidates = switch (field.toLowerCase(Locale.ROOT)) {
            case "is" -> IS_VALUES;
            case "level" -> java.util.Arrays.stream(Level.values()).map(Level::sigmaName).toList();
            default -> List.of();
        };
        String lower = typed.toLowerCase(Locale.ROOT);
        List<String> options = new ArrayList<>();
        for (String value : candidates) {
            if (value.startsWith(lower) && !value.equals(lower)) {
                options.add(value);
            }
        }
        if ("level".equalsIgnoreCase(field) && typed.isEmpty()) {
            options.add(0, ">=high");
        }
        return new Suggestions(from, to, options);
    }

    /** Whether the caret is inside a quoted phrase (an odd number of quotes before it). */
    private static boolean insideQuotes(String text, int caret) {
        int quotes = 0;
        for (int i = 0; i < caret; i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }
}
