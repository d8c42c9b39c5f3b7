package org.sigmascope.ui.proctree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import org.sigmascope.caseview.CaseTrees;
import org.sigmascope.model.Level;
import org.sigmascope.proctree.AttackStory;
import org.sigmascope.proctree.Process;
import org.sigmascope.proctree.ProcessTree;
import org.sigmascope.proctree.Selection;
import org.sigmascope.store.CaseStore;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.ui.session.CaseSession;

/**
 * The process tree view: the case's trees, built from its stored events in the background when first shown (and
 * again after an import), per host; the whole tree or only the attack story (the processes detections fired on,
 * their ancestors and what they started); detection badges by level; search; a process's events in the timeline,
 * and back from an event to its process.
 */
public final class ProcessTreeViewModel {
    /** A detection drawn on a process. */
    public record Badge(Level level, String rule, long eventId) {
    }

    /** What the tree view shows of the tree now. */
    public record Shown(ProcessTree tree, Selection story, String host, boolean storyOnly) {
        /** The top processes shown. */
        public int[] roots() {
            if (storyOnly && story != null) {
                return Arrays.stream(story.roots()).filter(p -> tree.host(p).equals(host)).toArray();
            }
            return tree.roots(host);
        }

        /** The children shown of a process. */
        public int[] children(int p) {
            return storyOnly && story != null ? story.children(p) : tree.children(p);
        }

        /** Whether a process is shown only as the ancestor of one with a detection. */
        public boolean context(int p) {
            return storyOnly && story != null && story.mark(p) == Selection.Mark.CONTEXT;
        }
    }

    private final BackgroundTasks tasks;
    private final BiConsumer<String, List<Long>> showEvents;
    private final Consumer<String> status;
    private final ReadOnlyObjectWrapper<ProcessTree> tree = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> hosts = FXCollections.observableArrayList();
    private final ObjectProperty<String> host = new SimpleObjectProperty<>();
    private final BooleanProperty storyOnly = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper building = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Integer> reveal = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Integer> matches = FXCollections.observableArrayList();
    private Map<Integer, List<Badge>> badges = Map.of();
    private Selection story;
    private CaseSession session;
    private boolean stale = true;
    private Task<Built> running;
    private Long pendingEvent;

    public ProcessTreeViewModel(BackgroundTasks tasks, BiConsumer<String, List<Long>> showEvents,
                                Consumer<String> status) {
        this.tasks = tasks;
        this.showEvents = showEvents;
        this.status = status;
        host.addListener((o, old, h) -> reshow());
        storyOnly.addListener((o, old, s) -> reshow());
    }

    public ReadOnlyObjectProperty<ProcessTree> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ObservableList<String> hosts() {
        return hosts;
    }

    public ObjectProperty<String> hostProperty() {
        return host;
    }

    public BooleanProperty storyOnlyProperty() {
        return storyOnly;
    }

