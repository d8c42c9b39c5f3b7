package org.sigmascope.ui.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.ui.rules.RuleSelection;

/**
 * The analyst's settings, kept in {@code settings.json} in the Sigmascope folder: how times are shown, the theme,
 * the rules, how evidence is read, the recent cases and the window's layout. Missing or unreadable values take
 * their defaults, so a settings file from an older or newer Sigmascope still opens.
 *
 * @param zone             the time zone times are shown in ({@code UTC}, {@code Europe/Berlin}, {@code +02:00})
 * @param theme            {@code light} or {@code dark}
 * @param ruleFolders      folders of Sigma rules loaded besides the built-in ones and the rule library
 * @param placeholders     the placeholders file for rules using {@code expand}, or {@code null}
 * @param includeRecovered whether records carved from EVTX slack space are imported
 * @param contextMinutes   the span of an event's context, either side
 * @param rules            which rules run
 * @param recentCases      case files opened lately, most recent first
 * @param window           the main window's place and dividers
 */
public record AppSettings(String zone, String theme, List<String> ruleFolders, String placeholders,
                          boolean includeRecovered, int contextMinutes, RuleSelection rules, List<String> recentCases,
                          WindowLayout window) {
    /** How many recent cases are remembered. */
    public static final int RECENT = 10;

    public AppSettings {
        zone = zone == null || zone.isBlank() ? "UTC" : zone;
        theme = "dark".equals(theme) ? "dark" : "light";
        ruleFolders = ruleFolders == null ? List.of() : List.copyOf(ruleFolders);
        placeholders = placeholders == null || placeholders.isBlank() ? null : placeholders;
        contextMinutes = contextMinutes <= 0 ? 5 : Math.min(contextMinutes, 24 * 60);
        rules = rules == null ? RuleSelection.defaults() : rules;
        recentCases = recentCases == null ? List.of() : List.copyOf(recentCases.subList(0,
                Math.min(RECENT, recentCases.size())));
        window = window == null ? WindowLayout.defaults() : window;
    }

    public static AppSettings defaults() {
        return new AppSettings(null, null, null, null, false, 5, null, null, null);
    }

    /** The zone to show times in; UTC when the setting names none Java knows. */
    public ZoneId zoneId() {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    public boolean dark() {
        return "dark".equals(theme);
    }

    public AppSettings withZone(String newZone) {
        return new AppSettings(newZone, theme, ruleFolders, placeholders, includeRecovered, contextMinutes, rules,
                recentCases, window);
    }

    public AppSettings withTheme(String newTheme) {
        return new AppSettings(zone, newTheme, ruleFolders, placeholders, includeRecovered, contextMinutes, rules,
                recentCases, window);
    }

    public AppSettings withRuleFolders(List<String> folders) {
        return new AppSettings(zone, theme, folders, placeholders, includeRecovered, contextMinutes, rules,
                recentCases, window);
    }

    public AppSettings withPlaceholders(String file) {
        return new AppSettings(zone, theme, ruleFolders, file, includeRecovered, contextMinutes, rules, recentCases,
                window);
    }

    public AppSettings withIncludeRecovered(boolean include) {
        return new AppSettings(zone, theme, ruleFolders, placeholders, include, contextMinutes, rules, recentCases,
                window);
    }

    public AppSettings withContextMinutes(int minutes) {
        return new AppSettings(zone, theme, ruleFolders, placeholders, includeRecovered, minutes, rules, recentCases,
                window);
    }

    public AppSettings withRules(RuleSelection selection) {
        return new AppSettings(zone, theme, ruleFolders, placeholders, includeRecovered, contextMinutes, selection,
                recentCases, window);
    }

    public AppSettings withWindow(WindowLayout layout) {
        return new AppSettings(zone, theme, ruleFolders, placeholders, includeRecovered, contextMinutes, rules,
                recentCases, layout);
    }

    /** These settings with a case put first among the recent ones. */
    public AppSettings withRecentCase(String caseFile) {
        List<String> recent = new ArrayList<>(recentCases);
        recent.remove(caseFile);
        recent.add(0, caseFile);
        return new AppSettings(zone, theme, ruleFolders, placeholders, includeRecovered, contextMinutes, rules, recent,
                window);
    }

    public AppSettings withoutRecentCase(String caseFile) {
        List<String> recent = new ArrayList<>(recentCases);
        recent.remove(caseFile);
        return new AppSettings(zone, theme, ruleFolders, placeholders, includeRecovered, contextMinutes, rules, recent,
                window);
    }
}
