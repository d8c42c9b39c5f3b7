package org.sigmascope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.sigmascope.generate.GenerateOptions;
import org.sigmascope.generate.GenerationSummary;
import org.sigmascope.generate.Generator;
import org.sigmascope.generate.OutputFormat;
import org.sigmascope.task.Cancellation;

/** {@code sigmascope generate}: synthetic evidence with ground truth (docs/generator.md). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate synthetic Windows event logs (EVTX, JSONL or CSV) with injected attack scenarios and "
                + "a ground-truth file listing every injected event. The same options give byte-identical output.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--hosts", required = true, paramLabel = "H", description = "Number of hosts (WS01, WS02 …).")
    int hosts;

    @Option(names = "--events", required = true, paramLabel = "N",
            description = "Events to write in all, background and scenarios together.")
    long events;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed: same seed, same output.")
    long seed;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "evtx, jsonl or csv.")
    String format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Folder to write into; must be new or empty.")
    Path output;

    @Option(names = "--scenarios", defaultValue = "all", paramLabel = "LIST",
            description = "Comma-separated: all (default), attacks, decoys, none, or NAME[@HOST][@+OFFSET], "
                    + "e.g. wmi-persistence-wmic@2@+3h.")
    String scenarios;

    @Option(names = "--start", paramLabel = "TIME", description = "Start of the simulated window, ISO-8601 UTC "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "2024-03-11T07:00:00Z")
    String start;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "24h",
            description = "Length of the window, e.g. 8h, 90m, 2d (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = {"-t", "--threads"}, paramLabel = "THREADS",
            description = "Hosts generated at once (default: all cores); the output does not depend on it.")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat chosen = OutputFormat.parse(format).orElseThrow(() -> usage("--format must be evtx, jsonl or csv"));
        GenerateOptions options;
        try {
            options = new GenerateOptions(hosts, events, seed, chosen, output, scenarios, parseStart(), parseDuration(),
                    threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors()));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        ProgressPrinter progress = new ProgressPrinter(err, System.console() != null);
        GenerationSummary summary;
        try {
            summary = Generator.run(options, progress, Cancellation.NEVER);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        progress.finish();
        err.printf("%d events in %d files for %d hosts, %d scenarios (%d injected events) in %.2fs; ground truth in %s%n",
                summary.events(), summary.files().size(), hosts, summary.scenarios().size(), summary.truth().size(),
                summary.nanos() / 1e9, output.resolve("ground-truth.sigmascope.jsonl"));
        return 0;
    }

    private Instant parseStart() {
        try {
            return Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw usage("--start must be an ISO-8601 UTC time such as 2024-03-11T07:00:00Z, not '" + start + "'");
        }
    }

    private Duration parseDuration() {
        String text = duration.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 'd' -> Duration.ofDays(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'm' -> Duration.ofMinutes(amount);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw usage("--duration must be a number followed by d, h or m (e.g. 24h), not '" + duration + "'");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
