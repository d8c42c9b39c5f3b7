package org.sigmascope.hardening.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Optional;

import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.FormatDetector;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.StatsCollector;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * Runs an evidence reader over arbitrary bytes, as the fuzz targets and the fixed corpus test do. The contract
 * checked: the reader ends, with events and counted, located diagnostics, or with an {@link IOException} (the
 * file could not be read at all: a reported error). Anything else thrown is a finding, and so is a broken
 * invariant (the sink got another number of events than the figures say, unbounded diagnostics, an event
 * without a source).
 */
final class ReaderTargets {
    private static final Path SCRATCH = scratchDir();

    private ReaderTargets() {
    }

    private static Path scratchDir() {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "sigmascope-fuzz") : Files.createTempDirectory("sigmascope-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code data} as a file named {@code name} with the reader the format detector picks. */
    static void detectAndRead(byte[] data, String name) {
        Path file = write(data, name);
        try {
            Optional<EvidenceReader> reader = FormatDetector.readerFor(file);
            if (reader.isPresent()) {
                read(file, reader.get());
            }
        } catch (IOException reported) {
            // not evidence Sigmascope can read at all: the caller reports it
        } finally {
            delete(file);
        }
    }

    /** Reads {@code data} as a file named {@code name} with the given reader, whatever the content. */
    static void read(byte[] data, String name, EvidenceReader reader) {
        Path file = write(data, name);
        try {
            read(file, reader);
        } catch (IOException reported) {
            // the file could not be read at all: a reported error, as the contract allows
        } finally {
            delete(file);
        }
    }

    private static void read(Path file, EvidenceReader reader) throws IOException {
        long[] count = {0};
        Source source = new Source(1, file, file.getFileName().toString(), reader.format());
        ReadOptions options = new ReadOptions(true, ZoneOffset.UTC, 2);
        SourceStats stats = reader.read(ReadRequest.of(source, options), event -> check(event, count));
        if (count[0] != stats.events()) {
            throw new IllegalStateException("the sink got " + count[0] + " events, the figures say " + stats.events());
        }
        if (stats.diagnostics().size() > StatsCollector.MAX_DIAGNOSTICS) {
            throw new IllegalStateException(stats.diagnostics().size() + " diagnostics kept");
        }
        for (Diagnostic diagnostic : stats.diagnostics()) {
            if (diagnostic.message() == null || diagnostic.message().isBlank()) {
                throw new IllegalStateException("a diagnostic without a message: " + diagnostic);
            }
        }
    }

    private static void check(Event event, long[] count) {
        count[0]++;
        if (event.fields() == null) {
            throw new IllegalStateException("an event without fields");
        }
        // Rendering every value is what every output does with it.
        event.toString();
    }

    private static Path write(byte[] data, String name) {
        try {
            Path file = SCRATCH.resolve(name);
            Files.write(file, data);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fuzz input to " + SCRATCH, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the scratch folder goes at exit
        }
    }
}
