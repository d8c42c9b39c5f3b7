package org.sigmascope.cli;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import org.sigmascope.model.Level;
import org.sigmascope.report.export.TimelineCsvWriter;
import org.sigmascope.report.model.CaseDetails;
import org.sigmascope.report.model.ReportOptions;
import org.sigmascope.report.model.Section;
import org.sigmascope.report.scan.ScanOutputs;

/** What {@code report} writes and how: the format, sections, level threshold, zone and the case's details. */
final class ReportChoices {
    /** The formats of {@code report}: those of {@code scan} but the terminal table. */
    static final List<String> FORMATS = List.of("html", "pdf", "csv", "jsonl", "hayabusa", "timeline", "timesketch");
    /** The formats that list events (the filtered timeline view) rather than detections. */
    static final List<String> EVENT_FORMATS = List.of("timeline", "timesketch");

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "html, pdf, csv, jsonl, hayabusa, timeline or timesketch (default: by the -o file's"
                    + " extension).")
    String format;

    @Option(names = "--min-level", paramLabel = "LEVEL", defaultValue = "informational",
            description = "Leave out detections under this level: informational, low, medium, high, critical.")
    String minLevel;

    @Option(names = "--sections", split = ",", paramLabel = "SECTION",
            description = "The sections of the html or pdf report (default: all): case, evidence, provenance, summary,"
                    + " timeline, detections, process-trees, tagged-events, attribution.")
    List<String> sections = new ArrayList<>();

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of the times in html, pdf, hayabusa and timeline output (default: UTC).")
    String timeZone;

    @Option(names = "--columns", split = ",", paramLabel = "COLUMN",
            description = "For -f timeline: the columns, built-in names or event fields (default: the usual ones).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--detail-limit", paramLabel = "N", defaultValue = "" + ReportOptions.DEFAULT_DETAIL_LIMIT,
            description = "Show at most N detections in full in the html report (default: ${DEFAULT-VALUE}).")
    int detailLimit;

    @Option(names = "--title", paramLabel = "NAME", defaultValue = "",
            description = "The case's name in the report (default: the case file's name).")
    String title;

    @Option(names = "--reference", paramLabel = "TEXT", defaultValue = "", description = "Case or ticket number.")
    String reference;

    @Option(names = "--examiner", paramLabel = "NAME", defaultValue = "", description = "Who made the report.")
    String examiner;

    @Option(names = "--organisation", paramLabel = "NAME", defaultValue = "",
            description = "The examiner's organisation or client.")
    String organisation;

    @Option(names = "--description", paramLabel = "TEXT", defaultValue = "",
            description = "What the case is about (default: the notes on the whole case).")
    String description;

    /** The choices, checked. */
    record Chosen(String format, ReportOptions options, CaseDetails details, List<String> columns) {
    }

    Chosen validate(CommandLine commandLine, Path output) {
        String chosen = format != null ? format.toLowerCase(Locale.ROOT) : ScanOutputs.forFile(output);
        if (!FORMATS.contains(chosen)) {
            throw new CommandLine.ParameterException(commandLine, format == null
                    ? "-f is needed (no -o FILE with a known extension): one of " + String.join(", ", FORMATS)
                    : "-f must be one of " + String.join(", ", FORMATS) + ", not '" + format + "'");
        }
        if (chosen.equals("pdf") && output == null) {
            throw new CommandLine.ParameterException(commandLine, "-f pdf needs an output file: -o FILE.pdf");
        }
        Level level = Level.parse(minLevel).orElseThrow(() -> new CommandLine.ParameterException(commandLine,
                "--min-level must be informational, low, medium, high or critical, not '" + minLevel + "'"));
        if (detailLimit < 0) {
            throw new CommandLine.ParameterException(commandLine, "--detail-limit must not be negative");
        }
        ReportOptions options = ReportOptions.defaults().withSections(sections(commandLine)).withMinLevel(level)
                .withZone(zone(commandLine)).withLimits(detailLimit, ReportOptions.DEFAULT_TIMELINE_LIMIT);
        return new Chosen(chosen, options, new CaseDetails(title, reference, examiner, organisation, description,
                null), columns.isEmpty() ? TimelineCsvWriter.DEFAULT_COLUMNS : List.copyOf(columns));
    }

    private Set<Section> sections(CommandLine commandLine) {
        if (sections.isEmpty()) {
            return EnumSet.allOf(Section.class);
        }
        Set<Section> chosen = EnumSet.noneOf(Section.class);
        for (String name : sections) {
            chosen.add(Section.parse(name).orElseThrow(() -> new CommandLine.ParameterException(commandLine,
                    "--sections: no section '" + name + "'; the sections are " + String.join(", ",
                            EnumSet.allOf(Section.class).stream().map(Section::anchor).toList()))));
        }
        return chosen;
    }

    private ZoneId zone(CommandLine commandLine) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(commandLine, "--time-zone: unknown zone '" + timeZone + "'");
        }
    }
}
