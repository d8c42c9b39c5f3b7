package org.sigmascope.sigma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.sigmascope.Corpus;
import org.sigmascope.sigma.load.YamlDocument;

/**
 * SigmaHQ's regression samples: per rule, an {@code info.yml} (rule id, expected match count), the sample
 * {@code .evtx} and the Rust evtx crate's {@code .json} export of the same records.
 */
public record RegressionSamples(List<Sample> samples) {

    /** Sub-trees of the corpus that hold active rules. */
    public static final List<String> ACTIVE_RULE_TREES = List.of("rules", "rules-emerging-threats",
            "rules-threat-hunting", "rules-compliance");

    public record Sample(String ruleId, String ruleTitle, int matchCount, Path folder, Path evtx, Path json) {
    }

    public static RegressionSamples load() {
        Path root = Corpus.path("sigma/regression");
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path info : files.filter(p -> p.getFileName().toString().equals("info.yml")).sorted().toList()) {
                samples.add(sample(info));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RegressionSamples(samples);
    }

    private static Sample sample(Path info) throws IOException {
        Map<?, ?> root = (Map<?, ?>) YamlDocument.parseAll(Files.readString(info)).get(0).root();
        Map<?, ?> rule = (Map<?, ?>) ((List<?>) root.get("rule_metadata")).get(0);
        Map<?, ?> test = (Map<?, ?>) ((List<?>) root.get("regression_tests_info")).get(0);
        Object count = test.get("match_count");
        Path folder = info.getParent();
        Path evtx = null;
        Path json = null;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".evtx")) {
                    evtx = file;
                } else if (name.endsWith(".json")) {
                    json = file;
                }
            }
        }
        return new Sample(String.valueOf(rule.get("id")), String.valueOf(rule.get("title")),
                count instanceof Long n ? n.intValue() : 1, folder, evtx, json);
    }

    /** Every active SigmaHQ rule file, by the rule id it declares (read as text: cheap and independent of our loader). */
    public static Map<String, Path> ruleFilesById() {
        Map<String, Path> byId = new HashMap<>();
        for (String tree : ACTIVE_RULE_TREES) {
            try (Stream<Path> files = Files.walk(Corpus.path("sigma/rules/" + tree))) {
                files.filter(p -> p.toString().endsWith(".yml")).forEach(p -> {
                    try {
                        for (String line : Files.readAllLines(p)) {
                            if (line.startsWith("id: ")) {
                                byId.put(line.substring(4).trim(), p);
                                break;
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return byId;
    }

    public static List<Path> activeRuleTrees() {
        return ACTIVE_RULE_TREES.stream().map(t -> Corpus.path("sigma/rules/" + t)).toList();
    }
}
