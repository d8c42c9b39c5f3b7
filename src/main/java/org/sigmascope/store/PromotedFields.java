package org.sigmascope.store;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Event fields that the case also keeps as typed columns of their own, beside the complete field map.
 *
 * <p>DuckDB filters and groups a plain column of 10 million values in tens of milliseconds; pulling the same
 * value out of each event's JSON takes over a second (docs/benchmarks.md). So the fields analysts filter on most
 * get a column. The column holds exactly the field's text ({@code Image} → {@code image}), and the JSON keeps the
 * field too, so a client that only knows the JSON still sees everything.
 */
public final class PromotedFields {
    /** A promoted field: its Sigma name and its column. */
    public record Promoted(String field, String column) {
    }

    /** In column order. Changing this list changes the schema: it needs a migration. */
    public static final List<Promoted> ALL = List.of(
            new Promoted("Image", "image"),
            new Promoted("CommandLine", "command_line"),
            new Promoted("ParentImage", "parent_image"),
            new Promoted("ParentCommandLine", "parent_command_line"),
            new Promoted("User", "user_name"),
            new Promoted("ProcessId", "process_id"),
            new Promoted("ParentProcessId", "parent_process_id"),
            new Promoted("TargetFilename", "target_filename"),
            new Promoted("TargetObject", "target_object"),
            new Promoted("SubjectUserName", "subject_user_name"),
            new Promoted("TargetUserName", "target_user_name"),
            new Promoted("LogonType", "logon_type"),
            new Promoted("IpAddress", "ip_address"),
            new Promoted("DestinationIp", "destination_ip"),
            new Promoted("ServiceName", "service_name"));

    private PromotedFields() {
    }

    /** The promoted field of that name, compared ignoring case as the query language does. */
    public static Optional<Promoted> byField(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.field().toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }

    /** The column definitions, for the schema. */
    static String columnsDdl() {
        StringBuilder ddl = new StringBuilder();
        for (Promoted p : ALL) {
            ddl.append("    ").append(p.column()).append(" VARCHAR,              -- field ").append(p.field())
                    .append('\n');
        }
        return ddl.toString();
    }
}
