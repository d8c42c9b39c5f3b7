package org.sigmascope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Event;
import org.sigmascope.model.Level;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;
import org.sigmascope.model.Timestamps;
import org.sigmascope.scan.ScanListener;
import org.sigmascope.scan.ScanRequest;
import org.sigmascope.scan.ScanSummary;
import org.sigmascope.scan.Scanner;
import org.sigmascope.task.Cancellation;

/** {@code sigmascope dump}: print the events of evidence, with all fields in Sigma's naming. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Print the events of evidence files or folders, one JSON object per line, fields in Sigma's naming.")
final class DumpCommand implements Callable<Integer> {
    @Option(names = {"-f", "--format"}, defaultValue = "jsonl", paramLabel = "FORMAT",
            description = "Output format: jsonl (default), or xml (EVTX records as Windows renders them).")
    String format;

    @Option(names = "--include-recovered", description = "Also print records carved from EVTX slack space.")
    boolean includeRecovered;

    @Mixin
    EvidenceOptions evidenceOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Evidence files or folders.")
    List<Path> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("jsonl") && !format.equals("xml")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-f must be jsonl or xml");
        }
        ReadOptions options = evidenceOptions.apply(ReadOptions.defaults().withIncludeRecovered(includeRecovered),
                spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        ProgressPrinter progress = new ProgressPrinter(err, System.console() != null);
        SourceLines lines = new SourceLines(err, progress);
        ScanSummary summary;
        Writer out = Outputs.open(output, spec.commandLine().getOut());
        try (out; JsonGenerator generator = JsonCodec.lineGenerator(out);
             XmlDump xml = format.equals("xml") ? new XmlDump(out, err) : null) {
            java.util.Map<Integer, String> names = new java.util.HashMap<>();
            ScanListener listener = new ScanListener() {
                @Override
                public boolean wantsEvents() {
                    return true;
                }

                @Override
                public void sourceStarted(Source source) {
                    names.put(source.id(), source.displayName());
                    try {
                        if (xml != null) {
                            xml.sourceStarted(source);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void event(Event event) {
                    try {
                        if (xml != null) {
                            xml.event(event);
                            return;
                        }
                        JsonCodec.writeLine(generator, toJson(event, names.get(event.sourceId())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void sourceFinished(Source source, SourceStats stats) {
                    progress.finish();
                    try {
                        if (xml != null) {
                            xml.sourceFinished();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    lines.finished(source, stats);
                }

                @Override
                public void sourceFailed(Source source, String message) {
                    lines.failed(source, message);
                }
            };
            summary = Scanner.scan(new ScanRequest(inputs, (event, sink) -> { }, options, Level.INFORMATIONAL, 1, 1),
                    listener, progress, Cancellation.NEVER);
        }
        Outputs.commit(out);
        progress.finish();
        err.printf("%d source(s), %d events, %d unreadable records in %.2fs%n", summary.sources(), summary.events(),
                summary.failedRecords(), summary.nanos() / 1e9);
        return lines.unreadable() == 0 ? 0 : 1;
    }

    static ObjectNode toJson(Event event, String source) {
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("source", source);
        node.put("record_id", event.recordId());
        node.put("timestamp", Timestamps.format(event.timestamp()));
        node.set("fields", JsonCodec.fields(event.fields()));
        if (event.recovered()) {
            node.put("recovered", true);
        }
        return node;
    }
}
