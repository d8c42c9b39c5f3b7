package org.sigmascope.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.evtx.EvtxEvidenceReader;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * EVTX parsing speed, side by side with Debian's {@code evtxexport} (libevtx) in the same run: records/s and
 * MB/s flattened to fields, on one thread and two, on the corpus' largest files and any file named on the command
 * line. Not a test: run it by hand (docs/benchmarks.md has the command).
 *
 * <p>On a machine shared with other work, wall-clock time says mostly how busy the machine was. The figures that
 * load distorts least are printed beside it: CPU time of the reading thread (the per-core figure: with one worker
 * the records are parsed on the calling thread), CPU time of the whole process (JIT and GC threads included, what
 * {@code evtxexport}'s CPU time is compared with), and bytes allocated per record by the reading thread.
 *
 * <pre>
 * java -cp "target/classes:target/test-classes:target/lib/*" org.sigmascope.bench.EvtxBench [CORPUS] [FILES] [FILE...]
 * </pre>
 */
public final class EvtxBench {
    /** CPU seconds of the reading thread spent warming up, then measuring: CPU, not wall, so load cannot cut it. */
    private static final double WARM_CPU_SECONDS = 4.0;
    private static final double MEASURED_CPU_SECONDS = 3.0;
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private EvtxBench() {
    }

    /** One measurement: records/s by the wall clock, per CPU second of the reading thread and of the process. */
    private record Rate(double wall, double threadCpu, double processCpu, double bytesPerRecord) {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Path> files = new ArrayList<>(largest(corpus.resolve("evtx"), count));
        for (int i = 2; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        System.out.printf(Locale.ROOT, "%d cores; java %s; load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), OS.getSystemLoadAverage());
        System.out.println("| file (records) | 1 thread: rec/s per thread-CPU-s (per process-CPU-s) | wall rec/s |"
                + " B/rec | 2 threads: wall rec/s (per process-CPU-s) | evtxexport: wall rec/s (per CPU-s) |"
                + " speed-up per CPU-s (wall) | MB/s per thread-CPU-s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        double[] totals = new double[6];
        for (Path file : files) {
            long records = parse(file, 1).events();
            warm(file);
            Rate one = measure(file, 1, records);
            Rate two = measure(file, 2, records);
            double[] reference = evtxexport(file);
            double megabytes = Files.size(file) / 1e6;
            String name = file.startsWith(corpus) ? corpus.relativize(file).getFileName().toString()
                    : file.getFileName().toString();
            System.out.printf(Locale.ROOT, "| %s (%,d) | %,.0f (%,.0f) | %,.0f | %,.0f | %,.0f (%,.0f) | %s | %s | %,.0f |%n",
                    name, records, one.threadCpu, one.processCpu, one.wall, one.bytesPerRecord, two.wall,
                    two.processCpu, reference[0] > 0 ? String.format(Locale.ROOT, "%,.0f (%,.0f)", reference[0],
                            reference[1]) : "reads none",
                    reference[0] > 0 ? String.format(Locale.ROOT, "%.0f× (%.0f×)", one.processCpu / reference[1],
                            one.wall / reference[0]) : "—",
                    one.threadCpu * megabytes / records);
            if (reference[0] > 0) {
                totals[0] += records / one.threadCpu;
                totals[1] += records / one.processCpu;
                totals[2] += records / one.wall;
                totals[3] += records / reference[0];
                totals[4] += records / reference[1];
                totals[5] += records;
            }
        }
        if (totals[5] > 0) {
            System.out.printf(Locale.ROOT, "files evtxexport reads: %,.0f rec per thread-CPU-s, %,.0f per process-CPU-s,"
                            + " %,.0f wall; evtxexport %,.0f wall, %,.0f per CPU-s: %.0f× per CPU-s, %.0f× wall%n",
                    totals[5] / totals[0], totals[5] / totals[1], totals[5] / totals[2], totals[5] / totals[3],
                    totals[5] / totals[4], totals[4] / totals[1], totals[3] / totals[2]);
        }
        System.out.printf(Locale.ROOT, "load average at the end: %.1f%n", OS.getSystemLoadAverage());
    }

    private static List<Path> largest(Path folder, int count) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".evtx"))
                    .sorted(Comparator.comparingLong(EvtxBench::size).reversed().thenComparing(Path::toString))
                    .limit(count).toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static SourceStats parse(Path file, int threads) throws IOException {
        AtomicLong fields = new AtomicLong();
        SourceStats stats = new EvtxEvidenceReader().read(ReadRequest.of(new Source(1, file, file.toString(), "evtx"),
                ReadOptions.defaults().withThreads(threads)), event -> fields.addAndGet(event.fields().size()));
        if (fields.get() == 0) {
            throw new IllegalStateException("no fields read from " + file);
        }
        return stats;
    }

    /** Until the JIT has compiled the reader: by this thread's CPU time, which a busy machine does not shorten. */
    private static void warm(Path file) throws IOException {
        long end = THREADS.getCurrentThreadCpuTime() + (long) (WARM_CPU_SECONDS * 1e9);
        do {
            parse(file, 1);
            parse(file, 2);
        } while (THREADS.getCurrentThreadCpuTime() < end);
    }

    /** Reads the file again and again for {@value #MEASURED_CPU_SECONDS} CPU seconds of the process (at least once). */
    private static Rate measure(Path file, int threads, long records) throws IOException {
        long thread = Thread.currentThread().getId();
        long threadCpu = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getThreadAllocatedBytes(thread);
        long processCpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        long runs = 0;
        do {
            parse(file, threads);
            runs++;
        } while (OS.getProcessCpuTime() - processCpu < MEASURED_CPU_SECONDS * 1e9);
        double wall = (System.nanoTime() - start) / 1e9;
        double read = records * (double) runs;
        return new Rate(read / wall, read / ((THREADS.getCurrentThreadCpuTime() - threadCpu) / 1e9),
                read / ((OS.getProcessCpuTime() - processCpu) / 1e9),
                (THREADS.getThreadAllocatedBytes(thread) - allocated) / read);
    }

    /**
     * evtxexport writing XML to /dev/null, process start included (as an analyst runs it), best of three (one for
     * files over 20 MB): records it wrote per wall-clock second and per CPU second (user + system, from the shell's
     * {@code times}). It writes no record of a template-less file, which it cannot read.
     */
    private static double[] evtxexport(Path file) throws IOException, InterruptedException {
        Process counting = new ProcessBuilder("evtxexport", "-f", "xml", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long written = countEvents(counting.getInputStream());
        counting.waitFor();
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        int tries = Files.size(file) > 20_000_000 ? 1 : 3;
        for (int i = 0; i < tries; i++) {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                    "evtxexport -f xml \"$0\" > /dev/null 2>&1; times", file.toString());
            long start = System.nanoTime();
            Process process = builder.start();
            String times = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            process.waitFor();
            bestWall = Math.min(bestWall, (System.nanoTime() - start) / 1e9);
            bestCpu = Math.min(bestCpu, childCpu(times));
        }
        return new double[] {written / bestWall, written / bestCpu};
    }

    /** The children's user and system time from bash's {@code times} (its second line: "0m0.120s 0m0.010s"). */
    private static double childCpu(String times) {
        String[] lines = times.strip().split("\n");
        double total = 0;
        for (String part : lines[lines.length - 1].trim().split("\\s+")) {
            String[] minutes = part.replace("s", "").split("m");
            total += Double.parseDouble(minutes[0]) * 60 + Double.parseDouble(minutes[1]);
        }
        return total;
    }

    private static long countEvents(java.io.InputStream in) throws IOException {
        byte[] pattern = "<Event ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] buffer = new byte[1 << 16];
        long count = 0;
        int matched = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                matched = buffer[i] == pattern[matched] ? matched + 1 : buffer[i] == pattern[0] ? 1 : 0;
                if (matched == pattern.length) {
                    count++;
                    matched = 0;
                }
            }
        }
        return count;
    }

    private static String clip(String text) {
        return text.length() <= 48 ? text : "…" + text.substring(text.length() - 47);
    }

}
