package org.sigmascope.hardening;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.scan.CaseScan;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.ScanSummary;
import org.sigmascope.scan.Scanner;
import org.sigmascope.sigma.eval.RuleEngine;
import org.sigmascope.model.Level;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.SourceRow;
import org.sigmascope.store.TestCases;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * The load test's process ({@link LoadTest}): imports evidence into a case while one-shot scans of the same
 * evidence run beside it and the timeline is counted as batches commit; samples heap and resident memory
 * throughout. Prints {@code source PATH EVENTS} per source, {@code scan EVENTS} per scan, and the figures.
 */
public final class LoadChild {
    private LoadChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path caseFile = Path.of(args[0]);
        int scans = Integer.parseInt(args[1]);
        List<Path> inputs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            inputs.add(Path.of(args[i]));
        }
        AtomicBoolean importing = new AtomicBoolean(true);
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong peakRss = new AtomicLong();
        Thread sampler = daemon("memory sampler", () -> {
            while (true) {
                long heap = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        heap += pool.getUsage().getUsed();
                    }
                }
                peakHeap.accumulateAndGet(heap, Math::max);
                peakRss.accumulateAndGet(statusKb("VmRSS"), Math::max);
                sleep(50);
            }
        });
        sampler.start();
        long started = System.nanoTime();
        List<Thread> scanners = new ArrayList<>();
        List<Long> scanned = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < scans; i++) {
            Thread scanner = daemon("scan " + i, () -> scanned.add(scan(inputs)));
            scanners.add(scanner);
            scanner.start();
        }
        long[] counts = {0, 0};
        try (CaseStore store = CaseStore.open(caseFile)) {
            Thread reader = daemon("timeline reader", () -> {
                while (importing.get()) {
                    try {
                        counts[0] = store.timeline().count(store.timeline().filter("*"));
                        counts[1]++;
                    } catch (Exception e) {
                        throw new IllegalStateException("the timeline could not be read during the import", e);
                    }
                    sleep(200);
                }
            });
            reader.start();
            ScanSummary summary = CaseScan.run(store, inputs, TestCases.builtinRules(), CaseScan.Options.defaults()
                    .withRead(ReadOptions.defaults().withThreads(2)), Progress.NONE, Cancellation.NEVER,
                    new CaseScan.Observer() { });
            importing.set(false);
            reader.join();
            for (Thread scanner : scanners) {
                scanner.join();
            }
            for (SourceRow source : store.sources()) {
                out.println("source " + source.path() + " " + source.events() + " " + source.status().sql());
            }
            out.println("imported " + summary.events() + " events, " + summary.detections() + " detections");
            out.println("timeline counts during import " + counts[1] + ", last " + counts[0]);
        }
        for (long events : scanned) {
            out.println("scan " + events);
        }
        out.printf("seconds %.1f%n", (System.nanoTime() - started) / 1e9);
        out.println("peak heap MiB " + peakHeap.get() / (1 << 20));
        out.println("peak rss MiB " + Math.max(peakRss.get(), statusKb("VmHWM")) / 1024);
        out.println("max heap MiB " + Runtime.getRuntime().maxMemory() / (1 << 20));
        out.println("done");
    }

    private static long scan(List<Path> inputs) {
        RuleEngine engine = TestCases.builtinRules().engine();
        try {
            return Scanner.scan(new ScanRequest(inputs, engine, ReadOptions.defaults().withThreads(1),
                    Level.INFORMATIONAL, 1, 1), new ScanListener() { }, Progress.NONE, Cancellation.NEVER).events();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long statusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0; // not Linux: no figure
        }
        return 0;
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
