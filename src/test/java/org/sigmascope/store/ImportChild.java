package org.sigmascope.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * A separate process that imports evidence into a case with small batches and says on stdout when each batch is
 * committed, so that {@link CrashConsistencyTest} can kill it in the middle of an import.
 */
public final class ImportChild {
    private ImportChild() {
    }

    public static void main(String[] args) throws Exception {
        Path caseFile = Path.of(args[0]);
        Path evidence = Path.of(args[1]);
        int batch = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (CaseStore store = CaseStore.open(caseFile)) {
            CaseScan.Options options = new CaseScan.Options(ReadOptions.defaults().withThreads(1),
                    new CommitPolicy(batch, Duration.ofMillis(20)));
            CaseScan.run(store, List.of(evidence), TestCases.builtinRules(), options, Progress.NONE,
                    Cancellation.NEVER, new CaseScan.Observer() {
                        @Override
                        public void committed(long events, long detections) {
                            out.println("committed " + events);
                        }
                    });
            out.println("done");
        }
    }
}
