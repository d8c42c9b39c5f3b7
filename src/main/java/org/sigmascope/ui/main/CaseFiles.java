package org.sigmascope.ui.main;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a case file from evidence, by content: a DuckDB database has {@code DUCK} at byte 8 (whatever its name:
 * {@code .duckdb}, or {@code .sigmascope} as the installers register it).
 */
final class CaseFiles {
    private CaseFiles() {
    }

    static boolean isCase(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(12);
            return head.length == 12 && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("DUCK");
        } catch (IOException e) {
            return false;
        }
    }
}
