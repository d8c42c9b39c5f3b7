package org.sigmascope.report.html;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.report.model.RuleSetIdentity;
import org.sigmascope.report.model.ToolInfo;

/** What made the findings: the tool's version and the identity of the rule set, so they can be reproduced. */
final class ProvenanceSection {
    private ProvenanceSection() {
    }

    static void write(HtmlOut out, ReportView view) {
        ToolInfo tool = view.data.tool();
        RuleSetIdentity rules = view.data.rules();
        List<String> facts = new ArrayList<>(List.of(
                "Tool", tool.name() + " " + tool.version(),
                "Rule engine", tool.engine(),
                "Java runtime", tool.runtime(),
                "Rules loaded", Integer.toString(rules.loaded()),
                "Rules that failed to load", Integer.toString(rules.failed()),
                "Rule set SHA-256", rules.sha256()));
        facts.add("Rule sources");
        facts.add(String.join("\n", rules.sources()));
        Parts.facts(out, facts);
        Parts.note(out, "The rule set hash is the SHA-256 of a listing with one line per loaded rule, sorted: the "
                + "SHA-256 of the rule's YAML document, two spaces, and the rule's id. The same rules give the same "
                + "hash in any order and from any folder; any edit to a rule changes it.");
    }
}
