package org.sigmascope.ui.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sigmascope.caseview.QueryTerms;
import org.sigmascope.store.query.FieldCatalog;
import org.sigmascope.store.timeline.Timeline;
import org.sigmascope.store.timeline.ValueCount;

/**
 * A column's filter: the values its events have among those the rest of the filter keeps, each with its count
 * (Timeline Explorer's column menu), and the chip that keeps or excludes the values the analyst ticks.
 */
public final class ColumnFilters {
    /** Values listed in a column's menu; the rest are counted. */
    static final int LIMIT = 500;

    private ColumnFilters() {
    }

    public static String key(ColumnSpec spec) {
        return "column:" + spec.id();
    }

    /** Whether the column has a filter menu. */
    public static boolean filterable(ColumnSpec spec) {
        return spec.filter() != null;
    }

    /**
     * The values of a column among the events the state keeps, leaving out the column's own chip (so the menu
     * shows what else could be chosen). A column showing several fields counts each and adds them up. Runs in
     * the store: call it off the FX thread.
     */
    public static ValueCount.Values values(Timeline timeline, TimelineState state, ColumnSpec spec) throws Exception {
        List<FilterChip> others = state.chips().stream().filter(c -> !c.key().equals(key(spec))).toList();
        FieldCatalog catalog = timeline.catalog();
        TimelineQuery.Result compiled = TimelineQuery.compile(catalog, new TimelineState(state.query(), others,
                state.detectionsOnly(), state.sort()));
        if (compiled.problem() != null) {
            throw new IllegalArgumentException(compiled.problem().describe());
        }
        List<String> fields = spec.fields().isEmpty() ? List.of(spec.filter()) : spec.fields().stream()
                .filter(f -> catalog.resolve(f).isPresent()).toList();
        Map<String, Long> counts = new HashMap<>();
        long distinct = 0;
        for (String field : fields) {
            ValueCount.Values values = timeline.distinct(compiled.filter(), field, LIMIT);
            distinct = Math.max(distinct, values.distinct());
            for (ValueCount v : values.values()) {
                if (fields.size() > 1 && (v.value() == null || v.value().isEmpty() || v.value().equals("-"))) {
                    continue;
                }
                counts.merge(v.value() == null ? "\u0000" : v.value(), v.count(), Long::sum);
            }
        }
        List<ValueCount> merged = new ArrayList<>();
        counts.forEach((v, n) -> merged.add(new ValueCount(v.equals("\u0000") ? null : v, n)));
        merged.sort(Comparator.comparingLong(ValueCount::count).reversed()
                .thenComparing(ValueCount::value, Comparator.nullsLast(Comparator.naturalOrder())));
        return new ValueCount.Values(merged.subList(0, Math.min(LIMIT, merged.size())),
                Math.max(distinct, merged.size()));
    }

    /**
     * The chip that keeps (or, with {@code exclude}, drops) the events whose column has one of the values
     * ({@code null} standing for "no value").
     */
    public static FilterChip chip(ColumnSpec spec, List<String> values, boolean exclude) {
        String terms;
        if (spec.fields().isEmpty()) {
            terms = QueryTerms.anyOf(spec.filter(), values);
        } else {
            List<String> parts = values.stream().map(v -> QueryTerms.anyField(spec.fields(), v)).toList();
            terms = parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
        }
        String shown = values.stream().map(v -> v == null ? "(none)" : v).limit(3)
                .collect(Collectors.joining(", ")) + (values.size() > 3 ? " +" + (values.size() - 3) : "");
        String title = spec.title().isEmpty() ? spec.id() : spec.title();
        return new FilterChip(key(spec), title + (exclude ? " ≠ " : ": ") + shown,
                exclude ? "NOT (" + terms + ")" : terms);
    }
}
