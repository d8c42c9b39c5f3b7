package org.sigmascope.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The timeline's columns: the built-in ones (time, level, rule titles, computer, channel, event id, image, command
 * line, user, process ids …) and those of any event field, and which show by default.
 */
public final class Columns {
    public static final List<ColumnSpec> BUILT_IN = List.of(
            new ColumnSpec("flags", "", List.of(), null, 44),
            new ColumnSpec("time", "Time", List.of("time"), null, 222),
            new ColumnSpec("level", "Level", List.of(), "level", 72),
            new ColumnSpec("rules", "Rule", List.of(), "rule", 240),
            new ColumnSpec("computer", "Computer", List.of("Computer"), "Computer", 140),
            new ColumnSpec("channel", "Channel", List.of("Channel"), "Channel", 170),
            new ColumnSpec("eventId", "Event ID", List.of("EventID"), "EventID", 70),
            new ColumnSpec("image", "Image", List.of("Image", "NewProcessName"), "Image", 240),
            new ColumnSpec("commandLine", "Command line", List.of("CommandLine"), "CommandLine", 360),
            new ColumnSpec("user", "User", List.of("User", "TargetUserName", "SubjectUserName"), "User", 150),
            new ColumnSpec("pid", "PID", List.of("ProcessId", "NewProcessId"), "ProcessId", 64),
            new ColumnSpec("ppid", "Parent PID", List.of("ParentProcessId"), "ParentProcessId", 76),
            new ColumnSpec("parentImage", "Parent image", List.of("ParentImage", "ParentProcessName"),
                    "ParentImage", 220),
            new ColumnSpec("tags", "Tags", List.of(), "tag", 120),
            new ColumnSpec("recordId", "Record ID", List.of("EventRecordID"), "EventRecordID", 80),
            new ColumnSpec("provider", "Provider", List.of("Provider_Name"), "Provider_Name", 200),
            new ColumnSpec("source", "Source", List.of(), "source", 220));

    /** Shown in a case that has no layout of its own. */
    public static final List<String> DEFAULT_VISIBLE = List.of("flags", "time", "level", "rules", "computer",
            "eventId", "image", "commandLine", "user", "pid", "ppid", "channel", "tags");

    private Columns() {
    }

    /** A column by id: built in, or {@code field:Name}. */
    public static Optional<ColumnSpec> byId(String id) {
        for (ColumnSpec spec : BUILT_IN) {
            if (spec.id().equals(id)) {
                return Optional.of(spec);
            }
        }
        if (id.startsWith("field:") && id.length() > "field:".length()) {
            return Optional.of(ColumnSpec.field(id.substring("field:".length())));
        }
        return Optional.empty();
    }

    public static List<ColumnSpec> defaults() {
        List<ColumnSpec> columns = new ArrayList<>();
        DEFAULT_VISIBLE.forEach(id -> byId(id).ifPresent(columns::add));
        return columns;
    }
}
