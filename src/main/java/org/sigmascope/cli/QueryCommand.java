package org.sigmascope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.sigmascope.store.CaseStore;
import org.sigmascope.store.SourceRow;
import org.sigmascope.store.query.QuerySyntaxException;
import org.sigmascope.store.query.SqlFilter;
import org.sigmascope.store.timeline.Cursor;
import org.sigmascope.store.timeline.Page;
import org.sigmascope.store.timeline.Sort;
import org.sigmascope.store.timeline.Timeline;
import org.sigmascope.store.timeline.TimelineRow;

/** {@code sigmascope query}: the events of a case that a timeline query keeps, read-only, in time order. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Print the events of a case that match a timeline query (docs/query-language.md).")
final class QueryCommand implements Callable<Integer> {
    private static final int PAGE = 2_000;

    @Parameters(index = "0", paramLabel = "CASE", description = "The case file (.duckdb).")
    Path caseFile;

    @Parameters(index = "1", paramLabel = "QUERY", defaultValue = "*",
            description = "The query, e.g. 'EventID:4688 AND Image:*\\powershell.exe' (default: every event).")
    String query;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: table, csv or jsonl (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-s", "--sort"}, defaultValue = "time", paramLabel = "FIELD",
            description = "Sort by this field; -FIELD for descending (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Print at most N events.")
    Long limit;

    @Option(names = "--count", description = "Print only the number of matching events.")
    boolean countOnly;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write results to FILE instead of stdout.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("table", "csv", "jsonl").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-f must be table, csv or jsonl");
        }
        try (CaseStore store = CaseStore.openReadOnly(caseFile)) {
            Timeline timeline = store.timeline();
            SqlFilter filter;
            try {
                filter = timeline.filter(query);
            } catch (QuerySyntaxException e) {
                err.println("sigmascope: query " + e.getMessage());
                err.println(e.pointAt(query));
                return 2;
            }
            if (countOnly) {
                spec.commandLine().getOut().println(timeline.count(filter));
                return 0;
            }
            Map<Integer, String> sources = new HashMap<>();
            for (SourceRow row : store.sources()) {
                sources.put(row.id(), row.displayName());
            }
            long printed = 0;
            Writer out = Outputs.open(output, spec.commandLine().getOut());
            try (out; QueryRowWriter writer = QueryRowWriter.create(format, out, sources)) {
                Cursor cursor = null;
                long wanted = limit == null ? Long.MAX_VALUE : Math.max(0, limit);
                while (printed < wanted) {
                    Page page = timeline.page(filter, Sort.parse(sort), cursor, (int) Math.min(PAGE, wanted - printed));
                    for (TimelineRow row : page.rows()) {
                        writer.write(row);
                        printed++;
                    }
                    cursor = page.next();
                    if (cursor == null) {
                        break;
                    }
                }
            } catch (QuerySyntaxException e) {
                err.println("sigmascope: --sort " + e.problem());
                return 2;
            }
            Outputs.commit(out);
            err.printf("%,d event(s)%n", printed);
            return 0;
        }
    }
}
