package org.sigmascope.store.timeline;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.store.Db;
import org.sigmascope.store.EventRows;
import org.sigmascope.store.query.FieldCatalog;
import org.sigmascope.store.query.FieldRef;
import org.sigmascope.store.query.QuerySyntaxException;
import org.sigmascope.store.query.SqlCompiler;
import org.sigmascope.store.query.SqlFilter;

/**
 * The case's events as the timeline shows them, computed in DuckDB so that a 10-million-event case never enters
 * the Java heap: filtered by a query, sorted by any field, paged (keyset or offset), counted, the distinct values
 * of a column with their counts, a histogram over time, and the context around an event.
 *
 * <p>A page is found in two steps: the ids of its rows first (DuckDB reads only the filter and sort columns),
 * then those rows whole; reading every column of every candidate row was ten times slower.
 */
public final class Timeline {
    private final Db db;

    public Timeline(Db db) {
        this.db = db;
    }

    /** The field names of the case, for resolving a query (read each time: an import may add some). */
    public FieldCatalog catalog() throws IOException {
        return new FieldCatalog(new HashSet<>(db.list("SELECT name FROM field_names", List.of(),
                r -> r.getString(1))));
    }

    /** Parses and compiles a query against this case's fields. */
    public SqlFilter filter(String query) throws QuerySyntaxException, IOException {
        return SqlCompiler.compile(query, catalog());
    }

    public long count(SqlFilter filter) throws IOException {
        return db.first("SELECT count(*) FROM events e WHERE " + filter.sql(), filter.params(), r -> r.getLong(1))
                .orElse(0L);
    }

    /** The page after {@code after} ({@code null} for the first page), with keyset paging. */
    public Page page(SqlFilter filter, Sort sort, Cursor after, int limit) throws IOException, QuerySyntaxException {
        SortKey key = sortKey(sort);
        List<Object> params = new ArrayList<>(filter.params());
        String where = filter.sql();
        if (after != null) {
            where = "(" + where + ") AND " + key.after(after, params);
        }
        List<Keyed> found = top(key, where, params, limit + 1, -1);
        boolean more = found.size() > limit;
        List<Keyed> shown = more ? found.subList(0, limit) : found;
        List<Event> events = shown.stream().map(Keyed::event).toList();
        Keyed last = more ? shown.get(shown.size() - 1) : null;
        return new Page(withAnnotations(events), last == null ? null : new Cursor(last.key(), last.event().id()));
    }

    /** Rows {@code offset} to {@code offset + limit}: for jumping far; {@link #page} is faster for scrolling. */
    public List<TimelineRow> pageAt(SqlFilter filter, Sort sort, long offset, int limit)
            throws IOException, QuerySyntaxException {
        SortKey key = sortKey(sort);
        List<Keyed> found = top(key, filter.sql(), new ArrayList<>(filter.params()), limit, offset);
        return withAnnotations(found.stream().map(Keyed::event).toList());
    }

    /** The sort's SQL; the case's field names are read only to sort by a field kept in the JSON. */
    private SortKey sortKey(Sort sort) throws IOException, QuerySyntaxException {
        FieldCatalog open = FieldCatalog.open();
        boolean fixed = open.resolve(sort.field()).filter(f -> !(f instanceof FieldRef.JsonField)).isPresent();
        return SortKey.of(sort, fixed ? open : catalog());
    }

    /**
     * The first {@code limit} events (after {@code offset}, if not negative) that {@code where} keeps, in the key's
     * order, whole, each with its sort key. One statement, so the rows are those of one snapshot
     * of the case: the top-N picks row ids reading only the filter and sort columns, and only those rows are read
     * whole, by row id. Reading whole rows in the top-N, or the ids first and then {@code WHERE id IN (…)}, costs a
     * scan of every column (the compressed JSON of the fields above all) instead: 2 to 10 times slower
     * (docs/benchmarks.md, issue 11, session 3).
     */
    private List<Keyed> top(SortKey key, String where, List<Object> whereParams, int limit, long offset)
            throws IOException {
        List<Object> params = new ArrayList<>(key.keySelectParams());
        params.addAll(whereParams);
        params.addAll(key.orderByParams());
        params.add(limit);
        if (offset >= 0) {
            params.add(offset);
        }
        params.addAll(key.orderByParams());
        return db.list("SELECT " + key.keySelect() + ", " + EventRows.COLUMNS + " FROM events e WHERE e.rowid IN ("
                + "SELECT e.rowid FROM events e WHERE " + where + " ORDER BY " + key.orderBy() + " LIMIT ?"
                + (offset >= 0 ? " OFFSET ?" : "") + ") ORDER BY " + key.orderBy(), params,
                r -> new Keyed(r.getObject(1), EventRows.event(r, 2)));
    }

