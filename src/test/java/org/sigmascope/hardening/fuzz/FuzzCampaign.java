package org.sigmascope.hardening.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs a coverage-guided campaign on one fuzz target with Jazzer (libFuzzer underneath), in a JVM of its own whose
 * heap is bounded by its {@code -Xmx}: {@code mvn -Pfuzz test-compile exec:exec@fuzz -Dfuzz.target=NAME}
 * (docs/reliability.md). It lays out {@code target/fuzz/NAME/}: {@code corpus/} (what the campaign keeps),
 * {@code seeds/} (small real inputs from the repository and the shared corpus), {@code findings/} (crashes, hangs,
 * out-of-memory inputs, with a Java reproducer each). The fixed corpus under {@code src/test/resources/fuzz/NAME}
 * seeds every campaign and is what {@code FuzzCorpusTest} replays in {@code mvn verify}.
 *
 * <p>Jazzer is called by reflection: it is on the class path only in the {@code fuzz} profile, so the normal build
 * neither downloads nor loads it.
 */
public final class FuzzCampaign {
    /** Per-input time bound, in seconds: a slower input is reported as a hang. */
    static final int TIMEOUT_SECONDS = 10;

    private FuzzCampaign() {
    }

    /**
     * {@code NAME SECONDS [libFuzzer or Jazzer options…]}; the campaign's folders follow the options, so with
     * {@code -merge=1 OUT} they are merged into {@code OUT}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FuzzCampaign TARGET SECONDS [options…]; targets: " + FuzzTargets.NAMES);
            System.exit(2);
        }
        String name = args[0];
        Class<?> target = FuzzTargets.byName(name);
        Path home = Path.of("target", "fuzz", name);
        Path corpus = Files.createDirectories(home.resolve("corpus"));
        Path findings = Files.createDirectories(home.resolve("findings"));
        Path seeds = Files.createDirectories(home.resolve("seeds"));
        Path fixed = Files.createDirectories(FuzzTargets.fixedCorpus(name));
        int seeded = Seeds.write(name, seeds);
        System.err.printf("fuzz %s: %d seed(s), fixed corpus %s, findings in %s%n", name, seeded, fixed, findings);

        List<String> jazzer = new ArrayList<>(List.of(
                "--target_class=" + target.getName(),
                "--instrumentation_includes=org.sigmascope.**",
                "--keep_going=50",
                "--reproducer_path=" + findings,
                "-artifact_prefix=" + findings + "/",
                "-max_total_time=" + Integer.parseInt(args[1]),
                "-timeout=" + TIMEOUT_SECONDS,
                "-rss_limit_mb=3072",
                "-max_len=" + FuzzTargets.maxLength(name),
                "-print_final_stats=1"));
        String disabled = FuzzTargets.disabledHooks(name);
        if (!disabled.isEmpty()) {
            jazzer.add("--disabled_hooks=" + disabled);
        }
        for (String options : Arrays.asList(args).subList(2, args.length)) {
            // -Dfuzz.options arrives as one argument, empty when not given
            Arrays.stream(options.trim().split("\\s+")).filter(option -> !option.isEmpty()).forEach(jazzer::add);
        }
        jazzer.addAll(List.of(corpus.toString(), fixed.toString(), seeds.toString()));
        Class.forName("com.code_intelligence.jazzer.Jazzer").getMethod("main", String[].class)
                .invoke(null, (Object) jazzer.toArray(String[]::new));
    }

    /** Small real inputs to start from: the campaign finds the rest. */
    static final class Seeds {
        private Seeds() {
        }

        static int write(String name, Path dir) throws IOException {
            Path corpus = Path.of(System.getProperty("sigmascope.corpus", "../shared/corpus"));
            List<Path> files = new ArrayList<>();
            switch (name) {
                case "EvtxReaderTarget" -> files.addAll(find(corpus.resolve("evtx"), ".evtx", 200_000, 40));
                case "JsonReaderTarget" -> {
                    files.addAll(find(corpus.resolve("formats"), ".json", 32_000, 40));
                    files.addAll(find(Path.of("src/test/resources/formats"), "json", 32_000, 20));
                    files.addAll(find(Path.of("samples"), ".jsonl", 32_000, 5));
                }
                case "CsvReaderTarget" -> {
                    files.addAll(find(corpus.resolve("formats"), ".csv", 32_000, 20));
                    files.addAll(find(Path.of("src/test/resources/formats"), ".csv", 32_000, 20));
                }
                case "EvidenceTarget" -> {
                    files.addAll(find(Path.of("src/test/resources/formats"), "", 32_000, 30));
                    files.addAll(find(corpus.resolve("evtx"), ".evtx", 80_000, 5));
                }
                case "RuleLoaderTarget" -> {
                    files.addAll(find(Path.of("rules"), ".yml", 32_000, 60));
                    files.addAll(find(corpus.resolve("sigma/rules"), ".yml", 8_000, 150));
                }
                case "ConditionTarget" -> {
                    return text(dir, "1 of selection* and not 1 of filter_*", "all of them", "(a or b) and not c",
                            "1 of sel_* | count() by Image > 5", "sel and not (f1 or f2) or all of x*");
                }
                case "QueryTarget" -> {
                    return text(dir, "EventID:4688 AND Image:*\\powershell.exe", "level:>=high",
                            "time:[2024-01-01 TO 2024-12-31] NOT Computer:dc01", "CommandLine:/.*-enc .*/",
                            "rule:\"WMI Event Subscription\" OR tag:suspicious", "\"mimikatz\" AND EventID:(1 OR 10)",
                            "ProcessId:>100 AND is:starred", "source:*.jsonl AND note:*");
                }
                default -> throw new IllegalArgumentException(name);
            }
            int n = 0;
            for (Path file : files) {
                Files.copy(file, dir.resolve(String.format(Locale.ROOT, "seed-%03d", n++)),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            return n;
        }

        private static int text(Path dir, String... seeds) throws IOException {
            for (int i = 0; i < seeds.length; i++) {
                Files.writeString(dir.resolve("seed-" + i), seeds[i], StandardCharsets.UTF_8);
            }
            return seeds.length;
        }

        /** Up to {@code limit} regular files under {@code root} whose name ends with {@code suffix}, in path order. */
        private static List<Path> find(Path root, String suffix, long maxBytes, int limit) {
            if (!Files.isDirectory(root)) {
                System.err.println("no seeds from " + root + ": not there");
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix))
                        .filter(p -> size(p) <= maxBytes).sorted().limit(limit).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static long size(Path path) {
            try {
                return Files.size(path);
            } catch (IOException e) {
                return Long.MAX_VALUE;
            }
        }
    }
}
