package org.sigmascope.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.sigmascope.caseview.CaseProfile;
import org.sigmascope.caseview.DetectionSummary;
import org.sigmascope.caseview.GapFinder;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.Db;

/**
 * What the reads the app starts on opening a case cost, without the window: the gap search, the detection summary and
 * the rules view's evidence profile, each {@code RUNS} times (the first cold), timed and its process CPU measured.
 * Not part of {@code mvn verify}; see docs/benchmarks.md.
 *
 * <pre>java -cp … org.sigmascope.ui.OpenReadsBenchmark CASE-FILE RUNS</pre>
 */
public final class OpenReadsBenchmark {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private OpenReadsBenchmark() {
    }

    private interface Read {
        Object run(Db db) throws Exception;
    }

    private record Named(String name, Read read) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: OpenReadsBenchmark CASE-FILE RUNS");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[1]);
        try (CaseStore store = CaseStore.openReadOnly(Path.of(args[0]))) {
            System.out.printf("%,d events%n", store.eventCount());
            for (Named named : List.of(new Named("gaps", db -> GapFinder.find(db).size() + " gaps"),
                    new Named("detection summary", db -> DetectionSummary.of(db).detections() + " detections"),
                    new Named("evidence profile", db -> CaseProfile.of(db).kinds().size() + " kinds"))) {
                long[] wall = new long[runs];
                long[] cpu = new long[runs];
                Object result = null;
                for (int i = 0; i < runs; i++) {
                    long cpuAtStart = OS.getProcessCpuTime();
                    long started = System.nanoTime();
                    result = named.read().run(store.secondReader());
                    wall[i] = (System.nanoTime() - started) / 1_000_000;
                    cpu[i] = (OS.getProcessCpuTime() - cpuAtStart) / 1_000_000;
                }
                System.out.printf("%s (%s): %d ms cold (%d CPU-ms), %d ms warm (%d CPU-ms), all %s%n", named.name(),
                        result, wall[0], cpu[0], PageReadBenchmark.warmMedian(wall),
                        PageReadBenchmark.warmMedian(cpu), Arrays.toString(wall));
            }
        }
    }
}
