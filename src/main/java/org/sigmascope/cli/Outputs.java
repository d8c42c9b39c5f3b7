package org.sigmascope.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.sigmascope.report.OutputFiles;

/**
 * Where results go: {@code -o FILE}, or standard output. A file is written beside its name and put in place by
 * {@link #commit} once the command has written and closed it all (docs/reliability.md): a command killed or failed
 * half-way never leaves a half file under the name asked for.
 */
final class Outputs {
    private Outputs() {
    }

    static Writer open(Path file, PrintWriter stdout) throws IOException {
        if (file == null) {
            // Standard output stays open after the results: closing only flushes it.
            return new FilterWriter(stdout) {
                @Override
                public void close() {
                    stdout.flush();
                }
            };
        }
        Path partial = OutputFiles.partial(file);
        return new PendingFile(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), partial, file);
    }

    /** Puts a file opened by {@link #open} in place, after it was closed; nothing to do for standard output. */
    static void commit(Writer out) throws IOException {
        if (out instanceof PendingFile pending) {
            OutputFiles.commit(pending.partial, pending.target);
        }
    }

    /** The writer of a file not yet in place. */
    private static final class PendingFile extends FilterWriter {
        private final Path partial;
        private final Path target;

        PendingFile(Writer out, Path partial, Path target) {
            super(out);
            this.partial = partial;
            this.target = target;
        }
    }
}
