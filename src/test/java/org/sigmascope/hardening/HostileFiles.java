package org.sigmascope.hardening;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Evidence made for hardening tests from the repository's own samples: real events, in any number. */
final class HostileFiles {
    static final Path STORY = Path.of("samples/wmi-persistence/process-starts.jsonl");
    /** Events in one copy of the story, and the built-in rules' detections among them. */
    static final int STORY_EVENTS = 15;
    static final int STORY_DETECTIONS = 2;

    private HostileFiles() {
    }

    /** The sample story repeated {@code copies} times, with distinct record ids: 15 events and 2 detections each. */
    static Path story(Path file, int copies) throws IOException {
        List<String> lines = Files.readAllLines(STORY, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        if (lines.size() != STORY_EVENTS) {
            throw new IllegalStateException(STORY + " changed: " + lines.size() + " events");
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long record = 1;
            for (int copy = 0; copy < copies; copy++) {
                for (String line : lines) {
                    out.write(line.replaceFirst("\"EventRecordID\": ?\\d+", "\"EventRecordID\": " + record++));
                    out.write('\n');
                }
            }
        }
        return file;
    }
}
