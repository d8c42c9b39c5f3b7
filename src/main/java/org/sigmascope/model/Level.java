package org.sigmascope.model;

import java.util.Locale;
import java.util.Optional;

/** Sigma rule levels, ordered from least to most severe. */
public enum Level {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case name Sigma uses in rule files. */
    public String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a Sigma level name, also accepting the abbreviations other tools print ({@code info}, {@code med}, {@code crit}). */
    public static Optional<Level> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "informational", "info" -> Optional.of(INFORMATIONAL);
            case "low" -> Optional.of(LOW);
            case "medium", "med" -> Optional.of(MEDIUM);
            case "high" -> Optional.of(HIGH);
            case "critical", "crit" -> Optional.of(CRITICAL);
            default -> Optional.empty();
        };
    }

    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }
}
