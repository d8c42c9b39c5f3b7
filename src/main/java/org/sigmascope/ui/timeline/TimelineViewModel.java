package org.sigmascope.ui.timeline;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sigmascope.caseview.CaseMeta;
import org.sigmascope.caseview.Filters;
import org.sigmascope.caseview.QueryTerms;
import org.sigmascope.caseview.RowExtras;
import org.sigmascope.model.Event;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.SavedSearches;
import org.sigmascope.store.query.FieldCatalog;
import org.sigmascope.store.query.SqlCompiler;
import org.sigmascope.store.query.SqlFilter;
import org.sigmascope.store.timeline.Histogram;
import org.sigmascope.store.timeline.Page;
import org.sigmascope.store.timeline.Sort;
import org.sigmascope.store.timeline.Timeline;
import org.sigmascope.store.timeline.TimelineRow;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.ui.session.CaseSession;

/**
 * The timeline: the query, the chips and the order the analyst chose, and the result — a {@link RowList} the table
 * shows, whose rows a {@link PageCache} loads as they come on screen — with its count and its histogram. Every
 * query runs off the FX thread: pages on the case's main connection; counts, histograms and column counts on the
 * timeline's own connection, started only once the first page is there, so that they never compete with it, and
 * stopped when the analyst changes the query. Results of a query that was replaced meanwhile are dropped.
 */
public final class TimelineViewModel implements AutoCloseable {
    /** Histogram buckets across the result's time range. */
    static final int BUCKETS = 120;
    /** Rows copied at most at once. */
    public static final int FETCH_LIMIT = 50_000;

