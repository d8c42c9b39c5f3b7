package org.sigmascope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.control.TableView;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.sigmascope.ui.probe.FxStallProbe;
import org.sigmascope.ui.probe.StallStats;
import org.sigmascope.ui.settings.AppSettings;
import org.sigmascope.ui.settings.SettingsStore;
import org.sigmascope.ui.settings.WindowLayout;
import org.sigmascope.ui.timeline.Columns;
import org.sigmascope.ui.timeline.RowRef;

/**
 * The app's responsiveness on a large case, measured in the real app on a real display (run it under Xvfb; see
 * docs/benchmarks.md): the FX thread's stalls while evidence is imported, the time from running a filter to its
 * first page on screen, and the FX thread's stalls while the timeline is scrolled from end to end. Not part of
 * {@code mvn verify}.
 *
 * <pre>java -cp … org.sigmascope.ui.AppBenchmark EVIDENCE-FOLDER [CASE-FILE]</pre>
 *
 * <p>With a case file that exists, it is opened as it is (no import): the filters and scrolling are measured on it.
 */
public final class AppBenchmark {
    /** The filters timed, as an analyst types them in the query bar. */
    private static final List<String> QUERIES = List.of("EventID:4688", "Image:*\\powershell.exe",
            "level:>=high", "EventID:(4624 OR 4625 OR 1) AND NOT User:*SYSTEM*", "CommandLine:*-enc*",
            "time:[2024-03-12 TO 2024-03-13]", "mimikatz");
    private static final int RUNS = 3;

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private SigmascopeApp app;
    /** The process CPU time of each {@link #firstPage}, in ms, parallel to the times it returns. */
    private final List<Long> cpu = new java.util.ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: AppBenchmark EVIDENCE-FOLDER [CASE-FILE]");
            System.exit(2);
        }
        Path home = Files.createTempDirectory("sigmascope-bench");
        Path evidence = Path.of(args[0]);
        Path file = args.length > 1 ? Path.of(args[1]) : home.resolve("cases/bench.duckdb");
        new AppBenchmark().run(home, evidence, file);
        System.exit(0);
    }

    private void run(Path home, Path evidence, Path file) throws Exception {
        System.setProperty("sigmascope.home", home.toString());
        new SettingsStore(home.resolve("settings.json")).save(AppSettings.defaults().withWindow(
                new WindowLayout(0, 0, 1600, 1000, false, 0.15, 0.72)));
        FxToolkit.registerPrimaryStage();
        app = (SigmascopeApp) FxToolkit.setupApplication(SigmascopeApp.class);
        FxStallProbe probe = new FxStallProbe().start();
        boolean existing = Files.exists(file);
        long started = System.nanoTime();
        FxTests.fx(() -> app.model().openCase(file, existing ? List.of() : List.of(evidence)));
        if (!existing) {
            waitFor(() -> FxTests.fx(() -> app.model().busyProperty().get()), 30);
            probe.reset();
        }
        waitFor(this::idle, 4 * 3600);
        StallStats.Snapshot importing = probe.snapshot();
        long events = FxTests.fx(() -> app.model().evidence().items().stream()
                .mapToLong(i -> i.events()).sum());
        System.out.printf("%s: %,d events in %.1f s%n", existing ? "opened" : "imported", events,
                (System.nanoTime() - started) / 1e9);
        System.out.println("FX thread during " + (existing ? "opening" : "the import") + ": " + importing);
        importing.traces().forEach(t -> System.out.println("  stall " + t));
        long settling = System.nanoTime();
        double settled = quiet();
        System.out.printf("after opening: the app's own background reads (gaps, summaries) ran %.1f s more, "
                + "%.1f process CPU-s; the filters start once they are done%n", (System.nanoTime() - settling) / 1e9,
                settled);

        FxTests.fx(() -> app.model().timeline().detectionsOnlyProperty().set(false));
        for (String query : QUERIES) {
            long[] times = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                times[i] = firstPage(() -> {
                    app.model().timeline().queryProperty().set(query);
                    app.model().timeline().apply();
                });
            }
            report("query " + query, times);
        }
        FxTests.fx(() -> app.model().timeline().queryProperty().set(""));
        long[] column = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            column[i] = firstPage(() -> {
                app.model().timeline().chips().clear();
                app.model().timeline().filterColumn(Columns.byId("eventId").orElseThrow(), List.of("4688", "1"),
                        false);
            });
        }
        report("column filter Event ID in (4688, 1)", column);
        long[] all = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            all[i] = firstPage(() -> {
                app.model().timeline().chips().clear();
                app.model().timeline().apply();
            });
        }
        report("no filter (all events, by time)", all);
        scroll(probe);
        FxToolkit.cleanupApplication(app);
        probe.close();
    }

    /**
     * Waits until the process has been quiet (under a tenth of a core) for two seconds: the reads the app starts when
     * a case opens (gaps in the logs, the detection summary, the rules' evidence profile) are done. Returns the
     * process CPU-seconds spent meanwhile.
     */
    private static double quiet() {
        long first = OS.getProcessCpuTime();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        int calm = 0;
        while (calm < 4 && System.nanoTime() < deadline) {
            long before = OS.getProcessCpuTime();
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
            calm = OS.getProcessCpuTime() - before < 50_000_000L ? calm + 1 : 0;
        }
        return (OS.getProcessCpuTime() - first) / 1e9;
    }

    private boolean idle() {
        return FxTests.fx(() -> app.model().sessionProperty().get() != null && !app.model().busyProperty().get()
                && !app.model().openingProperty().get() && !app.model().timeline().countingProperty().get()
                && app.model().timeline().firstPageMillisProperty().get() >= 0);
    }

    /** Runs the filter on the FX thread; the time to its first page on screen (the next pulse after it), in ms. */
    private long firstPage(Runnable filter) {
        java.util.Map<String, Long> threadsAtStart = threadCpu();
        long cpuAtStart = OS.getProcessCpuTime();
        long started = System.nanoTime();
        FxTests.fx(filter);
        waitFor(() -> FxTests.fx(() -> app.model().timeline().firstPageMillisProperty().get() >= 0), 120);
        WaitForAsyncUtils.waitForFxEvents();
        long millis = (System.nanoTime() - started) / 1_000_000;
        cpu.add((OS.getProcessCpuTime() - cpuAtStart) / 1_000_000);
        java.util.Map<String, Long> threads = threadCpu();
        threads.replaceAll((name, nanos) -> nanos - threadsAtStart.getOrDefault(name, 0L));
        long inJava = threads.values().stream().mapToLong(Long::longValue).sum();
        threads.put("native (DuckDB's threads, Xvfb's share is not in it)",
                OS.getProcessCpuTime() - cpuAtStart - inJava);
        StringBuilder line = new StringBuilder("    CPU-ms by thread:");
        threads.entrySet().stream().filter(e -> e.getValue() >= 5_000_000L)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line.append(' ').append(e.getKey()).append(' ').append(e.getValue() / 1_000_000));
        System.out.println(line);
        waitFor(this::idle, 120);
        return millis;
    }

    /** The times, and the process CPU of the last {@code times.length} first pages. */
    private void report(String what, long[] times) {
        long[] used = cpu.subList(cpu.size() - times.length, cpu.size()).stream().mapToLong(Long::longValue).toArray();
        long[] warm = Arrays.copyOfRange(times, 1, times.length);
        Arrays.sort(warm);
        long[] warmCpu = Arrays.copyOfRange(used, 1, used.length);
        Arrays.sort(warmCpu);
        System.out.printf("%s: first page on screen %d ms cold (%d CPU-ms), %d ms warm (%d CPU-ms) (median of %d)%n",
                what, times[0], used[0], warm[warm.length / 2], warmCpu[warmCpu.length / 2], warm.length);
    }

    /**
     * Scrolls the whole timeline in 200 jumps, one a frame (as dragging the scroll bar does), then back to the top
     * a page at a time for 300 pages (as Page Down held does), and says how the FX thread kept up.
     */
    private void scroll(FxStallProbe probe) {
        TableView<RowRef> table = FxTests.fx(() -> app.view().timeline().table());
        int rows = FxTests.fx(() -> table.getItems().size());
        probe.reset();
        long cpuAtStart = OS.getProcessCpuTime();
        long started = System.nanoTime();
        for (int i = 0; i <= 200; i++) {
            int row = (int) ((long) (rows - 1) * i / 200);
            FxTests.fx(() -> table.scrollTo(row));
            WaitForAsyncUtils.sleep(16, TimeUnit.MILLISECONDS);
        }
        for (int i = 0; i < 300; i++) {
            int row = i * 40;
            FxTests.fx(() -> table.scrollTo(row));
            WaitForAsyncUtils.sleep(16, TimeUnit.MILLISECONDS);
        }
        StallStats.Snapshot scrolling = probe.snapshot();
        System.out.printf("scrolling %,d rows (200 jumps end to end, then 300 pages): %.1f s, %.1f process CPU-s; "
                + "FX thread: %s%n", rows, (System.nanoTime() - started) / 1e9,
                (OS.getProcessCpuTime() - cpuAtStart) / 1e9, scrolling);
        scrolling.traces().forEach(t -> System.out.println("  stall " + t));
    }

    /** CPU time of each live Java thread, summed by name with numbers dropped (pool threads alike). */
    private static java.util.Map<String, Long> threadCpu() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> byName = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
            long nanos = info == null ? -1 : bean.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) {
                byName.merge(info.getThreadName().replaceAll("[0-9]+", "N"), nanos, Long::sum);
            }
        }
        return byName;
    }

    private static void waitFor(BooleanSupplier condition, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
    }
}
