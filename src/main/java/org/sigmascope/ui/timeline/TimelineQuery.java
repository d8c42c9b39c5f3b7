package org.sigmascope.ui.timeline;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.caseview.Filters;
import org.sigmascope.store.query.FieldCatalog;
import org.sigmascope.store.query.QuerySyntaxException;
import org.sigmascope.store.query.SqlCompiler;
import org.sigmascope.store.query.SqlFilter;

/**
 * The timeline's filter: the query bar's text, each chip, and "detections only", compiled one by one (so that an
 * error is placed in the text the analyst typed, or named by its chip) and ANDed.
 */
final class TimelineQuery {
    /** A compiled filter, or why there is none. */
    record Result(SqlFilter filter, QueryProblem problem) {
    }

    private TimelineQuery() {
    }

    static Result compile(FieldCatalog catalog, TimelineState state) {
        List<SqlFilter> parts = new ArrayList<>();
        try {
            parts.add(SqlCompiler.compile(state.query(), catalog));
        } catch (QuerySyntaxException e) {
            return new Result(null, new QueryProblem(e.problem(), e.position(), null));
        }
        for (FilterChip chip : state.chips()) {
            try {
                parts.add(SqlCompiler.compile(chip.query(), catalog));
            } catch (QuerySyntaxException e) {
                return new Result(null, new QueryProblem(e.problem(), -1, chip.label()));
            }
        }
        if (state.detectionsOnly()) {
            try {
                parts.add(SqlCompiler.compile("is:detected", catalog));
            } catch (QuerySyntaxException e) {
                throw new IllegalStateException("is:detected is part of the language", e);
            }
        }
        return new Result(Filters.and(parts), null);
    }
}
