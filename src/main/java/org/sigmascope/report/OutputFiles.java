package org.sigmascope.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Output files written whole or not at all. A report or export is written to a temporary file beside the target
 * ({@code .NAME.partial-…}) and moved over the target only once it is complete and on disk; a process killed, or a
 * disk that fills, half-way leaves the partial file (whose name says so) and the target as it was — never a half
 * report under the name the analyst asked for, that looks complete.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Makes the target's folder and an empty partial file beside the target, removed when the JVM exits unless it
     * was {@linkplain #commit committed} (so a failed command leaves nothing behind; a killed one leaves it, named
     * as partial).
     */
    public static Path partial(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, "." + absolute.getFileName() + ".partial-", "");
        partial.toFile().deleteOnExit();
        return partial;
    }

    /** Forces the partial file to disk and moves it over the target, atomically where the file system can. */
    public static void commit(Path partial, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
