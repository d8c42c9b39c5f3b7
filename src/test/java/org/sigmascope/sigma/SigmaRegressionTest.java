package org.sigmascope.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Detection;
import org.sigmascope.model.Level;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.eval.RuleEngine;
import org.sigmascope.sigma.load.RuleException;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * SigmaHQ's regression samples: for each of the 96, scanning its sample with all active SigmaHQ rules makes the
 * sample's rule match at least {@code match_count} times (at least once where none is given).
 *
 * <p>Each sample comes as an {@code .evtx} file and as the Rust evtx crate's {@code .json} export of the same
 * records. This test scans the {@code .json}; once the EVTX reader is merged, the same check on the {@code .evtx}
 * is one more test method: {@code assertEquals(List.of(), missed(RegressionSamples.Sample::evtx))}.
 */
class SigmaRegressionTest {
    private static RegressionSamples samples;
    private static RuleEngine engine;

    @BeforeAll
    static void loadRules() throws IOException, RuleException {
        samples = RegressionSamples.load();
        RuleSet rules = RuleLoader.load(RegressionSamples.activeRuleTrees().stream()
                .map(RuleLoader.RuleSource::of).toList(),
                Placeholders.load(Path.of("src/test/resources/org/sigmascope/sigma/placeholders.yml")));
        assertEquals(List.of(), rules.failures());
        engine = new ReferenceEngine(rules, LogsourceMapping.builtin());
    }

    @Test
    void thereAreNinetySixSamples() {
        assertEquals(96, samples.samples().size());
    }

    @Test
    void everySampleIsDetectedByItsRuleInItsJsonExport() {
        assertEquals(List.of(), missed(RegressionSamples.Sample::json), "samples their rule did not detect");
    }

    @Test
    void everySampleIsDetectedByItsRuleInItsEvtx() {
        assertEquals(List.of(), missed(RegressionSamples.Sample::evtx), "samples their rule did not detect");
    }

    /** The samples whose rule matched fewer times than expected, with how often it matched. */
    static List<String> missed(Function<RegressionSamples.Sample, Path> file) {
        List<String> missed = new ArrayList<>();
        for (RegressionSamples.Sample sample : samples.samples()) {
            int[] count = {0};
            try {
                Scanner.scan(new ScanRequest(List.of(file.apply(sample)), engine, ReadOptions.defaults(),
                        Level.INFORMATIONAL, 1, 1), new ScanListener() {
                            @Override
                            public void detection(Detection detection) {
                                if (detection.rule().id().equals(sample.ruleId())) {
                                    count[0]++;
                                }
                            }
                        }, Progress.NONE, Cancellation.NEVER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (count[0] < sample.matchCount()) {
                missed.add(sample.ruleTitle() + " [" + sample.folder().getFileName() + "] (" + count[0] + " of "
                        + sample.matchCount() + ")");
            }
        }
        return missed;
    }
}
