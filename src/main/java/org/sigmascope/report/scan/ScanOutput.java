package org.sigmascope.report.scan;

import java.io.Closeable;

import org.sigmascope.scan.ScanListener;

/**
 * Where a one-shot scan writes what it finds, in one format. It hears the scan as a {@link ScanListener} (sources,
 * events when it wants them, detections) and finishes the output when closed.
 */
public interface ScanOutput extends ScanListener, Closeable {
}
