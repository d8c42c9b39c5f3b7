package org.sigmascope.report.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;
import org.sigmascope.report.model.CaseDetails;
import org.sigmascope.report.model.EvidenceSource;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.RuleSetIdentity;
import org.sigmascope.report.model.Sha256;
import org.sigmascope.report.model.ToolInfo;
import org.sigmascope.scan.ScanListener;

/**
 * Collects what a one-shot scan finds into report data: each source with its SHA-256 and figures, and the
 * detections (and, when asked, every event). The evidence is hashed when its reading ends, by reading it again,
 * read-only.
 */
public final class ScanCollector implements ScanListener {
    private final boolean keepEvents;
    private final List<EvidenceSource> evidence = new ArrayList<>();
    private final List<Detection> detections = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();

    /** @param keepEvents whether to keep every event (for event exports); detections keep their own events */
    public ScanCollector(boolean keepEvents) {
        this.keepEvents = keepEvents;
    }

    @Override
    public boolean wantsEvents() {
        return keepEvents;
    }

    @Override
    public void event(Event event) {
        events.add(event);
    }

    @Override
    public void detection(Detection detection) {
        detections.add(detection);
    }

    @Override
    public void sourceFinished(Source source, SourceStats stats) {
        long size = -1;
        String hash = "";
        String error = "";
        try {
            size = Files.size(source.path());
            hash = Sha256.of(source.path());
        } catch (IOException e) {
            error = "read, but could not be hashed: " + e.getMessage();
        }
        EvidenceSource read = EvidenceSource.read(source, stats, size, hash);
        evidence.add(error.isEmpty() ? read : new EvidenceSource(read.id(), read.path(), size, hash, read.format(),
                read.events(), read.failed(), read.chunksSkipped(), read.warnings(), read.recovered(),
                read.diagnostics(), error));
    }

    @Override
    public void sourceFailed(Source source, String message) {
        long size = -1;
        String hash = "";
        try {
            size = Files.size(source.path());
            hash = Sha256.of(source.path());
        } catch (IOException e) {
            // Unreadable files are reported with the reason they could not be read; no hash is possible.
        }
        evidence.add(EvidenceSource.unreadable(source, size, hash, message));
    }

    public List<EvidenceSource> evidence() {
        return List.copyOf(evidence);
    }

    public List<Detection> detections() {
        return List.copyOf(detections);
    }

    /** Every event read, when the collector keeps events; otherwise empty. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The report data of the scan: no process trees or tagged events, which need a case. */
    public ReportData toReport(CaseDetails caseDetails, Instant exportedAt, ToolInfo tool, RuleSetIdentity rules) {
        return new ReportData(caseDetails, exportedAt, tool, rules, evidence, detections, List.of(), List.of());
    }
}