    public ReadOnlyBooleanProperty buildingProperty() {
        return building.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** {@code 1,234 processes on 4 hosts; links: 1,100 exact, 120 inferred, 14 unknown}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** A process to select and bring into view. */
    public ReadOnlyObjectProperty<Integer> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    /** The processes the last search found, in order. */
    public ObservableList<Integer> matches() {
        return matches;
    }

    public List<Badge> badges(int p) {
        return badges.getOrDefault(p, List.of());
    }

    public void open(CaseSession newSession) {
        if (running != null) {
            running.cancel();
        }
        session = newSession;
        stale = true;
        tree.set(null);
        shown.set(null);
        hosts.clear();
        matches.clear();
        summary.set(newSession == null ? "" : "The trees are built when you open this view.");
    }

    /** The case's events changed: the trees are built again when next shown. */
    public void invalidate() {
        stale = true;
    }

    /** Builds the trees if they are not built, or are out of date. */
    public void ensureBuilt() {
        if (!stale || session == null || building.get()) {
            return;
        }
        stale = false;
        CaseSession current = session;
        CaseStore store = current.store();
        Task<Built> task = tasks.task("Building the process trees", (p, cancel) -> {
            ProcessTree built = CaseTrees.build(store, p, cancel);
            return new Built(built, badges(store, built));
        });
        running = task;
        building.set(true);
        summary.set("Building the process trees from the case's process events…");
        progress.bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            finish();
            if (current == session) {
                show(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            finish();
            stale = true;
            if (!(task.getException() instanceof java.util.concurrent.CancellationException)) {
                summary.set("The process trees could not be built: " + BackgroundTasks.plain(task.getException()));
            }
        });
        tasks.start(task);
    }

    private void finish() {
        progress.unbind();
        progress.set(-1);
        building.set(false);
        running = null;
    }

    private record Built(ProcessTree tree, Map<Integer, List<Badge>> badges) {
    }

    private static Map<Integer, List<Badge>> badges(CaseStore store, ProcessTree tree) throws Exception {
        Map<Integer, List<Badge>> byProcess = new HashMap<>();
        for (Object[] row : store.secondReader().list("SELECT d.event_id, max(d.level_rank), "
                + "coalesce(r.title, d.rule_id) FROM detections d LEFT JOIN rules r ON r.id = d.rule_id "
                + "GROUP BY d.event_id, 3 ORDER BY 2 DESC, 3", List.of(),
                r -> new Object[] {r.getLong(1), r.getInt(2), r.getString(3)})) {
            int p = tree.processOfEvent((Long) row[0]);
            if (p >= 0) {
                byProcess.computeIfAbsent(p, k -> new ArrayList<>()).add(new Badge(Level.values()[(Integer) row[1]],
                        (String) row[2], (Long) row[0]));
            }
        }
        return byProcess;
    }

    private void show(Built built) {
        ProcessTree t = built.tree();
        badges = built.badges();
        long[] detected = badges.values().stream().flatMap(List::stream).mapToLong(Badge::eventId).toArray();
        story = detected.length == 0 ? null : AttackStory.of(t, detected).selection();
        storyOnly.set(story != null && storyOnly.get());
        tree.set(t);
        String previous = host.get();
        hosts.setAll(t.hosts());
        summary.set(String.format("%,d processes on %d host%s; parent links: %,d exact, %,d inferred, %,d unknown%s",
                t.size(), t.hosts().size(), t.hosts().size() == 1 ? "" : "s", t.stats().exact(),
                t.stats().inferred(), t.stats().unknown(), story == null ? "; no detections on processes"
                        : String.format("; %,d processes with detections", badges.size())));
        String first = story == null || t.hosts().isEmpty() ? (t.hosts().isEmpty() ? null : t.hosts().get(0))
                : t.host(badges.keySet().stream().mapToInt(Integer::intValue).min().orElse(0));
        host.set(previous != null && t.hosts().contains(previous) ? previous : first);
        reshow();
        if (pendingEvent != null) {
            long event = pendingEvent;
            pendingEvent = null;
            revealEvent(event);
        }
    }

    private void reshow() {
        ProcessTree t = tree.get();
        shown.set(t == null || host.get() == null ? null : new Shown(t, story, host.get(), storyOnly.get()));
    }

    /** Finds processes by image, command line, user or process id, on the host shown. */
    public void search(String text) {
        ProcessTree t = tree.get();
        matches.clear();
        if (t == null || text == null || text.isBlank() || host.get() == null) {
            return;
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        String h = host.get();
        int[] found = t.matching(p -> p.host().equals(h) && (contains(p.image(), lower)
                || contains(p.commandLine(), lower) || contains(p.user(), lower) || Long.toString(p.pid())
                .equals(lower)));
        Arrays.stream(found).forEach(matches::add);
        if (found.length > 0) {
            reveal(found[0]);
        } else {
            status.accept("No process on " + h + " matches '" + text.strip() + "'.");
        }
    }

    private static boolean contains(String value, String lower) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lower);
    }

    /** Selects a process and shows it, with its ancestry expanded (leaving the story if it is not in it). */
    public void reveal(int p) {
        ProcessTree t = tree.get();
        if (t == null) {
            return;
        }
        if (!t.host(p).equals(host.get())) {
            host.set(t.host(p));
        }
        if (storyOnly.get() && (story == null || !story.contains(p))) {
            storyOnly.set(false);
        }
        reveal.set(null);
        reveal.set(p);
    }

    /** Back from an event to the process it belongs to (building the trees first if needed). */
    public void revealEvent(long eventId) {
        ProcessTree t = tree.get();
        if (t == null || stale) {
            pendingEvent = eventId;
            ensureBuilt();
            return;
        }
        int p = t.processOfEvent(eventId);
        if (p < 0) {
            status.accept("Event " + eventId + " belongs to no process of the trees (it names none, or its process "
                    + "was never seen).");
            return;
        }
        reveal(p);
    }

    /** The chain from the root down to a process. */
    public List<Process> ancestry(int p) {
        ProcessTree t = tree.get();
        List<Process> chain = new ArrayList<>();
        if (t == null) {
            return chain;
        }
        int[] ancestors = t.ancestors(p);
        for (int i = ancestors.length - 1; i >= 0; i--) {
            chain.add(t.process(ancestors[i]));
        }
        chain.add(t.process(p));
        return chain;
    }

    /** Shows a process's events in the timeline (its start, stop and the activity attached to it). */
    public void showEventsOf(int p) {
        ProcessTree t = tree.get();
        if (t == null) {
            return;
        }
        long[] events = t.eventsOf(p);
        Process process = t.process(p);
        List<Long> ids = Arrays.stream(events).sorted().boxed().toList();
        String label = "Process " + process.name() + " [" + process.pid() + "] on " + process.host()
                + (ids.size() > 800 ? String.format(" (first 800 of %,d events)", ids.size()) : "");
        showEvents.accept(label, ids);
    }
}