    private final BackgroundTasks tasks;
    private final ExecutorService pageWorker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "sigmascope-timeline-pages");
        thread.setDaemon(true);
        return thread;
    });
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<FilterChip> chips = FXCollections.observableArrayList();
    private final BooleanProperty detectionsOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(Sort.byTime());
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneOffset.UTC);
    private final ReadOnlyObjectWrapper<RowList> rows = new ReadOnlyObjectWrapper<>(new RowList(0, 0));
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper(0);
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<QueryProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Histogram> detectionHistogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TimelineEntry> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Integer> reveal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<ColumnLayout.Shown>> layout =
            new ReadOnlyObjectWrapper<>(ColumnLayout.decode(null));
    private final ReadOnlyObjectWrapper<List<String>> fieldNames = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper firstPageMillis = new ReadOnlyLongWrapper(-1);
    private final Deque<TimelineState> history = new ArrayDeque<>();
    private final Consumer<String> status;

    private CaseSession session;
    private PageCache cache;
    private SqlFilter filter = SqlFilter.all();
    /** The query shown; read by background work to drop (and stop) what a newer query made stale. */
    private volatile long generation;
    private long appliedAt;
    private ChangeListener<TimelineEntry> pendingSelection;
    private ObjectProperty<TimelineEntry> selectionSource;
    private int selectedIndex = -1;
    private boolean selectFirst;
    /** The event to select once the query's first page is there (a context jump's). */
    private Event revealing;
    private boolean autoDetections;
    private boolean emptyDetectionsCheck;

    /** @param status where to say, in plain words, that something went wrong */
    public TimelineViewModel(BackgroundTasks tasks, Consumer<String> status) {
        this.tasks = tasks;
        this.status = status;
    }

    // ---- what the view binds to ----

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<FilterChip> chips() {
        return chips;
    }

    public BooleanProperty detectionsOnlyProperty() {
        return detectionsOnly;
    }

    public ObjectProperty<Sort> sortProperty() {
        return sort;
    }

    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public ReadOnlyObjectProperty<RowList> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** Rows the query keeps (while counting, at least those loaded). */
    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QueryProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Histogram> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    /** The same buckets, counting only events with detections. */
    public ReadOnlyObjectProperty<Histogram> detectionHistogramProperty() {
        return detectionHistogram.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TimelineEntry> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** A row the view should scroll to and select (set after a context jump). */
    public ReadOnlyObjectProperty<Integer> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<ColumnLayout.Shown>> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** The field names of the case's events, for completion and the column chooser. */
    public ReadOnlyObjectProperty<List<String>> fieldNamesProperty() {
        return fieldNames.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    /** How long the last query took from running it to its first page, in ms (-1 while waiting). */
    public ReadOnlyLongProperty firstPageMillisProperty() {
        return firstPageMillis.getReadOnlyProperty();
    }

    /** The row at a position; empty until its page is loaded (which asking starts). */
    public ReadOnlyObjectProperty<TimelineEntry> row(RowRef ref) {
        if (cache == null || ref.list() != generation) {
            return new ReadOnlyObjectWrapper<TimelineEntry>().getReadOnlyProperty();
        }
        return cache.slot(ref.index());
    }

    /** The row at a position if loaded, else {@code null}. */
    public TimelineEntry loaded(RowRef ref) {
        return cache == null || ref.list() != generation ? null : cache.loaded(ref.index());
    }

    public CaseSession session() {
        return session;
    }

    // ---- the case ----

    /** Shows a case (or nothing, for {@code null}): its layout, its field names, all its events in time order. */
    public void open(CaseSession newSession) {
        session = newSession;
        history.clear();
        canGoBack.set(false);
        query.set("");
        chips.clear();
        sort.set(Sort.byTime());
        selected.set(null);
        if (session == null) {
            closeCache();
            generation++;
            rows.set(new RowList(generation, 0));
            count.set(0);
            histogram.set(null);
            detectionHistogram.set(null);
            return;
        }
        CaseStore store = session.store();
        tasks.run("reading the timeline layout", () -> ColumnLayout.decode(new CaseMeta(store).get(ColumnLayout.KEY)
                .orElse(null)), layout::set, e -> { });
        reloadFieldNames();
        apply();
    }

    /** The case changed: counts, histogram and the rows on screen are read again; the query stays. */
    public void refresh(CaseSession.Kind kind) {
        if (session == null || cache == null) {
            return;
        }
        if (kind == CaseSession.Kind.IMPORT_DONE && autoDetections) {
            // The import shown as "detections only" found none: show all its events instead of an empty table.
            autoDetections = false;
            emptyDetectionsCheck = true;
        }
        if (kind != CaseSession.Kind.ANNOTATIONS) {
            reloadFieldNames();
            recount(generation, filter);
        }
        cache.reload();
        if (selected.get() != null) {
            reselect();
        }
    }

    private void reloadFieldNames() {
        CaseStore store = session.store();
        tasks.run("reading the field names", () -> store.db().list("SELECT name FROM field_names ORDER BY name",
                List.of(), r -> r.getString(1)), fieldNames::set, e -> { });
    }

    // ---- running queries ----

    /** Runs the query bar's text with the chips; an error is shown under the bar and the old result stays. */
    public void apply() {
        if (session == null) {
            return;
        }
        TimelineState state = state();
        CaseStore store = session.store();
        long asked = ++generation;
        appliedAt = System.nanoTime();
        firstPageMillis.set(-1);
        revealing = null;
        problem.set(null);
        stopStaleWork(store);
        CaseSession current = session;
        tasks.run("running the query", () -> {
            TimelineQuery.Result result = TimelineQuery.compile(store.timeline().catalog(), state);
            // The first page is read here, with the compiling: one crossing to the FX thread for both.
            boolean wanted = result.filter() != null && asked == generation;
            return new Ran(result, wanted ? loadPage(current, result.filter(), state.sort(), 0, null) : null);
        }, ran -> {
            if (asked != generation) {
                return;
            }
            if (ran.result().problem() != null) {
                problem.set(ran.result().problem());
                return;
            }
            problem.set(null);
            show(asked, ran.result().filter(), state.sort(), ran.firstPage());
        }, e -> {
            if (asked == generation) {
                status.accept("The query could not run: " + BackgroundTasks.plain(e));
            }
        });
    }

    /** A query compiled, and its first page read. */
    private record Ran(TimelineQuery.Result result, PageCache.Loaded firstPage) {
    }

    /** Stops the count, histogram or column count running for the query before, on the timeline's connection. */
    private static void stopStaleWork(CaseStore store) {
        try {
            store.timelineReader().cancel();
        } catch (IOException e) {
            // No connection, so nothing runs on it.
        }
    }

    /**
     * Runs a read for the query {@code asked} on the timeline's own connection; once a newer query is applied it
     * is skipped if not started, stopped if running, and its result or failure dropped.
     */
    private <T> void runForQuery(long asked, String what, BackgroundTasks.Job<T> job, Consumer<T> done,
                                 Consumer<Throwable> failed) {
        tasks.run(what, () -> {
            if (asked != generation) {
                return null;
            }
            try {
                return job.call();
            } catch (IOException e) {
                if (asked != generation) {
                    return null;
                }
                throw e;
            }
        }, result -> {
            if (asked == generation && result != null) {
                done.accept(result);
            }
        }, e -> {
            if (asked == generation) {
                failed.accept(e);
            }
        });
    }

    private void show(long asked, SqlFilter compiled, Sort order, PageCache.Loaded firstPage) {
        closeCache();
        filter = compiled;
        CaseSession current = session;
        RowList list = new RowList(asked, 0);
        cache = new PageCache((page, after) -> loadPage(current, compiled, order, page, after), pageWorker,
                e -> {
                    if (asked == generation) {
                        counting.set(false);
                    }
                    status.accept("Rows could not be read: " + BackgroundTasks.plain(e));
                });
        boolean[] counted = {false};
        cache.onPage((page, size) -> {
            if (asked == generation) {
                if (page == 0 && firstPageMillis.get() < 0) {
                    firstPageMillis.set((System.nanoTime() - appliedAt) / 1_000_000);
                }
                if (!counted[0]) {
                    // The count and the histogram scan the whole result: they start once the first page is on
                    // screen, so as not to take the CPU and the disk from it.
                    counted[0] = true;
                    recount(asked, compiled);
                    if (revealing != null) {
                        revealAfterApply(asked, compiled, revealing);
                        revealing = null;
                    }
                }
                if (page == 0 && size > 0 && selectFirst) {
                    selectFirst = false;
                    reveal.set(null);
                    reveal.set(0);
                }
                list.growTo(page * PageCache.PAGE + size);
                count.set(Math.max(count.get(), list.size()));
            }
        });
        selected.set(null);
        count.set(0);
        rows.set(list);
        counting.set(true);
        if (firstPage != null) {
            cache.put(0, firstPage);
        } else {
            cache.slot(0);
        }
    }

    private PageCache.Loaded loadPage(CaseSession current, SqlFilter compiled, Sort order, int page,
                                      org.sigmascope.store.timeline.Cursor after) throws Exception {
        return loadPage(current, compiled, order, page, after, (long) page * PageCache.PAGE, PageCache.PAGE);
    }

    private PageCache.Loaded loadPage(CaseSession current, SqlFilter compiled, Sort order, int page,
                                      org.sigmascope.store.timeline.Cursor after, long offset, int limit)
            throws Exception {
        Timeline timeline = current.store().timeline();
        List<TimelineRow> found;
        org.sigmascope.store.timeline.Cursor next = null;
        if (offset == 0 || after != null) {
            Page result = timeline.page(compiled, order, after, limit);
            found = result.rows();
            next = result.next();
        } else {
            found = timeline.pageAt(compiled, order, offset, limit);
        }
        Map<Long, RowExtras> extras = RowExtras.of(current.store().db(), found.stream()
                .map(r -> r.event().id()).toList());
        List<TimelineEntry> entries = new ArrayList<>(found.size());
        for (TimelineRow row : found) {
            long id = row.event().id();
            entries.add(new TimelineEntry(row, extras.get(id), current.gapBefore(id),
                    current.sourceName(row.event().sourceId())));
        }
        return new PageCache.Loaded(entries, next);
    }

    /** Counts the result and draws its histogram, on the case's second connection. */
    private void recount(long asked, SqlFilter compiled) {
        CaseStore store = session.store();
        counting.set(true);
        runForQuery(asked, "counting the timeline", () -> new Timeline(store.timelineReader()).count(compiled), n -> {
            counting.set(false);
            RowList list = rows.get();
            if (n < list.size()) {
                apply();
                return;
            }
            list.growTo((int) Math.min(Integer.MAX_VALUE - 8, n));
            count.set(n);
            if (emptyDetectionsCheck) {
                emptyDetectionsCheck = false;
                if (n == 0 && detectionsOnly.get() && chips.isEmpty() && query.get().isBlank()) {
                    showAll();
                }
            }
        }, e -> counting.set(false));
        runForQuery(asked, "drawing the histogram", () -> {
            Timeline timeline = new Timeline(store.timelineReader());
            Histogram all = timeline.histogram(compiled, BUCKETS);
            Histogram detected = null;
            if (asked != generation) {
                return null;
            }
            if (all.counts().length > 0) {
                SqlFilter withDetections = Filters.and(List.of(compiled,
                        SqlCompiler.compile("is:detected", FieldCatalog.open())));
                detected = timeline.histogram(withDetections, all.start(),
                        all.bucketStart(all.counts().length), BUCKETS);
            }
            return new Histogram[] {all, detected};
        }, drawn -> {
            histogram.set(drawn[0]);
            detectionHistogram.set(drawn[1]);
        }, e -> { });
    }

    private void closeCache() {
        if (cache != null) {
            cache.close();
            cache = null;
        }
    }

    // ---- what the analyst does ----

    public TimelineState state() {
        return new TimelineState(query.get(), List.copyOf(chips), detectionsOnly.get(), sort.get());
    }

    /** Adds a chip (replacing one with the same key) and runs the query. */
    public void addChip(FilterChip chip) {
        remember();
        chips.removeIf(c -> c.key().equals(chip.key()));
        chips.add(chip);
        apply();
    }

    public void removeChip(FilterChip chip) {
        remember();
        chips.remove(chip);
        apply();
    }

    /** Keeps only the events between two times (the histogram's brush). */
    public void selectTimeRange(Instant from, Instant to) {
        Instant a = from.isBefore(to) ? from : to;
        Instant b = from.isBefore(to) ? to : from;
        String label = ColumnSpec.TIME.format(a.atZone(zone.get())) + " – "
                + ColumnSpec.TIME.format(b.atZone(zone.get()));
        addChip(new FilterChip(FilterChip.TIME, "Time " + label, QueryTerms.timeRange(a, b)));
    }

    /** Sorts by a field (a column's), or back to time order for {@code null}. */
    public void sortBy(Sort order) {
        Sort next = order == null ? Sort.byTime() : order;
        if (!next.equals(sort.get())) {
            sort.set(next);
            apply();
        }
    }

    /** Shows some events, named by their ids (a correlation hit's, a process's). */
    public void showEvents(String label, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        remember();
        chips.clear();
        query.set("");
        detectionsOnly.set(false);
        List<String> values = ids.stream().limit(800).map(String::valueOf).toList();
        chips.add(new FilterChip("events", label, "id:(" + String.join(" OR ", values) + ")"));
        apply();
    }

    /**
     * The context of an event: every event of every source within the context span before and after it, in time
     * order, with the event selected. Back returns to the query before.
     */
    public void context(Event event, Duration span) {
        if (event.timestamp() == null) {
            status.accept("This event has no time, so it has no context in time.");
            return;
        }
        remember();
        chips.clear();
        query.set("");
        detectionsOnly.set(false);
        sort.set(Sort.byTime());
        Instant t = event.timestamp();
        chips.add(new FilterChip(FilterChip.TIME, "Context of event " + event.id() + " ±" + span.toMinutes()
                + " min", QueryTerms.timeRange(t.minus(span), t.plus(span))));
        apply();
        revealing = event;
    }

    /** The context of an event known by its id (a gap's, a process's). */
    public void context(long eventId, Duration span) {
        if (session == null) {
            return;
        }
        CaseStore store = session.store();
        tasks.run("reading an event", () -> store.timeline().rows(List.of(eventId)), found -> {
            if (!found.isEmpty()) {
                context(found.get(0).event(), span);
            }
        }, e -> status.accept("The event could not be read: " + BackgroundTasks.plain(e)));
    }

    /** Selects an event in the result shown, if it is in it (in time order only). */
    private void revealAfterApply(long asked, SqlFilter compiled, Event event) {
        CaseStore store = session.store();
        runForQuery(asked, "finding the event in the timeline", () -> Filters.indexInTimeOrder(
                store.timelineReader(), compiled, event), index -> {
            if (index >= 0) {
                rows.get().growTo((int) Math.min(Integer.MAX_VALUE - 8, index + 1));
                reveal.set(null);
                reveal.set(index.intValue());
            }
        }, e -> { });
    }

    public void back() {
        if (history.isEmpty()) {
            return;
        }
        TimelineState previous = history.pop();
        canGoBack.set(!history.isEmpty());
        query.set(previous.query());
        chips.setAll(previous.chips());
        detectionsOnly.set(previous.detectionsOnly());
        sort.set(previous.sort());
        apply();
    }

    /**
     * Shows only the events rules fired on, and selects the first as soon as it is there: what a new case shows
     * while its first import runs, since the analyst's first question is what fired.
     */
    public void showDetections() {
        detectionsOnly.set(true);
        selectFirst = true;
        autoDetections = true;
        apply();
    }

    /** Shows all events again, if only detections are shown (an import found none). */
    public void showAll() {
        if (detectionsOnly.get()) {
            detectionsOnly.set(false);
            selectFirst = true;
            apply();
        }
    }

    /** Keeps the current state for Back. */
    public void remember() {
        history.push(state());
        while (history.size() > 50) {
            history.removeLast();
        }
        canGoBack.set(true);
    }

    /** The table's selection moved to a row; the entry follows once its page is loaded. */
    public void select(RowRef ref) {
        selectedIndex = ref == null ? -1 : ref.index();
        if (selectionSource != null && pendingSelection != null) {
            selectionSource.removeListener(pendingSelection);
        }
        pendingSelection = null;
        selectionSource = null;
        if (ref == null || cache == null || ref.list() != generation) {
            selected.set(null);
            return;
        }
        ReadOnlyObjectProperty<TimelineEntry> slot = cache.slot(ref.index());
        if (slot.get() != null) {
            selected.set(slot.get());
            return;
        }
        ObjectProperty<TimelineEntry> follower = new SimpleObjectProperty<>();
        follower.bind(slot);
        pendingSelection = (o, old, entry) -> {
            if (entry != null) {
                selected.set(entry);
            }
        };
        follower.addListener(pendingSelection);
        selectionSource = follower;
    }

    /** After the rows were read again, the selected row's new content (a tag added, say). */
    private void reselect() {
        if (selectedIndex >= 0 && selectedIndex < rows.get().size()) {
            select(new RowRef(generation, selectedIndex));
        }
    }

    /** Keeps the columns as the analyst arranged them, in the case. */
    public void saveLayout(List<ColumnLayout.Shown> columns) {
        layout.set(List.copyOf(columns));
        if (session == null) {
            return;
        }
        CaseStore store = session.store();
        String json = ColumnLayout.encode(columns);
        tasks.run("keeping the column layout", () -> {
            new CaseMeta(store).put(ColumnLayout.KEY, json);
            return null;
        }, done -> { }, e -> { });
    }

    /**
     * Reads rows {@code from} to {@code to} (exclusive) of the result, whatever is loaded, for copying a large
     * selection; at most {@value #FETCH_LIMIT} rows.
     */
    public void fetch(int from, int to, Consumer<List<TimelineEntry>> answer) {
        if (session == null || cache == null) {
            answer.accept(List.of());
            return;
        }
        CaseSession current = session;
        SqlFilter compiled = filter;
        Sort order = sort.get();
        long asked = generation;
        int end = Math.min(to, from + FETCH_LIMIT);
        tasks.run("reading rows to copy", () -> {
            List<TimelineEntry> entries = new ArrayList<>();
            for (int at = from; at < end; at += PageCache.PAGE) {
                entries.addAll(loadPage(current, compiled, order, 0, null, at, Math.min(PageCache.PAGE, end - at))
                        .rows());
            }
            return entries;
        }, entries -> answer.accept(asked == generation ? entries : List.of()),
                e -> status.accept("The rows could not be read: " + BackgroundTasks.plain(e)));
    }

    /** The values of a column among the events shown (its own filter left out), with their counts. */
    public void columnValues(ColumnSpec spec, Consumer<org.sigmascope.store.timeline.ValueCount.Values> answer,
                             Consumer<Throwable> failed) {
        if (session == null) {
            return;
        }
        CaseStore store = session.store();
        TimelineState state = state();
        runForQuery(generation, "counting a column's values", () -> ColumnFilters.values(
                new Timeline(store.timelineReader()), state, spec), answer, failed);
    }

    /** Keeps (or excludes) the events whose column has one of the values; no values removes the column's filter. */
    public void filterColumn(ColumnSpec spec, List<String> values, boolean exclude) {
        if (values.isEmpty()) {
            chips.stream().filter(c -> c.key().equals(ColumnFilters.key(spec))).findFirst().ifPresent(this::removeChip);
            return;
        }
        addChip(ColumnFilters.chip(spec, values, exclude));
    }

    /** Whether a column has a filter now. */
    public boolean filtered(ColumnSpec spec) {
        return chips.stream().anyMatch(c -> c.key().equals(ColumnFilters.key(spec)));
    }

    /** The searches saved in the case. */
    public void savedSearches(Consumer<List<SavedSearches.Search>> answer) {
        if (session == null) {
            answer.accept(List.of());
            return;
        }
        CaseStore store = session.store();
        tasks.run("reading the saved searches", () -> store.searches().all(), answer, e -> answer.accept(List.of()));
    }

    /** Saves the query bar's text (with the chips) and the order under a name, in the case. */
    public void saveSearch(String name) {
        if (session == null || name.isBlank()) {
            return;
        }
        CaseStore store = session.store();
        List<String> parts = new ArrayList<>();
        if (!query.get().isBlank()) {
            parts.add(chips.isEmpty() && !detectionsOnly.get() ? query.get() : "(" + query.get() + ")");
        }
        chips.forEach(c -> parts.add("(" + c.query() + ")"));
        if (detectionsOnly.get()) {
            parts.add("is:detected");
        }
        SavedSearches.Search search = new SavedSearches.Search(name.strip(), String.join(" AND ", parts),
                sort.get().toString());
        tasks.run("saving a search", () -> {
            store.searches().save(search);
            return null;
        }, ok -> status.accept("Search '" + search.name() + "' saved in the case."),
                e -> status.accept("The search could not be saved: " + BackgroundTasks.plain(e)));
    }

    /** Runs a saved search: its query in the bar, no chips. */
    public void runSearch(SavedSearches.Search search) {
        remember();
        chips.clear();
        detectionsOnly.set(false);
        query.set(search.query());
        sort.set(Sort.parse(search.sort()));
        apply();
    }

    /** The compiled filter of what is shown, for exports of the view. */
    public SqlFilter filter() {
        return filter;
    }

    @Override
    public void close() {
        closeCache();
        pageWorker.shutdownNow();
    }
}
