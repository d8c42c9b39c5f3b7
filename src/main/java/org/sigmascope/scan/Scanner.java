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
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;
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
        try (MatchPipeline pipeline = new MatchPipeline(request, listener)) {
            return scan(request, listener, progress, cancellation, files, totalBytes, pipeline, started);
        }
    }

    private static ScanSummary scan(ScanRequest request, ScanListener listener, Progress progress,
                                    Cancellation cancellation, List<EvidenceFinder.Found> files, long totalBytes,
                                    MatchPipeline pipeline, long started) throws IOException {
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
                pipeline.then(() -> listener.sourceFailed(source, "cannot read: " + e.getMessage()));
                failedSources++;
                continue;
            }
            Source source = new Source(sourceId++, path, found.displayName(),
                    reader.map(EvidenceReader::format).orElse("unknown"));
            sources.add(source);
            if (reader.isEmpty()) {
                pipeline.then(() -> listener.sourceFailed(source,
                        "not a format Sigmascope reads (EVTX, JSON or CSV event logs)"));
                failedSources++;
                continue;
            }
            pipeline.then(() -> listener.sourceStarted(source));
            long base = bytesBefore;
            long all = totalBytes;
            Progress fileProgress = (done, total, message) -> progress.update(base + Math.max(0, done), all,
                    message != null ? message : source.displayName());
            SourceStats stats;
            try {
                stats = reader.get().read(new ReadRequest(source, request.options(), fileProgress, cancellation),
                        pipeline::accept);
            } catch (IOException e) {
                pipeline.then(() -> listener.sourceFailed(source, "cannot read: " + e.getMessage()));
                failedSources++;
                continue;
            }
            failedRecords += stats.failed();
            SourceStats read = stats;
            pipeline.then(() -> listener.sourceFinished(source, read));
            bytesBefore += Files.size(path);
            progress.update(bytesBefore, totalBytes, source.displayName());
        }
        pipeline.flush();
        pipeline.finishCorrelations();
        return new ScanSummary(sources.size(), failedSources, pipeline.events(), failedRecords, pipeline.detections(),
                System.nanoTime() - started);
    }
}
