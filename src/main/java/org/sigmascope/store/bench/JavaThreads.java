package org.sigmascope.store.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time of the Java threads whose names start with a prefix, for the benchmarks' per-core figures. The import's
 * threads end with it, and a dead thread's CPU time can no longer be read, so a sampler notes each thread's latest
 * figure every 100 ms; what a thread spent in its last 100 ms may be missed.
 */
final class JavaThreads implements AutoCloseable {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final String prefix;
    private final Map<Long, Long> latest = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    JavaThreads(String prefix) {
        this.prefix = prefix;
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-thread-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    latest.merge(info.getThreadId(), cpu, Math::max);
                }
            }
        }
    }

    /** Nanoseconds of CPU used by the threads named {@code prefix…} since this sampler started. */
    long cpu() {
        sample();
        return latest.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
