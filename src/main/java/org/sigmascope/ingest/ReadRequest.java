package org.sigmascope.ingest;

import org.sigmascope.model.Source;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * One source to read, and how.
 *
 * @param progress reports bytes read against the file size
 */
public record ReadRequest(Source source, ReadOptions options, Progress progress, Cancellation cancellation) {
    public static ReadRequest of(Source source, ReadOptions options) {
        return new ReadRequest(source, options, Progress.NONE, Cancellation.NEVER);
    }
}
