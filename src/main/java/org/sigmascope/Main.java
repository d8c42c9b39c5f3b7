package org.sigmascope;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.sigmascope.cli.SigmascopeCommand;
import org.sigmascope.logging.AppLog;
import org.sigmascope.ui.DesktopLauncher;
import org.sigmascope.workspace.Workspace;

/**
 * Entry point. With no arguments, or with only evidence paths ({@code sigmascope samples/}), opens the desktop
 * app; otherwise runs the command line. This class does not touch JavaFX itself, so the command line works where
 * no display is available.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean app = opensApp(args);
        AppLog.install(Workspace.fromEnvironment(), app ? "app" : "command " + args[0]);
        if (app) {
            DesktopLauncher.launch(args);
            return;
        }
        System.exit(SigmascopeCommand.run(args, System.out, System.err));
    }

    static boolean opensApp(String[] args) {
        return Arrays.stream(args).allMatch(arg -> !arg.startsWith("-") && !SigmascopeCommand.isCommand(arg)
                && Files.exists(Path.of(arg)));
    }
}
