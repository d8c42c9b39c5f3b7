package org.sigmascope.ui.timeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.sigmascope.store.timeline.Cursor;
import org.sigmascope.ui.BackgroundTasks;

/**
 * The rows of one timeline result, loaded a page at a time as the table shows them, and forgotten when they have
 * not been shown for a while: a result of ten million rows costs the heap only the pages near the screen.
 *
 * <p>Each row is a {@linkplain #slot slot} that the table's cells observe; it is empty until its page arrives.
 * Pages load one at a time on a worker, the most recently wanted first, so that after a fast scroll the rows on
 * screen come first and those scrolled past are never loaded. A page after a loaded one is found by keyset
 * (its cursor), others by offset. Used on the FX thread only, except the loader.
 */
final class PageCache {
    static final int PAGE = 100;
    /** Pages kept; beyond this, the least recently shown go. */
    private static final int KEEP = 300;
    /** Pages reloaded when the case changes (the last shown); the screen shows two or three. */
    private static final int RELOADED = 8;

    /** Loads a page off the FX thread. */
    @FunctionalInterface
    interface Loader {
        /**
         * @param page  the page number
         * @param after where the page before it ended, for keyset paging, or {@code null} to use the offset
         */
        Loaded load(int page, Cursor after) throws Exception;
    }

    /** A page's rows and where it ended. */
    record Loaded(List<TimelineEntry> rows, Cursor next) {
    }

    private static final class Page {
        final List<ReadOnlyObjectWrapper<TimelineEntry>> slots = new java.util.ArrayList<>(PAGE);
        boolean loaded;
        boolean wanted;

        Page() {
            for (int i = 0; i < PAGE; i++) {
                slots.add(new ReadOnlyObjectWrapper<>());
            }
        }
    }

    private final Loader loader;
    private final Executor worker;
    private final Consumer<Throwable> onFailure;
    private final Map<Integer, Page> pages = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Integer, Cursor> cursors = new HashMap<>();
    private final Deque<Integer> queue = new ArrayDeque<>();
    private java.util.function.BiConsumer<Integer, Integer> onPage = (page, size) -> { };
    private boolean loading;
    private boolean closed;
    private long loads;

    PageCache(Loader loader, Executor worker, Consumer<Throwable> onFailure) {
        this.loader = loader;
        this.worker = worker;
        this.onFailure = onFailure;
    }

    /** The row at {@code index}: empty until its page is loaded (asks for the page if needed). */
    ReadOnlyObjectProperty<TimelineEntry> slot(int index) {
        int number = index / PAGE;
        Page page = pages.get(number);
        if (page == null) {
            page = new Page();
            pages.put(number, page);
            trim();
        }
        if (!page.loaded && !page.wanted) {
            page.wanted = true;
            queue.addFirst(number);
            pump();
        }
        return page.slots.get(index % PAGE).getReadOnlyProperty();
    }

    /** The row at {@code index} if its page is loaded, without asking for it. */
    TimelineEntry loaded(int index) {
        Page page = pages.get(index / PAGE);
        return page == null || !page.loaded ? null : page.slots.get(index % PAGE).get();
    }

    /**
     * The case changed (an import committed, a tag was added): the pages shown last (those on screen are among
     * them) load again, most recent first; the others are forgotten and load when shown again.
     */
    void reload() {
        cursors.clear();
        queue.clear();
        List<Integer> order = new java.util.ArrayList<>(pages.keySet());
        for (int i = 0; i < order.size(); i++) {
            Integer number = order.get(i);
            if (i < order.size() - RELOADED) {
                pages.remove(number);
            } else {
                Page page = pages.get(number);
                page.loaded = false;
                page.wanted = true;
                queue.addFirst(number);
            }
        }
        pump();
    }

    /** A page read already (the first, read with the query): shown at once, as if it had been loaded. */
    void put(int number, Loaded result) {
        if (!pages.containsKey(number)) {
            pages.put(number, new Page());
            trim();
        }
        fill(number, result);
    }

    /** Told of each page that arrives: its number and how many rows it has. */
    void onPage(java.util.function.BiConsumer<Integer, Integer> listener) {
        this.onPage = listener;
    }

    /** Loads stop; results still on their way are dropped. */
    void close() {
        closed = true;
        queue.clear();
    }

    /** Pages loaded so far, for tests. */
    long loads() {
        return loads;
    }

    private void trim() {
        Iterator<Map.Entry<Integer, Page>> it = pages.entrySet().iterator();
        while (pages.size() > KEEP && it.hasNext()) {
            Map.Entry<Integer, Page> eldest = it.next();
            queue.remove(eldest.getKey());
            it.remove();
        }
    }

    private void pump() {
        if (loading || closed) {
            return;
        }
        Integer number;
        Page page;
        do {
            number = queue.pollFirst();
            page = number == null ? null : pages.get(number);
        } while (number != null && (page == null || page.loaded));
        if (number == null) {
            return;
        }
        int n = number;
        Cursor after = n == 0 ? null : cursors.get(n - 1);
        loading = true;
        worker.execute(() -> {
            Loaded result;
            try {
                result = loader.load(n, after);
            } catch (Exception e) {
                BackgroundTasks.onFx(() -> {
                    loading = false;
                    Page failed = pages.get(n);
                    if (failed != null) {
                        failed.wanted = false;
                    }
                    if (!closed) {
                        onFailure.accept(e);
                    }
                });
                return;
            }
            BackgroundTasks.onFx(() -> arrived(n, result));
        });
    }

    private void arrived(int number, Loaded result) {
        loading = false;
        fill(number, result);
        pump();
    }

    private void fill(int number, Loaded result) {
        if (closed) {
            return;
        }
        loads++;
        if (result.next() != null) {
            cursors.put(number, result.next());
        }
        Page page = pages.get(number);
        if (page != null) {
            page.loaded = true;
            page.wanted = false;
            for (int i = 0; i < PAGE; i++) {
                page.slots.get(i).set(i < result.rows().size() ? result.rows().get(i) : null);
            }
        }
        onPage.accept(number, result.rows().size());
    }
}