    /** An event read whole with its value of the sort key, for the next page's cursor. */
    private record Keyed(Object key, Event event) {
    }

    /** The events with these ids, whole, with their detections, stars and tags, in the order given. */
    public List<TimelineRow> rows(List<Long> ids) throws IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = "(" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        Map<Long, Event> events = new HashMap<>();
        for (Event event : db.list("SELECT " + EventRows.COLUMNS + " FROM events e WHERE e.id IN " + in, ids,
                r -> EventRows.event(r, 1))) {
            events.put(event.id(), event);
        }
        return withAnnotations(ids.stream().map(events::get).filter(Objects::nonNull).toList());
    }

    /** The events, in the order given, with their detections, stars and tags. */
    private List<TimelineRow> withAnnotations(List<Event> events) throws IOException {
        if (events.isEmpty()) {
            return List.of();
        }
        List<Long> ids = events.stream().map(Event::id).toList();
        String in = "(" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        Map<Long, long[]> detections = new HashMap<>();
        for (long[] row : db.list("SELECT event_id, count(*), max(level_rank) FROM detections WHERE event_id IN "
                + in + " GROUP BY event_id", ids, r -> new long[] {r.getLong(1), r.getLong(2), r.getLong(3)})) {
            detections.put(row[0], row);
        }
        HashSet<Long> stars = new HashSet<>(db.list("SELECT event_id FROM stars WHERE event_id IN " + in, ids,
                r -> r.getLong(1)));
        Map<Long, List<String>> tags = new HashMap<>();
        for (Object[] row : db.list("SELECT event_id, tag FROM tags WHERE event_id IN " + in + " ORDER BY tag", ids,
                r -> new Object[] {r.getLong(1), r.getString(2)})) {
            tags.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        List<TimelineRow> rows = new ArrayList<>(events.size());
        for (Event event : events) {
            long id = event.id();
            long[] d = detections.get(id);
            rows.add(new TimelineRow(event, d == null ? 0 : (int) d[1], d == null ? null : Level.values()[(int) d[2]],
                    stars.contains(id), tags.getOrDefault(id, List.of())));
        }
        return rows;
    }

    /**
     * The most frequent values of a field among the events the filter keeps, with their counts, and how many
     * distinct values there are: for a column's filter menu. Also takes {@code rule}, {@code level}, {@code tag}
     * and {@code source}.
     */
    public ValueCount.Values distinct(SqlFilter filter, String field, int limit)
            throws IOException, QuerySyntaxException {
        FieldRef ref = catalog().require(field, 0);
        String from = "events e";
        String counted = "count(*)";
        String value;
        List<Object> params = new ArrayList<>();
        if (ref instanceof FieldRef.Special special) {
            // An event can have several detections or tags: count events, not joined rows.
            counted = "count(DISTINCT e.id)";
            switch (special.name()) {
                case "rule" -> {
                    from = "events e JOIN detections d ON d.event_id = e.id JOIN rules r ON r.id = d.rule_id";
                    value = "r.title";
                }
                case "level" -> {
                    from = "events e JOIN detections d ON d.event_id = e.id";
                    value = "CASE d.level_rank WHEN 0 THEN 'informational' WHEN 1 THEN 'low' WHEN 2 THEN 'medium' "
                            + "WHEN 3 THEN 'high' ELSE 'critical' END";
                }
                case "tag" -> {
                    from = "events e JOIN tags t ON t.event_id = e.id";
                    value = "t.tag";
                }
                case "source" -> {
                    from = "events e JOIN sources s ON s.id = e.source_id";
                    value = "s.display_name";
                }
                default -> throw new QuerySyntaxException(0, "no distinct values for " + field);
            }
        } else {
            value = ref.expression();
            params.addAll(ref.params());
        }
        params.addAll(filter.params());
        params.add(limit);
        List<Long> distinct = new ArrayList<>(List.of(0L));
        // The window runs over the grouped rows only, so the number of distinct values costs no second scan.
        List<ValueCount> values = db.list("SELECT v, n, count(*) OVER () FROM (SELECT CAST(" + value
                + " AS VARCHAR) AS v, " + counted + " AS n FROM " + from + " WHERE " + filter.sql()
                + " GROUP BY v) ORDER BY n DESC, v NULLS LAST LIMIT ?", params, r -> {
                    distinct.set(0, r.getLong(3));
                    return new ValueCount(r.getString(1), r.getLong(2));
                });
        return new ValueCount.Values(values, distinct.get(0));
    }

    /** Events over the whole time range the filter keeps, in about {@code buckets} buckets of a round width. */
    public Histogram histogram(SqlFilter filter, int buckets) throws IOException {
        long[] range = db.first("SELECT epoch_ns(min(e.ts)), epoch_ns(max(e.ts)), count(*) - count(e.ts) "
                + "FROM events e WHERE " + filter.sql(), filter.params(),
                r -> new long[] {r.getLong(1), r.wasNull() ? 1 : 0, r.getLong(2), r.getLong(3)}).orElseThrow();
        if (range[1] == 1) {
            return new Histogram(Instant.EPOCH, Duration.ofSeconds(1), new long[0], range[3]);
        }
        return histogram(filter, instant(range[0]), instant(range[2]).plusNanos(1), buckets, range[3]);
    }

    /** Events from {@code from} (included) to {@code to} (excluded), as when the analyst zooms in. */
    public Histogram histogram(SqlFilter filter, Instant from, Instant to, int buckets) throws IOException {
        return histogram(filter, from, to, buckets, -1);
    }

    private Histogram histogram(SqlFilter filter, Instant from, Instant to, int buckets, long untimed)
            throws IOException {
        long fromNanos = EventRows.nanos(from);
        long toNanos = EventRows.nanos(to);
        Duration width = BucketWidths.fit(Math.max(1, toNanos - fromNanos), buckets);
        long w = width.toNanos();
        long start = Math.floorDiv(fromNanos, w) * w;
        int count = (int) Math.max(1, (toNanos - start + w - 1) / w);
        long[] counts = new long[count];
        List<Object> params = new ArrayList<>();
        params.add(start);
        params.add(w);
        params.addAll(filter.params());
        params.add(fromNanos);
        params.add(toNanos);
        for (long[] row : db.list("SELECT (epoch_ns(e.ts) - ?) // ? AS b, count(*) FROM events e WHERE ("
                + filter.sql() + ") AND e.ts >= make_timestamp_ns(?) AND e.ts < make_timestamp_ns(?) "
                + "GROUP BY b", params, r -> new long[] {r.getLong(1), r.getLong(2)})) {
            if (row[0] >= 0 && row[0] < count) {
                counts[(int) row[0]] = row[1];
            }
        }
        long noTime = untimed >= 0 ? untimed : db.first("SELECT count(*) FROM events e WHERE (" + filter.sql()
                + ") AND e.ts IS NULL", filter.params(), r -> r.getLong(1)).orElse(0L);
        return new Histogram(instant(start), width, counts, noTime);
    }

    /**
     * The events around one, from every source: up to {@code limit / 2} before it and the rest from it on, within
     * {@code before} and {@code after} of its time, in time order. The filter narrows them (for example to the
     * same host); {@link SqlFilter#all()} keeps all.
     */
    public List<TimelineRow> context(long eventId, Duration before, Duration after, int limit, SqlFilter filter)
            throws IOException {
        Optional<Long> at = db.first("SELECT epoch_ns(ts) FROM events WHERE id = ?", List.of(eventId),
                r -> {
                    long nanos = r.getLong(1);
                    return r.wasNull() ? null : nanos;
                });
        if (at.isEmpty()) {
            return rows(List.of(eventId));
        }
        long t = at.get();
        List<Object> earlier = new ArrayList<>(filter.params());
        earlier.addAll(List.of(t - before.toNanos(), t, t, eventId, Math.max(0, limit / 2)));
        List<Long> ids = new ArrayList<>(db.list("SELECT e.id FROM events e WHERE (" + filter.sql()
                + ") AND e.ts >= make_timestamp_ns(?) AND (e.ts < make_timestamp_ns(?) OR (e.ts = make_timestamp_ns(?) "
                + "AND e.id < ?)) ORDER BY e.ts DESC, e.id DESC LIMIT ?", earlier, r -> r.getLong(1)));
        Collections.reverse(ids);
        List<Object> later = new ArrayList<>(filter.params());
        later.addAll(List.of(t + after.toNanos(), t, t, eventId, limit - ids.size()));
        ids.addAll(db.list("SELECT e.id FROM events e WHERE (" + filter.sql()
                + ") AND e.ts <= make_timestamp_ns(?) AND (e.ts > make_timestamp_ns(?) OR (e.ts = make_timestamp_ns(?) "
                + "AND e.id >= ?)) ORDER BY e.ts, e.id LIMIT ?", later, r -> r.getLong(1)));
        return rows(ids);
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
