package org.sigmascope.ingest.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import org.sigmascope.ingest.winevent.SystemFields;

/**
 * Which column of a CSV export is which field, for CSV of no known dialect. Built-in names cover the usual
 * spellings ({@code Event ID}, {@code Hostname}, {@code LogName} …); an analyst's mapping file adds to them and
 * names the time column and its format:
 *
 * <pre>
 * time:
 *   column: "Date and Time"
 *   format: "M/d/yyyy h:mm:ss a"     # or iso, epoch-s, epoch-ms, epoch-us, epoch-ns, filetime
 * columns:
 *   "Event Id": EventID
 *   Host: Computer
 *   Cmd: CommandLine
 * </pre>
 *
 * Columns not named keep their header as field name.
 */
final class CsvMapping {
    private static final int MAX_FILE_BYTES = 1 << 20;

    private static final Map<String, List<String>> BUILT_IN = Map.ofEntries(
            Map.entry(SystemFields.EVENT_ID, List.of("EventID", "Event ID", "EventCode", "Id")),
            Map.entry(SystemFields.CHANNEL, List.of("Channel", "LogName", "Log Name", "Log", "EventLog")),
            Map.entry(SystemFields.COMPUTER, List.of("Computer", "ComputerName", "Hostname", "MachineName", "Host")),
            Map.entry(SystemFields.PROVIDER_NAME, List.of("Provider_Name", "Provider", "ProviderName", "SourceName",
                    "Source")),
            Map.entry(SystemFields.RECORD_ID, List.of("EventRecordID", "RecordID", "RecordNumber", "Record Number")),
            Map.entry(SystemFields.LEVEL, List.of("Level")),
            Map.entry(SystemFields.USER_ID, List.of("Security_UserID", "UserID", "UserSID", "SID")),
            Map.entry(SystemFields.PROCESS_ID, List.of("Execution_ProcessID")),
            Map.entry(SystemFields.THREAD_ID, List.of("Execution_ThreadID")),
            Map.entry(SystemFields.MESSAGE, List.of("Message", "Description")));

    private final Map<String, String> columns;
    private final String timeColumn;
    private final String timeFormat;

    private CsvMapping(Map<String, String> columns, String timeColumn, String timeFormat) {
        this.columns = columns;
        this.timeColumn = timeColumn;
        this.timeFormat = timeFormat;
    }

    static CsvMapping builtIn() {
        return new CsvMapping(Map.of(), null, null);
    }

    /** Reads a mapping file; a bad file is a usage error, reported with the file's name. */
    static CsvMapping load(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file + ": a CSV mapping file of more than 1 MiB");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_FILE_BYTES);
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (YAMLException e) {
            throw new IOException(file + ": not a readable CSV mapping: " + e.getMessage(), e);
        }
        if (root != null && !(root instanceof Map)) {
            throw new IOException(file + ": a CSV mapping is a map with 'time' and 'columns'");
        }
        Map<?, ?> map = root == null ? Map.of() : (Map<?, ?>) root;
        Map<String, String> columns = new LinkedHashMap<>();
        if (map.get("columns") instanceof Map<?, ?> given) {
            given.forEach((column, field) -> columns.put(CsvHeader.key(String.valueOf(column)), String.valueOf(field)));
        } else if (map.containsKey("columns")) {
            throw new IOException(file + ": 'columns' must map column names to field names");
        }
        String column = null;
        String format = null;
        if (map.get("time") instanceof Map<?, ?> time) {
            column = time.get("column") == null ? null : String.valueOf(time.get("column"));
            format = time.get("format") == null ? null : String.valueOf(time.get("format"));
        }
        return new CsvMapping(columns, column, format);
    }

    String timeColumn() {
        return timeColumn;
    }

    String timeFormat() {
        return timeFormat;
    }

    /** The field name for a column: the mapping file's, else a built-in System name, else the header itself. */
    String fieldFor(String header) {
        String key = CsvHeader.key(header);
        String mapped = columns.get(key);
        if (mapped != null) {
            return mapped;
        }
        for (Map.Entry<String, List<String>> entry : BUILT_IN.entrySet()) {
            for (String alias : entry.getValue()) {
                if (CsvHeader.key(alias).equals(key)) {
                    return entry.getKey();
                }
            }
        }
        return header;
    }
}
