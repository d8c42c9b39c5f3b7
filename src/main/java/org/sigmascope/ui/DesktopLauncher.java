package org.sigmascope.ui;

import javafx.application.Application;

/**
 * Starts the desktop app. A class of its own, not the {@link Application} subclass, so the app starts from a
 * plain class path jar (JavaFX refuses to launch an Application main class that is not on the module path).
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /** @param args evidence files or folders to open at start */
    public static void launch(String[] args) {
        Application.launch(SigmascopeApp.class, args);
    }
}
