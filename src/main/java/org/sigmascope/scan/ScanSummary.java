package org.sigmascope.scan;

/**
 * The totals of a scan.
 *
 * @param sources       evidence files read
 * @param failedSources files that could not be read at all
 * @param events        events read
 * @param failedRecords records or lines that could not be read
 * @param detections    detections reported
 * @param nanos         wall time
 */
public record ScanSummary(int sources, int failedSources, long events, long failedRecords, long detections,
                          long nanos) {
}
