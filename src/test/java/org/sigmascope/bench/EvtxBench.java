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
        System.out.printf(Locale.ROOT, "%-60s %9s %8s | %12s %9s | %12s %9s | %12s %9s | %7s%n", "file", "bytes",
                "records", "1 thr rec/s", "MB/s", "2 thr rec/s", "MB/s", "evtxexport/s", "MB/s", "speedup");
        double[] totals = new double[4];
        for (Path file : files) {
            long records = parse(file, 1).events();
            warm(file);
            double one = recordsPerSecond(file, 1, records);
            double two = recordsPerSecond(file, 2, records);
            double reference = evtxexport(file, records);
            double megabytes = Files.size(file) / 1e6;
            double perRecord = megabytes / records;
            System.out.printf(Locale.ROOT, "%-60s %9d %8d | %12.0f %9.1f | %12.0f %9.1f | %12.0f %9.2f | %6.0fx%n",
                    clip(corpus.relativize(file).toString()), Files.size(file), records, one, one * perRecord, two,
                    two * perRecord, reference, reference * perRecord, one / reference);
            totals[0] += records / one;
            totals[1] += records / two;
            totals[2] += records / reference;
            totals[3] += records;
        }
        System.out.printf(Locale.ROOT, "all files: %.0f records/s on 1 thread, %.0f on 2, evtxexport %.0f (%.0fx)%n",
                totals[3] / totals[0], totals[3] / totals[1], totals[3] / totals[2], totals[2] / totals[0]);
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

    private static double recordsPerSecond(Path file, int threads, long records) throws IOException {
        long start = System.nanoTime();
        long runs = 0;
        while (System.nanoTime() - start < SECONDS_PER_RUN * 1e9) {
            parse(file, threads);
            runs++;
        }
        return records * runs / ((System.nanoTime() - start) / 1e9);
    }

    /** evtxexport writing XML to /dev/null, process start included (as an analyst runs it), best of three. */
    private static double evtxexport(Path file, long records) throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            ProcessBuilder builder = new ProcessBuilder("evtxexport", "-f", "xml", file.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            Process process = builder.start();
            process.waitFor();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return records / best;
    }

    private static String clip(String text) {
        return text.length() <= 60 ? text : "…" + text.substring(text.length() - 59);
    }

}
