package org.sigmascope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No file of the project holds a line git left from an unresolved merge: such a line in a document reads as
 * garbage to a user, and in YAML or a sample it changes what is tested. The project is merged from many branches,
 * so this is checked on every build.
 */
class MergeMarkerTest {
    private static final List<String> ROOTS = List.of("src", "docs", "rules", "samples", "packaging", ".ci",
            "README.md", "pom.xml");
    private static final Set<String> TEXT = Set.of("java", "md", "yml", "yaml", "xml", "css", "html", "sh", "ps1",
            "txt", "tsv", "json", "jsonl", "csv", "properties", "run", "py", "js");

    @Test
    void noFileHoldsAnUnresolvedMerge() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String root : ROOTS) {
            Path path = Path.of(root);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path file : walk.filter(Files::isRegularFile).filter(MergeMarkerTest::isText).toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        if (line.startsWith("<<<<<<< ") || line.startsWith(">>>>>>> ") || line.equals("|||||||")) {
                            found.add(file + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "files checked: " + files);
        assertEquals(List.of(), found, "lines left by an unresolved merge");
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return name.equals("run") || dot > 0 && TEXT.contains(name.substring(dot + 1));
    }
}
