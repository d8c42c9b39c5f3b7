package org.sigmascope.report.model;

import org.sigmascope.Version;

/**
 * The software that made the findings, so that a colleague can reproduce them.
 *
 * @param name    {@code Sigmascope}
 * @param version the application version ({@link Version#version()})
 * @param engine  the rule engine that matched ({@code reference}, {@code compiled}), or {@code ""}
 * @param runtime the Java runtime, e.g. {@code "17.0.15 (Debian)"}
 */
public record ToolInfo(String name, String version, String engine, String runtime) {
    public ToolInfo {
        engine = CaseDetails.orEmpty(engine);
        runtime = CaseDetails.orEmpty(runtime);
    }

    /** This running Sigmascope. */
    public static ToolInfo current(String engine) {
        return new ToolInfo("Sigmascope", Version.version(), engine,
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    }
}
