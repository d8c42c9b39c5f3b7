package org.sigmascope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The layers of docs/architecture.md hold: nothing outside {@code ui} imports JavaFX. */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/org/sigmascope");
    private static final Pattern JAVAFX_IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?javafx\\.",
            Pattern.MULTILINE);

    @Test
    void onlyTheUiImportsJavaFx() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !SOURCES.relativize(p).startsWith("ui"))
                    .filter(ArchitectureTest::importsJavaFx)
                    .toList();
        }
        assertEquals(List.of(), offenders, "classes outside org.sigmascope.ui import javafx");
    }

    @Test
    void theCheckSeesJavaFxImportsWhereTheyAre() throws IOException {
        // Guards the test above against passing vacuously (a wrong folder, a broken pattern).
        try (Stream<Path> files = Files.walk(SOURCES.resolve("ui"))) {
            assertTrue(files.filter(p -> p.toString().endsWith(".java")).anyMatch(ArchitectureTest::importsJavaFx));
        }
    }

    private static boolean importsJavaFx(Path file) {
        try {
            return JAVAFX_IMPORT.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
