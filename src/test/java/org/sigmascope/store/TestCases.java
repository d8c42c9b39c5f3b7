package org.sigmascope.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.sigmascope.scan.CaseRules;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/** Real cases for tests: evidence imported with the built-in rules into a DuckDB file. */
public final class TestCases {
    /** The sample story: 15 Sysmon events, 2 detections of the WMI persistence rule. */
    public static final Path SAMPLES = Path.of("samples/wmi-persistence");

    private TestCases() {
    }

    public static CaseRules builtinRules() {
        return CaseRules.compiled(RuleLoader.load(List.of(BuiltinRules.source())), LogsourceMapping.builtin());
    }

    /** A case holding the evidence, imported with the built-in rules. */
    public static CaseStore imported(Path caseFile, Path... evidence) throws IOException {
        CaseStore store = CaseStore.open(caseFile);
        CaseScan.run(store, List.of(evidence), builtinRules(), CaseScan.Options.defaults(), Progress.NONE,
                Cancellation.NEVER, new CaseScan.Observer() { });
        return store;
    }
}
