package org.sigmascope.report.html;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.report.model.EvidenceSource;

/** The evidence: each file with its SHA-256 and what reading it gave, and the first problems with locations. */
final class EvidenceSection {
    /** Problems listed per source; the rest are counted. */
    private static final int SHOWN_DIAGNOSTICS = 10;

    private EvidenceSection() {
    }

    static void write(HtmlOut out, ReportView view) {
        List<EvidenceSource> sources = view.data.evidence().stream()
                .sorted(Comparator.comparing(EvidenceSource::path).thenComparingInt(EvidenceSource::id)).toList();
        if (sources.isEmpty()) {
            Parts.empty(out, "No evidence was recorded.");
            return;
        }
        long events = sources.stream().mapToLong(EvidenceSource::events).sum();
        long failed = sources.stream().mapToLong(EvidenceSource::failed).sum();
        Parts.note(out, Parts.count(sources.size(), "file", "files") + ", " + Parts.count(events, "event", "events")
                + " read, " + Parts.count(failed, "record", "records") + " unreadable.");
        out.open("table", "class", "evidence");
        Parts.headerRow(out, "File", "Format", "#Size (bytes)", "SHA-256", "#Events", "#Unreadable",
                "#Chunks skipped", "#Warnings", "#Recovered");
        out.open("tbody");
        for (EvidenceSource source : sources) {
            out.open("tr").element("td", source.path(), "class", "wrap").element("td", source.format())
                    .element("td", source.size() < 0 ? "" : String.format(Locale.ROOT, "%,d", source.size()), "class",
                            "num")
                    .element("td", source.sha256().isEmpty() ? "not hashed" : source.sha256(), "class", "hash")
                    .element("td", number(source.events()), "class", "num")
                    .element("td", number(source.failed()), "class", source.failed() > 0 ? "num warn" : "num")
                    .element("td", number(source.chunksSkipped()), "class",
                            source.chunksSkipped() > 0 ? "num warn" : "num")
                    .element("td", number(source.warnings()), "class", "num")
                    .element("td", number(source.recovered()), "class", "num")
                    .close("tr");
        }
        out.close("tbody").close("table");
        for (EvidenceSource source : sources) {
            problems(out, source);
        }
    }

    private static void problems(HtmlOut out, EvidenceSource source) {
        if (source.error().isEmpty() && source.diagnostics().isEmpty()) {
            return;
        }
        out.element("h3", "Problems in " + source.path());
        out.open("ul", "class", "mono");
        if (!source.error().isEmpty()) {
            out.element("li", "not read: " + source.error(), "class", "warn");
        }
        int shown = 0;
        for (Diagnostic diagnostic : source.diagnostics()) {
            if (shown++ == SHOWN_DIAGNOSTICS) {
                out.element("li", "… and " + (source.diagnostics().size() - SHOWN_DIAGNOSTICS) + " more");
                break;
            }
            out.element("li", diagnostic.toString(), "class", "wrap");
        }
        out.close("ul");
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
