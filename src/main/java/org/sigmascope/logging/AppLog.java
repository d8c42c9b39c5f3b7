package org.sigmascope.logging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import org.sigmascope.Version;
import org.sigmascope.workspace.Workspace;

/**
 * Sends the application's log (java.util.logging, which JavaFX also logs through) to
 * {@code logs/sigmascope.log} in the analyst's Sigmascope folder, rotated at 5 MiB with four older files kept.
 * Errors are written there with their stack traces; the app and the command line show the analyst a sentence.
 *
 * <p>Nothing is printed on the console: the command line's stderr carries progress and diagnostics only. A
 * {@code java.util.logging.config.file} given by the analyst takes precedence over all of this; the system
 * property {@code sigmascope.log.level} (e.g. {@code FINE}) sets the level.
 */
public final class AppLog {
    public static final long LIMIT_BYTES = 5L * 1024 * 1024;
    public static final int KEEP = 4;
    private static final Logger LOG = Logger.getLogger(AppLog.class.getName());
    private static volatile Path installed;

    private AppLog() {
    }

    /** The log file of a workspace. */
    public static Path file(Workspace workspace) {
        return workspace.home().resolve("logs").resolve("sigmascope.log");
    }

    /**
     * Configures logging for this process and logs the start; call once, first thing in {@code main}.
     *
     * @param what what is starting, for the first record ("app", "scan", …)
     * @return the log file, or {@code null} if the analyst's own logging configuration is in use or the file
     *         cannot be opened (then the JDK's console logging stays as it was)
     */
    public static Path install(Workspace workspace, String what) {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return null;
        }
        Path file = file(workspace);
        Handler handler;
        try {
            handler = new RotatingFileHandler(file, LIMIT_BYTES, KEEP);
        } catch (IOException e) {
            return null;
        }
        Level level = level(System.getProperty("sigmascope.log.level"));
        handler.setLevel(level);
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler existing : root.getHandlers()) {
            if (existing instanceof ConsoleHandler) {
                root.removeHandler(existing);
            }
        }
        root.addHandler(handler);
        root.setLevel(level);
        installed = file;
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                Logger.getLogger("uncaught").log(Level.SEVERE, "uncaught in thread " + thread.getName(), e));
        LOG.info(() -> String.format("Sigmascope %s (commit %s%s, built %s) %s, pid %d, Java %s, %s %s",
                Version.version(), Version.commit(), Version.modifiedTree() ? ", modified" : "", Version.built(),
                what, ProcessHandle.current().pid(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch")));
        return file;
    }

    /** The log file this process writes, if {@link #install} set one up. */
    public static java.util.Optional<Path> current() {
        return java.util.Optional.ofNullable(installed);
    }

    static Level level(String name) {
        if (name == null) {
            return Level.INFO;
        }
        try {
            return Level.parse(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
