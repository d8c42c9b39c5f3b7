package org.sigmascope.ui;

import javafx.util.StringConverter;

import org.sigmascope.model.Level;

/** Levels as Sigma writes them ({@code high}, not {@code HIGH}), for the choosers that offer a level. */
public final class LevelNames extends StringConverter<Level> {
    @Override
    public String toString(Level level) {
        return level == null ? "" : level.sigmaName();
    }

    @Override
    public Level fromString(String name) {
        return name == null ? null : Level.parse(name).orElse(null);
    }
}
