package org.sigmascope.store.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time of every thread of the process, Java's and DuckDB's alike, grouped by the name the kernel knows it by
 * ({@code /proc/self/task/*}/stat on Linux; elsewhere nothing): where an import's CPU goes, DuckDB's native work
 * included, which {@code ThreadMXBean} cannot see. Threads are sampled every 100 ms so that those that end during
 * the run (each file's parser pool) still count, less what they spent in their last 100 ms.
 */
final class NativeThreads implements AutoCloseable {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Clock ticks per second of {@code /proc}'s times: 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    /** Per thread id: its name, and its CPU ticks when first seen and at the latest sample. */
    private record Seen(String name, long first, long latest) {
    }

    private final Map<String, Seen> threads = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    NativeThreads() {
        sample(true);
        sampler = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                sample(false);
            }
        }, "bench-native-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample(boolean baseline) {
        if (!Files.isDirectory(TASKS)) {
            return;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String[] after = stat.substring(close + 2).trim().split(" ");
                long ticks = Long.parseLong(after[11]) + Long.parseLong(after[12]);
                String name = stat.substring(open + 1, close).replaceAll("[0-9]+", "N");
                threads.merge(task.getFileName().toString(), new Seen(name, baseline ? ticks : 0, ticks),
                        (old, now) -> new Seen(old.name(), old.first(), Math.max(old.latest(), now.latest())));
            }
        } catch (IOException e) {
            running = false;
        }
    }

    /** CPU-seconds per thread name (numbers in names replaced by N) since this sampler started, largest first. */
    Map<String, Double> seconds() {
        sample(false);
        Map<String, Double> byName = new TreeMap<>();
        for (Seen seen : threads.values()) {
            byName.merge(seen.name(), (seen.latest() - seen.first()) / TICKS, Double::sum);
        }
        return byName;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
