package org.sigmascope.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where results go: {@code -o FILE}, or standard output. */
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
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
