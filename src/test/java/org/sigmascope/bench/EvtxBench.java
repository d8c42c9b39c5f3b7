package org.sigmascope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.evtx.EvtxEvidenceReader;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * EVTX parsing speed, side by side with Debian's {@code evtxexport} (libevtx) in the same run: records/s and
 * MB/s flattened to fields, on one thread and two, on the corpus' largest files. Not a test: run it by hand
 * (docs/benchmarks.md has the command).
 *
 * <pre>
 * java -cp "target/classes:target/test-classes:target/lib/*" org.sigmascope.bench.EvtxBench [CORPUS] [FILES]
 * </pre>
 */
public final class EvtxBench {
    private static final double SECONDS_PER_RUN = 3.0;

    private EvtxBench() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Path> files = largest(corpus.resolve("evtx"), count);
        System.out.printf(Locale.ROOT, "%d cores; java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-48s %8s %6s | %-21s | %-21s | %-19s | %s%n", "file", "bytes", "recs",
                "1 thread rec/s (cpu)", "2 threads rec/s (cpu)", "evtxexport rec/s", "speedup wall (cpu)");
        double[] totals = new double[7];
        for (Path file : files) {
            long records = parse(file, 1).events();
            warm(file);
            double[] one = recordsPerSecond(file, 1, records);
            double[] two = recordsPerSecond(file, 2, records);
            double[] reference = evtxexport(file);
            double megabytes = Files.size(file) / 1e6;
            System.out.printf(Locale.ROOT, "%-48s %8d %6d | %9.0f (%9.0f) | %9.0f (%9.0f) | %8.0f (%8.0f) | %s%n",
                    clip(corpus.relativize(file).toString()), Files.size(file), records, one[0], one[1], two[0], two[1],
                    reference[0], reference[1], reference[0] > 0 ? String.format(Locale.ROOT, "%.0fx (%.0fx)",
                            one[0] / reference[0], one[1] / reference[1]) : "(reads none)");
            System.out.printf(Locale.ROOT, "%-48s %8s %6s | %9.1f (%9.1f) | %9.1f (%9.1f) | %8.2f (%8.2f) | MB/s%n", "",
                    "", "", one[0] * megabytes / records, one[1] * megabytes / records, two[0] * megabytes / records,
                    two[1] * megabytes / records, reference[0] * megabytes / records,
                    reference[1] * megabytes / records);
            if (reference[0] > 0) {
                totals[0] += records / one[0];
                totals[1] += records / one[1];
                totals[2] += records / two[0];
                totals[3] += records / reference[0];
                totals[4] += records / reference[1];
                totals[5] += records;
            }
        }
        System.out.printf(Locale.ROOT, "files evtxexport reads: 1 thread %.0f rec/s (%.0f per cpu-s), 2 threads %.0f;"
                        + " evtxexport %.0f (%.0f per cpu-s): %.0fx (%.0fx per cpu-s)%n", totals[5] / totals[0],
                totals[5] / totals[1], totals[5] / totals[2], totals[5] / totals[3], totals[5] / totals[4],
                totals[3] / totals[0], totals[4] / totals[1]);
        System.out.printf(Locale.ROOT, "load average at the end: %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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

    private static void warm(Path file) throws IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < end) {
            parse(file, 1);
            parse(file, 2);
        }
    }

    /** Records per wall-clock second, and per CPU second of this process (the figure a shared machine keeps). */
    private static double[] recordsPerSecond(Path file, int threads, long records) throws IOException {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        long runs = 0;
        while (System.nanoTime() - start < SECONDS_PER_RUN * 1e9) {
            parse(file, threads);
            runs++;
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        return new double[] {records * runs / wall, records * runs / cpu};
    }

    /**
     * evtxexport writing XML to /dev/null, process start included (as an analyst runs it), best of three: records
     * it wrote per wall-clock second and per CPU second (user + system, from the shell's {@code times}). It
     * writes no record of a template-less file, which it cannot read.
     */
    private static double[] evtxexport(Path file) throws IOException, InterruptedException {
        Process counting = new ProcessBuilder("evtxexport", "-f", "xml", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long written = countEvents(counting.getInputStream());
        counting.waitFor();
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
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
