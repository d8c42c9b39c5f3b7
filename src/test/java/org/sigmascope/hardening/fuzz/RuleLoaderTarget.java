package org.sigmascope.hardening.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.json.JsonEvidenceReader;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;

/**
 * Fuzz target (Jazzer's {@code fuzzerTestOneInput}): a rule file as the loader reads it (YAML, the Sigma schema,
 * modifiers, placeholders, the condition, filters), then every rule that loads matched against the sample story's
 * events. A rule that cannot load is a reported failure with a line; anything thrown is a finding.
 */
public final class RuleLoaderTarget {
    private static final Path SCRATCH = scratch();
    private static final List<Event> EVENTS = sampleEvents();
    private static final LogsourceMapping MAPPING = LogsourceMapping.builtin();

    private RuleLoaderTarget() {
    }

    /**
     * Jazzer's lifecycle hook, called before the first input: initializing this class (the sample events, the
     * logsource mapping) then happens outside the per-input time bound, not inside the first input.
     */
    public static void fuzzerInitialize() {
        // initializing the class is the work
    }

    public static void fuzzerTestOneInput(byte[] data) {
        Path file = SCRATCH.resolve("fuzz.yml");
        try {
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuleSet rules = RuleLoader.load(List.of(RuleLoader.RuleSource.of(file)));
        for (Diagnostic failure : rules.failures()) {
            if (failure.message() == null || failure.message().isBlank() || !failure.file().equals(file.toString())) {
                throw new IllegalStateException("a rule failure without a message or a file: " + failure);
            }
        }
        if (rules.rules().isEmpty()) {
            return;
        }
        ReferenceEngine engine = new ReferenceEngine(rules, MAPPING);
        for (Event event : EVENTS) {
            engine.match(event, detection -> detection.toString());
        }
    }

    private static Path scratch() {
        try {
            Path dir = Files.createTempDirectory("sigmascope-fuzz-rules");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The WMI persistence story's Sysmon events (process starts, WMI, network), the fields rules name most. */
    private static List<Event> sampleEvents() {
        Path file = Path.of("samples/wmi-persistence/process-starts.jsonl");
        List<Event> events = new ArrayList<>();
        try {
            new JsonEvidenceReader().read(ReadRequest.of(new Source(1, file, file.toString(), "json"),
                    ReadOptions.defaults()), events::add);
        } catch (IOException e) {
            throw new UncheckedIOException("the fuzz target needs " + file + " (run from the project root)", e);
        }
        return List.copyOf(events);
    }
}
