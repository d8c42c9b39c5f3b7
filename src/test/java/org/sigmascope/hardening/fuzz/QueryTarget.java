package org.sigmascope.hardening.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.sigmascope.store.CaseStore;
import org.sigmascope.store.TestCases;
import org.sigmascope.store.query.QuerySyntaxException;
import org.sigmascope.store.query.SqlFilter;
import org.sigmascope.store.timeline.Sort;
import org.sigmascope.store.timeline.Timeline;

/**
 * Fuzz target (Jazzer's {@code fuzzerTestOneInput}): the timeline query language, parsed, compiled to SQL and run
 * against a real case (the sample story imported with the built-in rules). A syntax error is reported with its
 * position; SQL that DuckDB refuses, or an error while running it, is a finding: every query the compiler accepts
 * must run.
 */
public final class QueryTarget {
    private static final Timeline TIMELINE = openCase();

    private QueryTarget() {
    }

    /**
     * Jazzer's lifecycle hook, called before the first input: calling it initializes this class, so the case is
     * imported outside the per-input time bound. Without it the class was initialized inside the first input, and
     * importing the story under instrumentation on a busy machine outlasted the bound: the first input (a one-byte
     * {@code ?}) was reported as a hang.
     */
    public static void fuzzerInitialize() {
        // initializing the class is the work
    }

    public static void fuzzerTestOneInput(byte[] data) throws IOException {
        String text = new String(data, StandardCharsets.UTF_8);
        SqlFilter filter;
        try {
            filter = TIMELINE.filter(text);
        } catch (QuerySyntaxException reported) {
            reported.pointAt(text);
            return;
        }
        long count = TIMELINE.count(filter);
        try {
            int rows = TIMELINE.page(filter, Sort.byTime(), null, 20).rows().size();
            if (rows > count) {
                throw new IllegalStateException(rows + " rows on the first page, " + count + " counted");
            }
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("the time sort was refused", e);
        }
    }

    private static Timeline openCase() {
        try {
            Path dir = Files.createTempDirectory("sigmascope-fuzz-query");
            dir.toFile().deleteOnExit();
            CaseStore store = TestCases.imported(dir.resolve("case.duckdb"), TestCases.SAMPLES);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    store.close();
                } catch (IOException ignored) {
                    // the JVM is going
                }
            }));
            return store.timeline();
        } catch (IOException e) {
            throw new UncheckedIOException("the fuzz target needs the sample story (run from the project root)", e);
        }
    }
}
