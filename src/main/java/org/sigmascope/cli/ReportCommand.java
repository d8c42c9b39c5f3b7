package org.sigmascope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.sigmascope.report.ReportExporter;
import org.sigmascope.report.cases.CaseEventExport;
import org.sigmascope.report.cases.CaseReport;
import org.sigmascope.report.cases.ExportAudit;
import org.sigmascope.report.model.CaseDetails;
import org.sigmascope.report.model.ReportData;
import org.sigmascope.report.model.ReportOptions;
import org.sigmascope.report.model.Section;
import org.sigmascope.report.model.Sha256;
import org.sigmascope.report.pdf.PdfRenderer;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.SourceRow;
import org.sigmascope.store.query.QuerySyntaxException;
import org.sigmascope.store.query.SqlFilter;

/**
 * {@code sigmascope report}: a report or export of a case, read-only; the export is recorded in the case's audit
 * log afterwards, as the app records its exports.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the report of a case (html, pdf) or export it (csv, jsonl, hayabusa, timeline,"
                + " timesketch). The case is only read; the export is then noted in its audit log.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--case", required = true, paramLabel = "CASE", description = "The case file (.duckdb).")
    Path caseFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Option(names = "--query", paramLabel = "QUERY",
            description = "For -f timeline and timesketch: only the events this timeline query keeps (default: all).")
    String query;

    @CommandLine.Mixin
    ReportChoices choices;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ReportChoices.Chosen chosen = choices.validate(spec.commandLine(), output);
        if (query != null && !ReportChoices.EVENT_FORMATS.contains(chosen.format())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--query applies to -f timeline and -f timesketch (the filtered timeline view)");
        }
        PdfRenderer pdf = chosen.format().equals("pdf") ? PdfRenderer.find() : null;
        CaseStore store;
        try {
            store = CaseStore.openReadOnly(caseFile);
        } catch (IOException e) {
            err.println("sigmascope: cannot read the case " + caseFile + ": " + reason(e));
            return 1;
        }
        Written written;
        List<SourceRow> sources;
        try (store) {
            SqlFilter filter;
            try {
                filter = query == null ? SqlFilter.all() : store.timeline().filter(query);
            } catch (QuerySyntaxException e) {
                err.println("sigmascope: --query " + e.getMessage());
                err.println(e.pointAt(query));
                return 2;
            }
            sources = store.sources();
            boolean trees = pdf != null || chosen.format().equals("html");
            ReportData data = CaseReport.read(store, chosen.details(), Instant.now(),
                    trees && chosen.options().includes(Section.PROCESS_TREES));
            written = write(store, data, chosen, filter);
        }
        err.println(written.summary(output));
        audit(err, sources, written);
        return 0;
    }

    /** Notes the export in the case's audit log (with the output's SHA-256), or says why it could not. */
    private void audit(PrintWriter err, List<SourceRow> sources, Written written) throws IOException {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("format", written.format());
        detail.put("file", output == null ? "(standard output)" : output.toAbsolutePath().toString());
        detail.put("sha256", output == null ? "" : Sha256.of(output));
        detail.put("detections", written.detections());
        if (written.events() >= 0) {
            detail.put("events", written.events());
            detail.put("query", query == null ? "*" : query);
        }
        ExportAudit.record(caseFile, sources, detail).ifPresent(why -> err.println(
                "sigmascope: the export was not noted in the case's audit log: " + why));
    }

    /** What an export wrote, for the summary line and the audit log. */
    record Written(String format, long detections, long events, long skipped, long tagged) {
        String summary(Path output) {
            String what = events >= 0 ? String.format(Locale.ROOT, "%,d events", events)
                    + (skipped > 0 ? String.format(Locale.ROOT, " (%,d without a time left out)", skipped) : "")
                    : String.format(Locale.ROOT, "%,d detections", detections)
                    + (format.equals("html") || format.equals("pdf")
                    ? String.format(Locale.ROOT, ", %,d tagged events", tagged) : "");
            return "report: " + what + " written" + (output == null ? "" : " to " + output);
        }
    }

    private Written write(CaseStore store, ReportData data, ReportChoices.Chosen chosen, SqlFilter filter)
            throws IOException {
        ReportOptions options = chosen.options();
        long detections = ReportExporter.detections(data, options).size();
        if (ReportChoices.EVENT_FORMATS.contains(chosen.format())) {
            Writer out = Outputs.open(output, spec.commandLine().getOut());
            CaseEventExport.Written events;
            try (out) {
                events = CaseEventExport.write(store, filter, data, options,
                        chosen.format().equals("timeline")
                                ? ReportExporter.timelineCsv(out, chosen.columns(), options, data::sourceName)
                                : ReportExporter.timesketch(out, data::sourceName));
            }
            Outputs.commit(out);
            return new Written(chosen.format(), detections, events.events(), events.skipped(), 0);
        }
        ReportExporter.Format format = ReportExporter.Format.parse(chosen.format()).orElseThrow();
        if (format == ReportExporter.Format.PDF) {
            ReportExporter.export(data, options, format, output);
        } else {
            Writer out = Outputs.open(output, spec.commandLine().getOut());
            try (out) {
                ReportExporter.write(data, options, format, out);
            }
            Outputs.commit(out);
        }
        return new Written(chosen.format(), detections, -1, 0, data.tagged().size());
    }

    /** Why the case could not be opened, without the case's name that the message starts with. */
    private String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        String message = String.valueOf(e.getMessage());
        for (String prefix : List.of("cannot open the case " + caseFile.toAbsolutePath() + ": ",
                "cannot open the case " + caseFile + ": ", "case " + caseFile.getFileName() + ": ",
                "case " + caseFile.getFileName() + " ")) {
            if (message.startsWith(prefix)) {
                return message.substring(prefix.length());
            }
        }
        return message;
    }
}
