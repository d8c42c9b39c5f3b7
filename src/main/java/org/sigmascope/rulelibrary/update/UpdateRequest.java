package org.sigmascope.rulelibrary.update;

/**
 * What to update.
 *
 * @param origin         a web address ({@code https://…}) or an archive file; {@code null} for SigmaHQ's package
 * @param sigmaHqPackage which SigmaHQ release package when no origin is given: core, core+, core++,
 *                       emerging-threats or all
 * @param library        the library to replace or create ({@code sigmahq})
 * @param expectedSha256 the archive's SHA-256 if the analyst knows it (then any other archive is refused), or
 *                       {@code null}
 * @param strict         refuse the update if any rule would be set aside
 */
public record UpdateRequest(String origin, String sigmaHqPackage, String library, String expectedSha256,
                            boolean strict) {
    public static final String DEFAULT_LIBRARY = "sigmahq";
    public static final String DEFAULT_PACKAGE = "all";

    public static UpdateRequest defaults() {
        return new UpdateRequest(null, DEFAULT_PACKAGE, DEFAULT_LIBRARY, null, false);
    }

    public UpdateRequest withOrigin(String origin) {
        return new UpdateRequest(origin, sigmaHqPackage, library, expectedSha256, strict);
    }
}
