package org.sigmascope.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Level;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * The walking skeleton's promise: every SigmaHQ regression sample whose rule needs only the features of the thin
 * path (process_creation; contains, startswith, endswith, all; wildcards; and/or/not, parentheses, x of) is
 * detected by that rule when its evtx-crate JSON is scanned with all active SigmaHQ rules.
 */
class ThinPathRegressionTest {
    private static final Set<String> THIN_MODIFIERS = Set.of("contains", "startswith", "endswith", "all");
    private static final Pattern FIELD_KEY = Pattern.compile("^\\s+-?\\s*'?([A-Za-z0-9_.]*)((?:\\|[a-z0-9]+)*)'?:",
            Pattern.MULTILINE);

    @Test
    void everyThinSampleIsDetectedByItsRule() throws IOException {
        RegressionSamples samples = RegressionSamples.load();
        Map<String, Path> ruleFiles = RegressionSamples.ruleFilesById();
        RuleSet rules = RuleLoader.load(RegressionSamples.activeRuleTrees().stream()
                .map(RuleLoader.RuleSource::of).toList());
        ReferenceEngine engine = new ReferenceEngine(rules, LogsourceMapping.builtin());

        List<String> thin = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (RegressionSamples.Sample sample : samples.samples()) {
            Path ruleFile = ruleFiles.get(sample.ruleId());
            if (ruleFile == null || !usesOnlyThinFeatures(Files.readString(ruleFile))) {
                continue;
            }
            thin.add(sample.ruleTitle());
            int[] count = {0};
            Scanner.scan(new ScanRequest(List.of(sample.json()), engine, ReadOptions.defaults(), Level.INFORMATIONAL,
                    1, 1), new ScanListener() {
                        @Override
                        public void detection(org.sigmascope.model.Detection detection) {
                            if (detection.rule().id().equals(sample.ruleId())) {
                                count[0]++;
                            }
                        }
                    }, Progress.NONE, Cancellation.NEVER);
            if (count[0] < sample.matchCount()) {
                missed.add(sample.ruleTitle() + " (" + count[0] + " of " + sample.matchCount() + ")");
            }
        }
        System.out.printf("thin path: %d of %d regression samples use only thin-path features; all detected%n",
                thin.size(), samples.samples().size());
        assertEquals(List.of(), missed, "thin-path samples their rule did not detect");
        // The thin path covers process_creation rules; the corpus has dozens of those samples.
        assertTrue(thin.size() >= 20, "only " + thin.size() + " thin samples found: the selection is broken");
    }

    /** Process creation rules whose modifiers are all of the thin path's, with no keyword lists. */
    static boolean usesOnlyThinFeatures(String yaml) {
        if (!yaml.contains("category: process_creation") || !yaml.contains("product: windows")) {
            return false;
        }
        String detection = yaml.substring(yaml.indexOf("\ndetection:"));
        int end = detection.indexOf("\nfalsepositives:");
        detection = end > 0 ? detection.substring(0, end) : detection;
        Matcher m = FIELD_KEY.matcher(detection);
        while (m.find()) {
            for (String modifier : m.group(2).split("\\|")) {
                if (!modifier.isEmpty() && !THIN_MODIFIERS.contains(modifier)) {
                    return false;
                }
            }
        }
        return true;
    }
}
