package org.sigmascope.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The code that touches evidence (readers, import, hashing, verification) opens files for reading only: no call
 * that can write, truncate, move, delete or re-time a file appears there, except where the file is not evidence
 * (listed below, each with why). {@link EvidenceIntegrityTest} shows the same at run time, byte for byte.
 */
class EvidenceReadOnlyAuditTest {
    private static final List<Path> EVIDENCE_CODE = List.of(Path.of("src/main/java/org/sigmascope/ingest"),
            Path.of("src/main/java/org/sigmascope/scan"), Path.of("src/main/java/org/sigmascope/integrity"));
    private static final Pattern WRITES = Pattern.compile("Files\\.(newOutputStream|newBufferedWriter|write|writeString"
            + "|copy|move|delete|deleteIfExists|setLastModifiedTime|setAttribute|setPosixFilePermissions|createFile"
            + "|newByteChannel)\\b|new (RandomAccessFile|FileOutputStream|FileWriter|PrintWriter\\(\\s*new File)"
            + "|StandardOpenOption\\.(WRITE|APPEND|CREATE|CREATE_NEW|TRUNCATE_EXISTING|DELETE_ON_CLOSE|DSYNC|SYNC)"
            + "|MapMode\\.(READ_WRITE|PRIVATE)|\\.setLastModified\\(|\\.setWritable\\(|\\.renameTo\\(");
    /** Files allowed to write, and why: none of them writes to a path that came from the analyst or the evidence. */
    private static final Map<String, String> ALLOWED = Map.of(
            "ingest/archive/Spool.java", "expands archive members into its own temporary folder, under names of its "
                    + "own (member-N.bin), and deletes them");

    @Test
    void evidenceIsOpenedReadOnly() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        for (Path root : EVIDENCE_CODE) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    files++;
                    String relative = Path.of("src/main/java/org/sigmascope").relativize(file).toString()
                            .replace('\\', '/');
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (WRITES.matcher(lines.get(i)).find() && !ALLOWED.containsKey(relative)) {
                            found.add(relative + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertTrue(files > 50, "the audit read only " + files + " files: the layout changed");
        assertEquals(List.of(), found, "code that touches evidence can write files");
    }
}
