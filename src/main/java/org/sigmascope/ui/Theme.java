package org.sigmascope.ui;

import javafx.scene.Scene;

/** The app's style sheets: the light theme, and the dark one on top of it. */
public final class Theme {
    private static final String LIGHT = Theme.class.getResource("sigmascope.css").toExternalForm();
    private static final String DARK = Theme.class.getResource("dark.css").toExternalForm();

    private Theme() {
    }

    /** Styles a scene (the main window's or a dialog's) in the light or the dark theme. */
    public static void apply(Scene scene, boolean dark) {
        scene.getStylesheets().removeAll(LIGHT, DARK);
        scene.getStylesheets().add(LIGHT);
        if (dark) {
            scene.getStylesheets().add(DARK);
        }
    }
}
