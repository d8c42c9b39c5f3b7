package org.sigmascope;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared corpus of real evidence and rules ({@code ../shared/corpus} from the project root). Tests read it in
 * place; it is never copied into the repository. A test that needs it fails with a clear message when it is
 * missing, rather than skipping: CI always has it.
 */
public final class Corpus {
    private Corpus() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("sigmascope.corpus", "../shared/corpus"));
        if (!Files.isDirectory(root)) {
            fail("the test corpus is missing: expected it at " + root.toAbsolutePath()
                    + " (set -Dsigmascope.corpus=DIR to point elsewhere)");
        }
        return root;
    }

    public static Path path(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            fail("the test corpus lacks " + relative + " under " + root().toAbsolutePath());
        }
        return path;
    }

    /** The repository's own folders ({@code samples/}, {@code rules/}), from the project root. */
    public static Path project(String relative) {
        return Path.of(relative);
    }
}
