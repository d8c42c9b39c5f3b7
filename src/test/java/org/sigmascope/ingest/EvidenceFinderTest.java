package org.sigmascope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a folder gives, in which order. */
class EvidenceFinderTest {
    @TempDir
    Path dir;

    @Test
    void foldersGiveEvidenceByNameInPathOrderAndNeverOurMetadata() throws IOException {
        Files.createDirectories(dir.resolve("b"));
        for (String name : List.of("b/Security.evtx", "a.json", "c.csv.gz", "notes.txt", "ground-truth.sigmascope.jsonl",
                "generation.sigmascope.json", "x.jsonl")) {
            Files.writeString(dir.resolve(name), "{}");
        }
        List<String> found = EvidenceFinder.find(List.of(dir)).stream()
                .map(f -> dir.relativize(f.path()).toString().replace('\\', '/')).toList();
        assertEquals(List.of("a.json", "b/Security.evtx", "c.csv.gz", "x.jsonl"), found);
    }

    @Test
    void aFileNamedDirectlyIsTakenWhateverItsName() throws IOException {
        Path notes = Files.writeString(dir.resolve("ground-truth.sigmascope.jsonl"), "{}");
        assertEquals(1, EvidenceFinder.find(List.of(notes)).size());
    }
}
