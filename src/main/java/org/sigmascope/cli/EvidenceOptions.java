package org.sigmascope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.csv.CsvOptions;

/** How evidence is read, shared by {@code scan} and {@code dump}: zones and CSV columns detection cannot settle. */
final class EvidenceOptions {
    @Option(names = "--local-zone", paramLabel = "ZONE",
            description = "Zone of times that carry none (NXLog EventTime, Event Viewer CSV …), e.g. Europe/Berlin or "
                    + "-05:00 (default: UTC). Recorded in each source's warnings.")
    String localZone;

    @Option(names = "--csv-mapping", paramLabel = "FILE",
            description = "Column mapping for CSV of no known export (see docs/formats.md).")
    Path csvMapping;

    @Option(names = "--csv-time-column", paramLabel = "COLUMN",
            description = "The CSV column that holds the event's time, when detection is ambiguous.")
    String csvTimeColumn;

    @Option(names = "--csv-time-format", paramLabel = "FORMAT",
            description = "How that column writes times: iso, epoch-s, epoch-ms, epoch-us, epoch-ns, filetime, or a "
                    + "pattern such as 'M/d/yyyy h:mm:ss a'.")
    String csvTimeFormat;

    ReadOptions apply(ReadOptions options, CommandLine commandLine) {
        ReadOptions result = options;
        if (localZone != null) {
            try {
                result = result.withLocalZone(ZoneId.of(localZone));
            } catch (DateTimeException e) {
                throw new CommandLine.ParameterException(commandLine, "--local-zone: '" + localZone
                        + "' is not a time zone (use a region such as Europe/Berlin, or an offset such as -05:00)");
            }
        }
        if (csvMapping != null && !Files.isRegularFile(csvMapping)) {
            throw new CommandLine.ParameterException(commandLine, "--csv-mapping: no such file " + csvMapping);
        }
        if (csvTimeFormat != null) {
            try {
                CsvOptions.checkTimeFormat(csvTimeFormat);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(commandLine, "--csv-time-format: " + e.getMessage());
            }
        }
        return result.withCsv(new CsvOptions(csvMapping, csvTimeColumn, csvTimeFormat));
    }
}
