package org.sigmascope.hardening.fuzz;

import java.nio.file.Path;
import java.util.List;

/** The fuzz targets by name, where their fixed corpora live, and what each campaign needs. */
final class FuzzTargets {
    static final List<String> NAMES = List.of("EvtxReaderTarget", "JsonReaderTarget", "CsvReaderTarget",
            "EvidenceTarget", "RuleLoaderTarget", "ConditionTarget", "QueryTarget");

    private FuzzTargets() {
    }

    static Class<?> byName(String name) throws ClassNotFoundException {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no fuzz target " + name + "; targets: " + NAMES);
        }
        return Class.forName(FuzzTargets.class.getPackageName() + "." + name);
    }

    /** The small inputs kept in the repository, replayed by every {@code mvn verify}. */
    static Path fixedCorpus(String name) {
        return Path.of("src/test/resources/fuzz", name);
    }

    /** The largest input tried: an EVTX file needs its 4 KiB header and at least one 64 KiB chunk. */
    static int maxLength(String name) {
        return switch (name) {
            case "EvtxReaderTarget", "EvidenceTarget" -> 200_000;
            case "ConditionTarget", "QueryTarget" -> 2_000;
            default -> 40_000;
        };
    }

    /**
     * Jazzer's bug detectors that would report what the target does on purpose: a Sigma rule carries regular
     * expressions, which the engine compiles (bounded by a read budget, see {@code RegexMatcher}), and the query
     * language hands RE2 patterns to DuckDB as bound parameters. A runaway pattern still shows, as a hang.
     */
    static String disabledHooks(String name) {
        return switch (name) {
            case "RuleLoaderTarget", "QueryTarget" -> "com.code_intelligence.jazzer.sanitizers.RegexInjection";
            default -> "";
        };
    }
}
