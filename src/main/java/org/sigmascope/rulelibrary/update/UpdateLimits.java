package org.sigmascope.rulelibrary.update;

import java.time.Duration;

import org.sigmascope.sigma.load.RuleLoader;

/**
 * Bounds on what an update accepts: archives come from the internet, and a zip bomb or a stalled server must end
 * in a clear error, not a full disk or a hung app. SigmaHQ's complete package is about 3 MB zipped, 4,000 files.
 *
 * @param maxArchiveBytes  largest archive fetched or read
 * @param maxEntries       most entries (files and folders) in the archive
 * @param maxFileBytes     largest file extracted
 * @param maxTotalBytes    most bytes extracted in all
 * @param connectTimeout   how long to wait for the server to answer
 * @param downloadTimeout  how long the whole download may take
 */
public record UpdateLimits(long maxArchiveBytes, int maxEntries, long maxFileBytes, long maxTotalBytes,
                           Duration connectTimeout, Duration downloadTimeout) {
    public static UpdateLimits defaults() {
        return new UpdateLimits(256L << 20, 100_000, RuleLoader.MAX_FILE_BYTES, 1L << 30,
                ArchiveDownload.defaultConnectTimeout(), Duration.ofMinutes(15));
    }
}
