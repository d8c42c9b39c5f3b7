package org.sigmascope.report.scan;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.sigmascope.model.Level;
import org.sigmascope.sigma.RuleSet;

/**
 * What a scan output may need besides the findings: for a report, the rules and how the scan was run.
 *
 * @param inputs      the evidence paths as given
 * @param rules       the loaded rules
 * @param ruleSources the rule sources as given ({@code builtin:windows/}, folders)
 * @param engine      the rule engine's name
 * @param minLevel    the level threshold of the scan
 * @param zone        the time zone reports print times in
 * @param outputFile  the output file, or {@code null} for standard output
 */
public record ScanContext(List<Path> inputs, RuleSet rules, List<String> ruleSources, String engine, Level minLevel,
                          ZoneId zone, Path outputFile) {
    public ScanContext {
        inputs = List.copyOf(inputs);
        ruleSources = List.copyOf(ruleSources);
    }
}
