package org.sigmascope.ui.main;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.sigmascope.scan.CaseScan;
import org.sigmascope.task.Progress;

/**
 * What a running import reports, written by the engine's threads and read by the FX thread a few times a second:
 * bytes read of all the evidence, the source being read, and the events and detections committed. Plain volatile
 * fields: the engine reports often and must not wait for the FX thread.
 */
final class ImportFeed implements Progress, CaseScan.Observer {
    private volatile long bytesDone;
    private volatile long bytesTotal = -1;
    private volatile String source = "";
    private volatile long events;
    private volatile long detections;
    private volatile long commits;
    private final List<String> leftOut = new CopyOnWriteArrayList<>();

    @Override
    public void update(long done, long total, String message) {
        bytesDone = done;
        bytesTotal = total;
        if (message != null) {
            source = message;
        }
    }

    @Override
    public void committed(long eventCount, long detectionCount) {
        events = eventCount;
        detections = detectionCount;
        commits++;
    }

    @Override
    public void alreadyImported(Path path, String existing) {
        leftOut.add(path.getFileName() + " (the same bytes as " + existing + ")");
    }

    /** Files left out because the case already holds their bytes. */
    List<String> leftOut() {
        return List.copyOf(leftOut);
    }

    long bytesDone() {
        return bytesDone;
    }

    long bytesTotal() {
        return bytesTotal;
    }

    String source() {
        return source;
    }

    long events() {
        return events;
    }

    long detections() {
        return detections;
    }

    /** Batches committed so far: the views read the case again when this moves. */
    long commits() {
        return commits;
    }
}
