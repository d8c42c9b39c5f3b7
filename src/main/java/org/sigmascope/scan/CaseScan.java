package org.sigmascope.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;
import org.sigmascope.sigma.eval.RuleEngine;
import org.sigmascope.store.CaseStore;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Adds evidence to a case: hashes each file, reads its events, matches them against the rules, and appends
 * events and detections to the case store in batches, so the app can show them while the import runs.
 */
public final class CaseScan {
    /** Events between commits: small enough to show progress in the timeline, large enough to append fast. */
    private static final int BATCH = 20_000;

    private CaseScan() {
    }

    /** A listener that is told about each source and detection as it is committed. */
    public interface Observer {
        default void sourceFinished(Source source, SourceStats stats) {
        }

        default void sourceFailed(Source source, String message) {
        }

        default void committed(long events, long detections) {
        }
    }

    public static ScanSummary run(CaseStore store, List<Path> inputs, RuleEngine engine, ReadOptions options,
                                  Progress progress, Cancellation cancellation, Observer observer) throws IOException {
        ScanRequest request = new ScanRequest(inputs, engine, options, Level.INFORMATIONAL, store.nextEventId(),
                store.nextSourceId());
        ScanListener listener = new ScanListener() {
            private long pending;
            private long events;
            private long detections;

            @Override
            public boolean wantsEvents() {
                return true;
            }

            @Override
            public void sourceStarted(Source source) {
                try {
                    store.addSource(source, Files.size(source.path()), sha256(source.path()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void event(Event event) {
                try {
                    store.append(event);
                    events++;
                    if (++pending >= BATCH) {
                        store.flush();
                        pending = 0;
                        observer.committed(events, detections);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void detection(Detection detection) {
                try {
                    store.append(detection);
                    detections++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void sourceFinished(Source source, SourceStats stats) {
                try {
                    store.finishSource(source.id(), stats, "complete");
                    pending = 0;
                    observer.committed(events, detections);
                    observer.sourceFinished(source, stats);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void sourceFailed(Source source, String message) {
                observer.sourceFailed(source, message);
            }
        };
        try {
            return Scanner.scan(request, listener, progress, cancellation);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            store.flush();
        }
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
}
