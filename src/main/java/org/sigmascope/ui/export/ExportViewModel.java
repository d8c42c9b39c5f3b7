package org.sigmascope.ui.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.report.OutputFiles;
import org.sigmascope.report.ReportExporter;
import org.sigmascope.report.cases.CaseReport;
import org.sigmascope.report.export.EventWriter;
import org.sigmascope.report.export.TimelineCsvWriter;
import org.sigmascope.report.model.CaseDetails;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;
import org.sigmascope.report.model.Section;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.query.SqlFilter;
import org.sigmascope.store.timeline.Cursor;
import org.sigmascope.store.timeline.Page;
import org.sigmascope.store.timeline.Sort;
import org.sigmascope.store.timeline.TimelineRow;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.ui.session.CaseSession;

/**
 * The export dialog's work: the report (HTML, PDF) and the detection exports (CSV, JSONL, Hayabusa) of the whole
 * case, filled from the case ({@link CaseReport}); and the events of the timeline's current view as a CSV timeline
 * or Timesketch JSONL, read from the case a page at a time. Each export is recorded in the case's audit log.
 */
public final class ExportViewModel {
    /** What can be exported. */
    public enum Kind {
        HTML("HTML report", "html", true), PDF("PDF report", "pdf", true),
        CSV("Detections, CSV", "csv", false), JSONL("Detections, JSONL", "jsonl", false),
        HAYABUSA("Detections, Hayabusa CSV timeline", "csv", false),
        TIMELINE("Events of the timeline view, CSV", "csv", false),
        TIMESKETCH("Events of the timeline view, Timesketch JSONL", "jsonl", false);

        private final String label;
        private final String extension;
        private final boolean report;

        Kind(String label, String extension, boolean report) {
            this.label = label;
            this.extension = extension;
            this.report = report;
        }

        public String label() {
            return label;
        }

        public String extension() {
            return extension;
        }

        /** Whether sections can be chosen. */
        public boolean report() {
            return report;
        }

        /** Whether it exports the timeline's view rather than the detections. */
        public boolean view() {
            return this == TIMELINE || this == TIMESKETCH;
        }
    }

    /** Events read from the case at a time for the view exports. */
    private static final int PAGE = 2_000;

    private final BackgroundTasks tasks;
    private final Supplier<CaseSession> session;
    private final Supplier<SqlFilter> viewFilter;
    private final Supplier<Sort> viewSort;

    /** @param viewFilter the timeline's filter now, for the view exports */
    public ExportViewModel(BackgroundTasks tasks, Supplier<CaseSession> session, Supplier<SqlFilter> viewFilter,
                           Supplier<Sort> viewSort) {
        this.tasks = tasks;
        this.session = session;
        this.viewFilter = viewFilter;
        this.viewSort = viewSort;
    }

    /** A file name for the export. */
    public String suggestedName(Kind kind) {
        CaseSession current = session.get();
        String base = current == null ? "sigmascope" : current.name();
        return base + switch (kind) {
            case HTML, PDF -> "-report";
            case CSV, JSONL -> "-detections";
            case HAYABUSA -> "-hayabusa";
            case TIMELINE -> "-timeline";
            case TIMESKETCH -> "-timesketch";
        } + "." + kind.extension();
    }

    /** Exports in the background; tells {@code done} the sentence for the status bar. */
    public void export(Kind kind, Set<Section> sections, Level minLevel, ZoneId zone, Path output,
                       Consumer<String> done, Consumer<Throwable> failed) {
        CaseSession current = session.get();
        if (current == null) {
            done.accept("Open a case first.");
            return;
        }
        ReportOptions options = ReportOptions.defaults().withSections(sections).withMinLevel(minLevel).withZone(zone);
        SqlFilter filter = viewFilter.get();
        Sort sort = viewSort.get();
        tasks.run("exporting " + kind, () -> {
            CaseStore store = current.store();
            String what;
            if (kind.view()) {
                long written = exportView(store, current, kind, filter, sort, zone, output);
                what = String.format("%,d events", written);
            } else {
                // The same report `sigmascope report --case` makes: the rules the case's detections reflect, the details
                // kept in the case, the process trees of the processes with detections.
                ReportData data = CaseReport.read(store, CaseDetails.named(""), Instant.now(),
                        sections.contains(Section.PROCESS_TREES));
                ReportExporter.Format format = ReportExporter.Format.valueOf(kind.name());
                ReportExporter.export(data, options, format, output);
                what = String.format("%,d detections", ReportExporter.detections(data, options).size());
            }
            store.audit().record("export", Map.of("format", kind.name().toLowerCase(java.util.Locale.ROOT),
                    "file", output.toAbsolutePath().toString(), "what", what));
            return "Exported " + what + " to " + output;
        }, done, failed);
    }

    private static long exportView(CaseStore store, CaseSession current, Kind kind, SqlFilter filter, Sort sort,
                                   ZoneId zone, Path output) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long[] count = {0};
        // Written beside its name and moved in place whole: a crash or a full disk leaves no half export.
        Path partial = OutputFiles.partial(output);
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            EventWriter writer = kind == Kind.TIMELINE
                    ? ReportExporter.timelineCsv(out, TimelineCsvWriter.DEFAULT_COLUMNS,
                    ReportOptions.defaults().withZone(zone), current::sourceName)
                    : ReportExporter.timesketch(out, current::sourceName);
            Function<Event, List<Detection>> detections = event -> {
                try {
                    return store.detectionsOf(event.id());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            Iterable<Event> events = () -> new Pages(store, filter, sort, count);
            try {
                ReportExporter.writeEvents(events, detections, writer);
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        OutputFiles.commit(partial, output);
        return count[0];
    }

    /** The events of a filter in order, a page at a time by keyset. */
    private static final class Pages implements Iterator<Event> {
        private final CaseStore store;
        private final SqlFilter filter;
        private final Sort sort;
        private final long[] count;
        private final List<Event> page = new ArrayList<>();
        private Cursor cursor;
        private boolean last;
        private int next;

        Pages(CaseStore store, SqlFilter filter, Sort sort, long[] count) {
            this.store = store;
            this.filter = filter;
            this.sort = sort;
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            if (next < page.size()) {
                return true;
            }
            if (last) {
                return false;
            }
            try {
                Page read = store.timeline().page(filter, sort, cursor, PAGE);
                page.clear();
                next = 0;
                for (TimelineRow row : read.rows()) {
                    page.add(row.event());
                }
                cursor = read.next();
                last = cursor == null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (org.sigmascope.store.query.QuerySyntaxException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return !page.isEmpty();
        }

        @Override
        public Event next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            count[0]++;
            return page.get(next++);
        }
    }
}
