package org.sigmascope.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.sigmascope.ingest.EvidenceFinder;
import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.FormatDetector;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.CaseWriter;
import org.sigmascope.store.CommitPolicy;
import org.sigmascope.store.SourceRow;
import org.sigmascope.store.SourceStatus;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Adds evidence to a case: hashes each file, records it as a source, reads its events, matches them against the
 * rules, and writes events and detections in batches that the timeline shows as they commit. A cancel commits
 * what was read and marks the source {@linkplain SourceStatus#INTERRUPTED interrupted}; so does a crash, found at
 * the next opening. An interrupted import is {@linkplain #resume resumed} from its watermark or
 * {@linkplain CaseStore#rollback rolled back}.
 *
 * <p>Before reading, the case's detections are brought in line with the rules ({@link CaseRescan}), so that every
 * event of the case, old or new, has been matched against the same rule set. After reading, the correlation rules
 * are evaluated again over the whole case ({@link CaseCorrelations}): new evidence can complete a sequence that
 * began in evidence imported before.
 */
public final class CaseScan {
    private CaseScan() {
    }

    /** A listener that is told about each source and batch as it is committed. */
    public interface Observer {
        default void sourceFinished(Source source, SourceStats stats) {
        }

        default void sourceFailed(Source source, String message) {
        }

        /**
         * A file left out: the case already holds the same bytes (same SHA-256), read to the end, as
         * the source named {@code existing} — importing them again would show every event twice. (An interrupted
         * import is resumed, not repeated: {@link #resume}.)
         */
        default void alreadyImported(Path path, String existing) {
        }

        /** A batch committed; the totals of this import so far. */
        default void committed(long events, long detections) {
        }
    }

    /**
     * How to import.
     *
     * @param read    how to read the evidence
     * @param commits when to commit a batch
     */
    public record Options(ReadOptions read, CommitPolicy commits) {
        public static Options defaults() {
            return new Options(ReadOptions.defaults(), CommitPolicy.defaults());
        }

        public Options withRead(ReadOptions options) {
            return new Options(options, commits);
        }
    }

    /** Imports evidence files and folders into the case. */
    public static ScanSummary run(CaseStore store, List<Path> inputs, CaseRules rules, Options options,
                                  Progress progress, Cancellation cancellation, Observer observer) throws IOException {
        long started = System.nanoTime();
        List<EvidenceFinder.Found> files = EvidenceFinder.find(inputs);
        CaseRescan.run(store, rules, options.commits(), progress, cancellation);
        CaseCorrelations.invalidate(store, rules);
        Map<String, String> hashes = rules.hashes();
        long totalBytes = 0;
        for (EvidenceFinder.Found found : files) {
            totalBytes += Files.size(found.path());
        }
        store.audit().record("import_started", Map.of("inputs", inputs.stream().map(Path::toString).toList(),
                "files", files.size(), "rules", hashes.size(), "rules_hash", rules.setHash()));
        Map<String, String> imported = new HashMap<>(); // SHA-256 → the source that holds those bytes
        for (SourceRow row : store.sources()) {
            if (row.sha256() != null && row.status() != SourceStatus.FAILED) {
                imported.putIfAbsent(row.sha256(), row.displayName());
            }
        }
        Totals totals = new Totals();
        try (CaseWriter writer = store.writer(options.commits());
             EvidenceHashes sha256s = new EvidenceHashes(files.stream().map(EvidenceFinder.Found::path).toList())) {
            SourceImport importer = new SourceImport(writer, rules.engine(), hashes, options.read(), cancellation,
                    observer, totals);
            int sourceId = (int) store.nextSourceId();
            long bytesBefore = 0;
            for (int f = 0; f < files.size(); f++) {
                EvidenceFinder.Found found = files.get(f);
                cancellation.check();
                Path path = found.path();
                Optional<EvidenceReader> reader = detect(path);
                String format = reader.map(EvidenceReader::format).orElse("unknown");
                String sha256 = sha256s.get(f);
                String existing = imported.putIfAbsent(sha256, found.displayName());
                if (existing != null) {
                    observer.alreadyImported(path, existing);
                    bytesBefore += Files.size(path);
                    continue;
                }
                Source source = new Source(sourceId++, path, found.displayName(), format);
                writer.startSource(source, Files.size(path), sha256);
                if (reader.isEmpty()) {
                    fail(writer, source, "not a format Sigmascope reads (EVTX, JSON or CSV event logs)", observer,
                            totals);
                    continue;
                }
                long base = bytesBefore;
                long all = totalBytes;
                Progress fileProgress = (done, total, message) -> progress.update(base + Math.max(0, done), all,
                        message != null ? message : source.displayName());
                try {
                    importer.read(source, reader.get(), fileProgress, 0, -1);
                } catch (SourceImport.CaseWriteException e) {
                    throw e;
                } catch (IOException e) {
                    fail(writer, source, "cannot read: " + e.getMessage(), observer, totals);
                    continue;
                } catch (CancellationException e) {
                    interrupted(store, writer, source, "cancelled");
                    throw e;
                }
                audit(store, "source_imported", source, sha256, totals);
                bytesBefore += Files.size(path);
                progress.update(bytesBefore, totalBytes, source.displayName());
            }
        }
        correlate(store, rules, options, progress, cancellation, totals);
        return totals.summary(System.nanoTime() - started);
    }

    /**
     * Imports the events of a reader that is not a file found on disk (a stream of events made by a generator, a
     * benchmark's replay): recorded as a source with the given name and format, no size and no hash.
     */
    public static ScanSummary importReader(CaseStore store, String name, EvidenceReader reader, CaseRules rules,
                                           Options options, Progress progress, Cancellation cancellation,
                                           Observer observer) throws IOException {
        long started = System.nanoTime();
        CaseRescan.run(store, rules, options.commits(), progress, cancellation);
        CaseCorrelations.invalidate(store, rules);
        Totals totals = new Totals();
        try (CaseWriter writer = store.writer(options.commits())) {
            Source source = new Source((int) store.nextSourceId(), Path.of(name), name, reader.format());
            writer.startSource(source, -1, null);
            SourceImport importer = new SourceImport(writer, rules.engine(), rules.hashes(), options.read(),
                    cancellation, observer, totals);
            try {
                importer.read(source, reader, progress, 0, -1);
            } catch (CancellationException e) {
                interrupted(store, writer, source, "cancelled");
                throw e;
            }
            audit(store, "source_imported", source, null, totals);
        }
        correlate(store, rules, options, progress, cancellation, totals);
        return totals.summary(System.nanoTime() - started);
    }

    /**
     * Resumes an interrupted import from its watermark: checks that the evidence is the file that was imported
     * (same SHA-256), reads it again from the start, skips the events already committed (checking that the last
     * of them is where the case says), and imports the rest.
     */
    public static ScanSummary resume(CaseStore store, int sourceId, CaseRules rules, Options options,
                                     Progress progress, Cancellation cancellation, Observer observer)
            throws IOException {
        long started = System.nanoTime();
        SourceRow row = store.source(sourceId);
        if (!row.interrupted()) {
            throw new IOException("source " + sourceId + " (" + row.displayName() + ") is " + row.status().sql()
                    + ": only an interrupted import can be resumed");
        }
        Path path = Path.of(row.path());
        if (!Files.isRegularFile(path)) {
            throw new IOException(row.path() + ": the evidence is no longer there; roll the import back instead");
        }
        String sha256 = sha256(path);
        if (!sha256.equals(row.sha256())) {
            throw new IOException(row.path() + ": the evidence changed since it was imported (SHA-256 " + sha256
                    + ", was " + row.sha256() + "); roll the import back instead");
        }
        EvidenceReader reader = detect(path).orElseThrow(() -> new IOException(row.path()
                + ": no longer reads as " + row.format()));
        CaseRescan.run(store, rules, options.commits(), progress, cancellation);
        CaseCorrelations.invalidate(store, rules);
        Source source = new Source(sourceId, path, row.displayName(), row.format());
        Totals totals = new Totals();
        store.audit().record("import_resumed", Map.of("source", sourceId, "path", row.path(),
                "committed_events", row.committedEvents(), "rules", rules.hashes().size(),
                "rules_hash", rules.setHash()));
        try (CaseWriter writer = store.writer(options.commits())) {
            writer.resumeSource(sourceId);
            SourceImport importer = new SourceImport(writer, rules.engine(), rules.hashes(), options.read(),
                    cancellation, observer, totals);
            try {
                importer.read(source, reader, progress, row.committedEvents(), row.committedLocation());
            } catch (CancellationException e) {
                interrupted(store, writer, source, "cancelled");
                throw e;
            } catch (IOException | UncheckedIOException e) {
                interrupted(store, writer, source, "failed: " + e.getMessage());
                throw e;
            }
            audit(store, "source_imported", source, sha256, totals);
        }
        correlate(store, rules, options, progress, cancellation, totals);
        return totals.summary(System.nanoTime() - started);
    }

    /** Evaluates the correlations over the whole case; their hits count among the import's detections. */
    private static void correlate(CaseStore store, CaseRules rules, Options options, Progress progress,
                                  Cancellation cancellation, Totals totals) throws IOException {
        totals.detections += CaseCorrelations.run(store, rules, options.commits(), progress, cancellation).hits();
    }

    private static Optional<EvidenceReader> detect(Path path) {
        try {
            return FormatDetector.readerFor(path);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void fail(CaseWriter writer, Source source, String message, Observer observer, Totals totals)
            throws IOException {
        writer.finishSource(source.id(), new SourceStats(0, 0, 0, 0, 0,
                List.of(Diagnostic.errorAtOffset(source.displayName(), -1, message))), SourceStatus.FAILED);
        totals.failedSources++;
        observer.sourceFailed(source, message);
    }

    private static void interrupted(CaseStore store, CaseWriter writer, Source source, String why) throws IOException {
        writer.interruptSource(source.id());
        store.audit().record("import_interrupted", Map.of("source", source.id(), "path",
                source.path().toAbsolutePath().toString(), "why", why));
    }

    private static void audit(CaseStore store, String action, Source source, String sha256, Totals totals)
            throws IOException {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("source", source.id());
        detail.put("path", source.path().toAbsolutePath().toString());
        detail.put("sha256", sha256);
        detail.put("format", source.format());
        detail.put("events_so_far", totals.events);
        store.audit().record(action, detail);
    }

    /** The SHA-256 of a file, in lower-case hex, recorded so the evidence can be verified later. */
    public static String sha256(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Running totals of one import. */
    static final class Totals {
        int sources;
        int failedSources;
        long events;
        long failedRecords;
        long detections;

        ScanSummary summary(long nanos) {
            return new ScanSummary(sources, failedSources, events, failedRecords, detections, nanos);
        }
    }
}
