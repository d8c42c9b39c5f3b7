package org.sigmascope.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Expands the analyst's inputs (files and folders) into evidence files, in a stable order.
 *
 * <p>A file named directly is taken whatever its name, since its format is detected from its content. Under a
 * folder, only names that look like evidence are taken, so a folder that also holds notes or tools can be
 * given as it is. Sigmascope's own metadata beside evidence ({@code *.sigmascope.json}, {@code *.sigmascope.jsonl}:
 * the generator's ground truth and manifest) is never taken from a folder.
 */
public final class EvidenceFinder {
    private static final List<String> EVIDENCE_SUFFIXES = List.of(".evtx", ".json", ".jsonl", ".ndjson", ".csv",
            ".tar", ".zip", ".tgz");
    private static final List<String> COMPRESSED_SUFFIXES = List.of("", ".gz", ".zip");

    private EvidenceFinder() {
    }

    /** A file to read, and the name to show for it: as given, or as found under a folder given. */
    public record Found(Path path, String displayName) {
    }

    public static List<Found> find(List<Path> inputs) throws IOException {
        List<Found> found = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(EvidenceFinder::looksLikeEvidence)
                            .sorted()
                            .forEach(p -> found.add(new Found(p, p.toString())));
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else if (Files.exists(input)) {
                found.add(new Found(input, input.toString()));
            } else {
                throw new java.nio.file.NoSuchFileException(input.toString(), null, "no such file or folder");
            }
        }
        return found;
    }

    static boolean looksLikeEvidence(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sigmascope.json") || name.endsWith(".sigmascope.jsonl")) {
            return false;
        }
        for (String compressed : COMPRESSED_SUFFIXES) {
            for (String suffix : EVIDENCE_SUFFIXES) {
                if (name.endsWith(suffix + compressed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
