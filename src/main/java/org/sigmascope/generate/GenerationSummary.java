package org.sigmascope.generate;

import java.util.List;

import org.sigmascope.generate.scenario.ScenarioPlan;

/**
 * What a generation run wrote.
 *
 * @param files     every log file, by host then channel
 * @param scenarios the scenarios injected
 * @param truth     every injected event
 * @param events    events written in all
 * @param nanos     how long it took
 */
public record GenerationSummary(List<LogFile> files, List<ScenarioPlan> scenarios, List<GroundTruthEntry> truth,
                                long events, long nanos) {

    public GenerationSummary {
        files = List.copyOf(files);
        scenarios = List.copyOf(scenarios);
        truth = List.copyOf(truth);
    }

    /**
     * One log file written.
     *
     * @param host    the host's {@code Computer} name
     * @param path    relative to the output folder, {@code /}-separated
     * @param channel its channel
     * @param records how many records it holds
     */
    public record LogFile(String host, String path, String channel, long records) {
    }
}
