package org.sigmascope.store.timeline;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.store.query.FieldCatalog;
import org.sigmascope.store.query.FieldRef;
import org.sigmascope.store.query.QuerySyntaxException;

/**
 * A {@link Sort} turned into SQL: the ORDER BY, and the keyset condition that starts a page after a
 * {@link Cursor}. Times are read and bound as nanoseconds, so that the cursor keeps their 100 ns.
 */
final class SortKey {
    private final FieldRef field;
    private final boolean descending;
    private final boolean time;

    private SortKey(FieldRef field, boolean descending) {
        this.field = field;
        this.descending = descending;
        this.time = field instanceof FieldRef.Column c && c.kind() == FieldRef.Kind.TIME;
    }

    static SortKey of(Sort sort, FieldCatalog catalog) throws QuerySyntaxException {
        FieldRef field = catalog.require(sort.field(), 0);
        if (field instanceof FieldRef.Special) {
            throw new QuerySyntaxException(0, "the timeline cannot be sorted by " + sort.field());
        }
        return new SortKey(field, sort.descending());
    }

    /** The expression selected to make the next cursor. */
    String keySelect() {
        return time ? "epoch_ns(" + field.expression() + ")" : field.expression();
    }

    List<Object> keySelectParams() {
        return field.params();
    }

    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        return field.expression() + direction + " NULLS LAST, e.id" + direction;
    }

    List<Object> orderByParams() {
        return field.params();
    }

    /** The condition for rows after the cursor, and its parameters appended to {@code params}. */
    String after(Cursor cursor, List<Object> params) {
        String k = field.expression();
        String bind = time ? "make_timestamp_ns(?)" : "?";
        String beyond = descending ? " < " : " > ";
        if (cursor.key() == null) {
            params.addAll(field.params());
            params.add(cursor.id());
            return "(" + k + " IS NULL AND e.id" + beyond + "?)";
        }
        List<Object> p = new ArrayList<>();
        p.addAll(field.params());
        p.add(cursor.key());
        p.addAll(field.params());
        p.add(cursor.key());
        p.add(cursor.id());
        p.addAll(field.params());
        params.addAll(p);
        return "(" + k + beyond + bind + " OR (" + k + " = " + bind + " AND e.id" + beyond + "?) OR " + k
                + " IS NULL)";
    }
}
