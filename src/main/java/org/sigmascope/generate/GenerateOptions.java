package org.sigmascope.generate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What to generate.
 *
 * @param hosts     how many hosts (WS01 …)
 * @param events    how many events in all, background and scenarios together
 * @param seed      the seed: the same options give byte-identical output
 * @param format    the output format
 * @param output    the folder to write into (created; must be empty or absent)
 * @param scenarios the {@code --scenarios} list (see {@link org.sigmascope.generate.scenario.ScenarioSpec})
 * @param start     the start of the simulated window (hosts boot then)
 * @param duration  its length: background activity is spread over it
 * @param threads   hosts generated at once (the output does not depend on it)
 */
public record GenerateOptions(int hosts, long events, long seed, OutputFormat format, Path output, String scenarios,
                              Instant start, Duration duration, int threads) {

    public static final Instant DEFAULT_START = Instant.parse("2024-03-11T07:00:00Z");
    public static final Duration DEFAULT_DURATION = Duration.ofHours(24);

    public GenerateOptions {
        if (hosts < 1) {
            throw new IllegalArgumentException("--hosts must be at least 1");
        }
        if (events < 1) {
            throw new IllegalArgumentException("--events must be at least 1");
        }
        if (duration.compareTo(Duration.ofMinutes(30)) < 0) {
            throw new IllegalArgumentException("--duration must be at least 30 minutes");
        }
    }

    public static GenerateOptions of(int hosts, long events, long seed, OutputFormat format, Path output) {
        return new GenerateOptions(hosts, events, seed, format, output, "all", DEFAULT_START, DEFAULT_DURATION,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public GenerateOptions withScenarios(String list) {
        return new GenerateOptions(hosts, events, seed, format, output, list, start, duration, threads);
    }

    public GenerateOptions withThreads(int count) {
        return new GenerateOptions(hosts, events, seed, format, output, scenarios, start, duration, Math.max(1, count));
    }
}
