package org.sigmascope.report.model;

/** The sections of the HTML report, in the order they appear. */
public enum Section {
    CASE("case", "Case"),
    EVIDENCE("evidence", "Evidence"),
    PROVENANCE("provenance", "Tool and rules"),
    SUMMARY("summary", "Summary"),
    TIMELINE("timeline", "Timeline of detections"),
    DETECTIONS("detections", "Detections"),
    PROCESS_TREES("process-trees", "Process trees"),
    TAGGED_EVENTS("tagged-events", "Tagged events and notes"),
    ATTRIBUTION("attribution", "Rule attribution");

    private final String anchor;
    private final String title;

    Section(String anchor, String title) {
        this.anchor = anchor;
        this.title = title;
    }

    /** The element id of the section (and its name on the command line). */
    public String anchor() {
        return anchor;
    }

    public String title() {
        return title;
    }

    /** A section by its anchor name ({@code process-trees}), case-insensitive. */
    public static java.util.Optional<Section> parse(String name) {
        for (Section section : values()) {
            if (section.anchor.equalsIgnoreCase(name.trim())) {
                return java.util.Optional.of(section);
            }
        }
        return java.util.Optional.empty();
    }
}
