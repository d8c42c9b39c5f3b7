package org.sigmascope.report.html;

import java.util.Locale;
import java.util.Optional;

import org.sigmascope.model.RuleInfo;

/**
 * Who wrote each rule that fired, under which licence, and what it cites. SigmaHQ's Detection Rule License asks
 * that rule authors be credited wherever their rules' results are shown.
 */
final class AttributionSection {
    private AttributionSection() {
    }

    static void write(HtmlOut out, ReportView view) {
        if (view.byRule.isEmpty()) {
            Parts.empty(out, "No rule fired at this level threshold.");
            return;
        }
        Parts.note(out, "Every rule that fired, with its author and licence as the rule file states them. "
                + "Rules from SigmaHQ are published under the Detection Rule License (DRL) 1.1, which asks that "
                + "their authors be credited wherever their results are used.");
        out.open("table", "class", "attribution");
        Parts.headerRow(out, "Rule", "Author", "Licence", "Status", "File and document SHA-256", "References");
        out.open("tbody");
        for (ReportView.RuleRow row : view.byRule) {
            RuleInfo rule = row.rule();
            out.open("tr").open("td").element("b", rule.title()).empty("br")
                    .element("span", rule.id(), "class", "mono").close("td")
                    .element("td", rule.author().isEmpty() ? "not stated" : rule.author(), "class", "wrap")
                    .element("td", rule.license().isEmpty() ? "not stated in the rule" : rule.license(), "class",
                            "wrap")
                    .element("td", rule.status().isEmpty() ? "" : rule.status().toLowerCase(Locale.ROOT))
                    .open("td", "class", "wrap").element("span", rule.path(), "class", "mono").empty("br")
                    .element("span", view.data.rules().hashOf(rule.id()), "class", "hash").close("td")
                    .open("td", "class", "wrap");
            references(out, rule);
            out.close("td").close("tr");
        }
        out.close("tbody").close("table");
    }

    /** Links for http(s) references only; anything else stays text. */
    private static void references(HtmlOut out, RuleInfo rule) {
        out.open("ul", "class", "refs");
        for (String reference : rule.references()) {
            out.open("li");
            Optional<String> url = SafeUrl.http(reference);
            if (url.isPresent()) {
                out.element("a", reference, "href", url.get(), "rel", "noopener noreferrer");
            } else {
                out.text(reference);
            }
            out.close("li");
        }
        out.close("ul");
    }
}
