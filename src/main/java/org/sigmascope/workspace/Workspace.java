package org.sigmascope.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The analyst's Sigmascope folder: new cases, settings and logs. {@code ~/.sigmascope} unless the system property
 * {@code sigmascope.home} or the environment variable {@code SIGMASCOPE_HOME} names another (tests use a
 * temporary one).
 */
public final class Workspace {
    private final Path home;

    public Workspace(Path home) {
        this.home = home;
    }

    public static Workspace fromEnvironment() {
        String property = System.getProperty("sigmascope.home");
        String variable = System.getenv("SIGMASCOPE_HOME");
        String chosen = property != null ? property : variable;
        return new Workspace(chosen != null ? Path.of(chosen) : Path.of(System.getProperty("user.home"), ".sigmascope"));
    }

    public Path home() {
        return home;
    }

    /** A path for a new case file, named for the moment it is made. */
    public Path newCaseFile() throws IOException {
        Path cases = Files.createDirectories(home.resolve("cases"));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = cases.resolve("case-" + stamp + ".duckdb");
        int n = 2;
        while (Files.exists(file)) {
            file = cases.resolve("case-" + stamp + "-" + n++ + ".duckdb");
        }
        return file;
    }
}
