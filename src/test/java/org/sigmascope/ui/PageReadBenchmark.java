package org.sigmascope.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.sigmascope.caseview.RowExtras;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.query.SqlCompiler;
import org.sigmascope.store.query.SqlFilter;
import org.sigmascope.store.timeline.Page;
import org.sigmascope.store.timeline.Sort;
import org.sigmascope.store.timeline.Timeline;

/**
 * What the timeline's first page costs in the case store, without the window: what the app's page loader does
 * (compile the query, read the page of 100 by time, read the rows' rule titles and notes), timed and its process CPU
 * measured, each query {@code RUNS} times (the first cold). Not part of {@code mvn verify}; see docs/benchmarks.md.
 *
 * <pre>java -cp … org.sigmascope.ui.PageReadBenchmark CASE-FILE RUNS QUERY… (ALL: no filter)</pre>
 */
public final class PageReadBenchmark {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private PageReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: PageReadBenchmark CASE-FILE RUNS QUERY...");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[1]);
        try (CaseStore store = CaseStore.openReadOnly(Path.of(args[0]))) {
            Timeline timeline = store.timeline();
            System.out.printf("%,d events%n", store.eventCount());
            for (String query : List.of(args).subList(2, args.length)) {
                long[] wall = new long[runs];
                long[] cpu = new long[runs];
                int rows = 0;
                for (int i = 0; i < runs; i++) {
                    long cpuAtStart = OS.getProcessCpuTime();
                    long started = System.nanoTime();
                    SqlFilter filter = SqlCompiler.compile(query.equals("ALL") ? "" : query, timeline.catalog());
                    Page page = timeline.page(filter, Sort.byTime(), null, 100);
                    RowExtras.of(store.db(), page.rows().stream().map(r -> r.event().id()).toList());
                    wall[i] = (System.nanoTime() - started) / 1_000_000;
                    cpu[i] = (OS.getProcessCpuTime() - cpuAtStart) / 1_000_000;
                    rows = page.rows().size();
                }
                System.out.printf("%s: %d rows, %d ms cold (%d CPU-ms), %d ms warm (%d CPU-ms), all %s%n", query, rows,
                        wall[0], cpu[0], warmMedian(wall), warmMedian(cpu), Arrays.toString(wall));
            }
        }
    }

    static long warmMedian(long[] values) {
        if (values.length < 2) {
            return values[0];
        }
        long[] warm = Arrays.copyOfRange(values, 1, values.length);
        Arrays.sort(warm);
        return warm[warm.length / 2];
    }
}
