package org.sigmascope.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sigmascope.ingest.EvidenceFinder;
import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.FormatDetector;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;
import org.sigmascope.sigma.correlation.CorrelationRun;
import org.sigmascope.sigma.correlation.RunLimits;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Reads evidence and matches its events against rules as they stream: the engine path that the CLI, the app
 * and (later) Spark share. Correlation rules take the engine's matches as they come and report their hits once all
 * evidence is read, since files are read one after another and not in time order.
 */
public final class Scanner {
    private Scanner() {
    }

    public static ScanSummary scan(ScanRequest request, ScanListener listener, Progress progress,
                                   Cancellation cancellation) throws IOException {
        long started = System.nanoTime();
        List<EvidenceFinder.Found> files = EvidenceFinder.find(request.inputs());
        long totalBytes = 0;
        for (EvidenceFinder.Found found : files) {
            totalBytes += Files.size(found.path());
        }
        CorrelationRun correlations = request.correlations().start(RunLimits.SCAN);
        Counters counters = new Counters(request.firstId(), correlations);
        long bytesBefore = 0;
        int failedSources = 0;
        long failedRecords = 0;
        int sourceId = request.firstSource();
        List<Source> sources = new ArrayList<>();
        for (EvidenceFinder.Found found : files) {
            cancellation.check();
            Path path = found.path();
            Optional<EvidenceReader> reader;
            try {
                reader = FormatDetector.readerFor(path);
            } catch (IOException e) {
                Source source = new Source(sourceId++, path, found.displayName(), "unknown");
                listener.sourceFailed(source, "cannot read: " + e.getMessage());
                failedSources++;
                continue;
            }
            Source source = new Source(sourceId++, path, found.displayName(),
                    reader.map(EvidenceReader::format).orElse("unknown"));
            sources.add(source);
            if (reader.isEmpty()) {
                listener.sourceFailed(source, "not a format Sigmascope reads (EVTX, JSON or CSV event logs)");
                failedSources++;
                continue;
            }
            listener.sourceStarted(source);
            long base = bytesBefore;
            long all = totalBytes;
            Progress fileProgress = (done, total, message) -> progress.update(base + Math.max(0, done), all,
                    message != null ? message : source.displayName());
            SourceStats stats;
            try {
                stats = reader.get().read(new ReadRequest(source, request.options(), fileProgress, cancellation),
                        event -> counters.accept(event, request, listener));
            } catch (IOException e) {
                listener.sourceFailed(source, "cannot read: " + e.getMessage());
                failedSources++;
                continue;
            }
            failedRecords += stats.failed();
            listener.sourceFinished(source, stats);
            bytesBefore += Files.size(path);
            progress.update(bytesBefore, totalBytes, source.displayName());
        }
        for (Detection hit : correlations.finish()) {
            counters.report(hit, request, listener);
        }
        correlations.notes().forEach(listener::note);
        return new ScanSummary(sources.size(), failedSources, counters.events, failedRecords, counters.detections,
                System.nanoTime() - started);
    }

    /** Numbers events and forwards them and their detections, in order; feeds correlations the matches. */
    private static final class Counters {
        private final CorrelationRun correlations;
        private long nextId;
        private long events;
        private long detections;

        Counters(long firstId, CorrelationRun correlations) {
            this.nextId = firstId;
            this.correlations = correlations;
        }

        void accept(Event raw, ScanRequest request, ScanListener listener) {
            Event event = raw.withId(nextId++);
            events++;
            if (listener.wantsEvents()) {
                listener.event(event);
            }
            request.engine().match(event, detection -> {
                correlations.offer(detection);
                if (request.correlations().reportsAlone(detection.rule().id())) {
                    report(detection, request, listener);
                }
            });
        }

        void report(Detection detection, ScanRequest request, ScanListener listener) {
            if (detection.rule().level().atLeast(request.minLevel())) {
                detections++;
                listener.detection(detection);
            }
        }
    }
}
