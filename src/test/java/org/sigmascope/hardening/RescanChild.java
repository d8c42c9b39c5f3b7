package org.sigmascope.hardening;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.sigmascope.scan.CaseRescan;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.CommitPolicy;
import org.sigmascope.task.Cancellation;

/** A process that re-scans a case with a changed rule set and says how far it got, to be killed by {@link RescanKillTest}. */
public final class RescanChild {
    private RescanChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (CaseStore store = CaseStore.open(Path.of(args[0]))) {
            CaseRescan.run(store, RescanKillTest.rules(Path.of(args[1])), new CommitPolicy(500, Duration.ofMillis(20)),
                    (done, total, message) -> out.println("rescanned " + done), Cancellation.NEVER);
            out.println("done");
        }
    }
}
