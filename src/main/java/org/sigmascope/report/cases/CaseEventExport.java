package org.sigmascope.report.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Detection;
import org.sigmascope.report.DetectionOrder;
import org.sigmascope.report.ReportExporter;
import org.sigmascope.report.export.EventWriter;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.query.SqlFilter;

/**
 * Writes the case's filtered timeline view (the events a query keeps, in time order) as an event export: the
 * timeline CSV or Timesketch JSONL. Each event carries the detections on it at or above the level threshold.
 */
public final class CaseEventExport {
    /**
     * What was written.
     *
     * @param events  events written
     * @param skipped events left out (Timesketch needs a time)
     */
    public record Written(long events, long skipped) {
    }

    private CaseEventExport() {
    }

    public static Written write(CaseStore store, SqlFilter filter, ReportData data, ReportOptions options,
                                EventWriter writer) throws IOException {
        Map<Long, List<Detection>> byEvent = new HashMap<>();
        for (Detection d : ReportExporter.detections(data, options)) {
            byEvent.computeIfAbsent(d.event().id(), k -> new ArrayList<>()).add(d);
        }
        byEvent.values().forEach(list -> list.sort(DetectionOrder.CHRONOLOGICAL));
        long[] count = {0};
        try {
            long skipped = ReportExporter.writeEvents(CaseReport.events(store, filter), event -> {
                count[0]++;
                return byEvent.getOrDefault(event.id(), List.of());
            }, writer);
            return new Written(count[0] - skipped, skipped);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
