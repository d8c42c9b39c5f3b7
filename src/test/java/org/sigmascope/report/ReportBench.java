package org.sigmascope.report;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.report.html.HtmlReportWriter;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;

/**
 * Times the report writers on a large case: the DeepBlueCLI scan's detections repeated (each copy a day later, with
 * its own event ids) up to N detections. Run by hand (docs/benchmarks.md), never by the build:
 * {@code java -cp … org.sigmascope.report.ReportBench 100000}.
 */
public final class ReportBench {
    private ReportBench() {
    }

    public static void main(String[] args) throws IOException {
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        ReportData base = ReportFixtures.deepBlue().data();
        List<Detection> many = new ArrayList<>(target);
        for (int copy = 0; many.size() < target; copy++) {
            for (Detection d : base.detections()) {
                if (many.size() == target) {
                    break;
                }
                Event e = d.event();
                Event shifted = new Event(e.id() + 1_000_000L * copy, e.sourceId(), e.recordId(),
                        e.timestamp().plus(Duration.ofDays(copy)), e.computer(), e.channel(), e.provider(),
                        e.eventId(), e.level(), e.fields(), e.location(), e.recovered());
                many.add(new Detection(shifted, d.rule(), d.match(), d.correlation()));
            }
        }
        ReportData data = new ReportData(base.caseDetails(), base.exportedAt(), base.tool(), base.rules(),
                base.evidence(), many, base.processes(), base.tagged());
        System.out.printf(Locale.ROOT, "%,d detections%n", many.size());
        for (int round = 0; round < 3; round++) {
            time("html", () -> HtmlReportWriter.render(data, ReportOptions.defaults()).length());
            for (ReportExporter.Format format : List.of(ReportExporter.Format.CSV, ReportExporter.Format.JSONL,
                    ReportExporter.Format.HAYABUSA)) {
                time(format.id(), () -> {
                    StringWriter out = new StringWriter();
                    ReportExporter.write(data, ReportOptions.defaults(), format, out);
                    return out.getBuffer().length();
                });
            }
        }
    }

    private interface Job {
        long run() throws IOException;
    }

    private static void time(String name, Job job) throws IOException {
        long start = System.nanoTime();
        long chars = job.run();
        System.out.printf(Locale.ROOT, "%-9s %8.0f ms  %,14d chars%n", name, (System.nanoTime() - start) / 1e6, chars);
    }
}
