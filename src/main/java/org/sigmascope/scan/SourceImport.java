package org.sigmascope.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;
import org.sigmascope.sigma.eval.RuleEngine;
import org.sigmascope.store.CaseWriter;
import org.sigmascope.store.SourceStatus;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Reads one source into a case writer: each event numbered and staged, matched, its detections staged after it,
 * and a batch committed between events when it is due. On a resume, the events already committed are read and
 * skipped, and the last of them must be where the case's watermark says.
 */
final class SourceImport {
    /** The case could not be written: unlike a source that cannot be read, this ends the import. */
    static final class CaseWriteException extends IOException {
        CaseWriteException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Carries a case write failure out of the reader's sink. */
    private static final class WriteFailure extends RuntimeException {
        WriteFailure(IOException cause) {
            super(cause);
        }
    }

    private final CaseWriter writer;
    private final RuleEngine engine;
    private final Map<String, String> ruleHashes;
    private final ReadOptions options;
    private final Cancellation cancellation;
    private final CaseScan.Observer observer;
    private final CaseScan.Totals totals;

    SourceImport(CaseWriter writer, RuleEngine engine, Map<String, String> ruleHashes, ReadOptions options,
                 Cancellation cancellation, CaseScan.Observer observer, CaseScan.Totals totals) {
        this.writer = writer;
        this.engine = engine;
        this.ruleHashes = ruleHashes;
        this.options = options;
        this.cancellation = cancellation;
        this.observer = observer;
        this.totals = totals;
    }

    /**
     * @param skip          events already in the case (a resume), 0 for a new import
     * @param skipLocation  where the last of them was read, or -1 when not known
     */
    void read(Source source, EvidenceReader reader, Progress progress, long skip, long skipLocation)
            throws IOException {
        long[] seen = {0};
        SourceStats stats;
        try {
            stats = reader.read(new ReadRequest(source, options, progress, cancellation), raw -> {
                if (seen[0]++ < skip) {
                    if (seen[0] == skip && skipLocation >= 0 && raw.location() != skipLocation) {
                        throw new UncheckedIOException(new IOException(source.displayName() + ": event " + skip
                                + " is at " + raw.location() + ", but the case has it at " + skipLocation
                                + "; the evidence reads differently now, so the import cannot resume"));
                    }
                    return;
                }
                cancellation.check();
                accept(raw);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (WriteFailure e) {
            throw new CaseWriteException((IOException) e.getCause());
        }
        if (seen[0] < skip) {
            throw new IOException(source.displayName() + ": has " + seen[0] + " events now, but the case already "
                    + "holds " + skip + " of them; the evidence reads differently, so the import cannot resume");
        }
        writer.finishSource(source.id(), stats, SourceStatus.COMPLETE);
        totals.sources++;
        totals.failedRecords += stats.failed();
        observer.committed(writer.committedEvents(), writer.committedDetections());
        observer.sourceFinished(source, stats);
    }

    private void accept(Event raw) {
        try {
            Event event = writer.append(raw);
            totals.events++;
            IOException[] failure = {null};
            engine.match(event, detection -> {
                try {
                    writer.append(detection, ruleHashes.get(detection.rule().id()));
                    totals.detections++;
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            if (writer.commitIfDue()) {
                observer.committed(writer.committedEvents(), writer.committedDetections());
            }
        } catch (IOException e) {
            throw new WriteFailure(e);
        }
    }
}
