package org.sigmascope.ui.rules;

import java.util.List;

import org.sigmascope.model.Level;
import org.sigmascope.model.RuleInfo;
import org.sigmascope.sigma.diagnostics.RuleStatus;

/**
 * A line of the rules view: a rule (or a rule file that did not load), what became of it, and what it found.
 *
 * @param info     the rule, or {@code null} for a document that did not load
 * @param status   loaded, not loadable, duplicate, or cannot fire, with why
 * @param source   the rule source it came from ({@code Built-in rules}, a folder, a library)
 * @param hits     its detections in the open case
 * @param costMs   matching time it took in the last scan, in ms, or -1 when not measured
 * @param enabled  whether it runs under the selection
 */
public record RuleRow(RuleInfo info, RuleStatus status, String source, long hits, double costMs, boolean enabled) {

    public String title() {
        return info != null ? info.title() : status.title() != null ? status.title() : status.path();
    }

    public Level level() {
        return info == null ? null : info.level();
    }

    public String ruleStatus() {
        return info == null ? "" : info.status();
    }

    public String product() {
        return info == null ? status.product() : info.product();
    }

    public List<String> tags() {
        return info == null ? List.of() : info.tags();
    }

    /** The state in words: {@code runs}, {@code off}, {@code cannot fire}, {@code not loadable}, {@code duplicate}. */
    public String state() {
        return switch (status.state()) {
            case NOT_LOADABLE -> "not loadable";
            case DUPLICATE -> "duplicate";
            case CANNOT_FIRE -> enabled ? "cannot fire" : "off";
            case LOADED -> enabled ? "runs" : "off";
        };
    }

    /** Why, in a sentence; warnings after it. */
    public String diagnostics() {
        StringBuilder text = new StringBuilder(status.reason());
        for (String warning : status.warnings()) {
            text.append(text.length() > 0 ? "; " : "").append("warning: ").append(warning);
        }
        return text.toString();
    }
}
