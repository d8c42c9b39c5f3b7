package org.sigmascope.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the sample evidence is: the packaged app's launcher names it ({@code -Dsigmascope.samples=$APPDIR/samples},
 * docs/packaging.md); run from a source checkout, it is {@code samples/}.
 */
final class SampleEvidence {
    private SampleEvidence() {
    }

    /** The samples folder, or {@code null} if this installation has none. */
    static Path folder() {
        String configured = System.getProperty("sigmascope.samples");
        Path folder = configured != null ? Path.of(configured) : Path.of("samples");
        return Files.isDirectory(folder) ? folder.toAbsolutePath() : null;
    }
}
