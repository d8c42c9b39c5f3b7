package org.sigmascope.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Version;
import org.sigmascope.workspace.Workspace;

/** The log goes to {@code logs/sigmascope.log} in the Sigmascope folder, with the stack traces, not to the console. */
class AppLogTest {
    @TempDir
    Path dir;
    private final Logger root = LogManager.getLogManager().getLogger("");
    private final Handler[] saved = root.getHandlers();
    private final Level savedLevel = root.getLevel();
    private final Thread.UncaughtExceptionHandler savedUncaught = Thread.getDefaultUncaughtExceptionHandler();

    @AfterEach
    void restoreLogging() {
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
            handler.close();
        }
        for (Handler handler : saved) {
            root.addHandler(handler);
        }
        root.setLevel(savedLevel);
        Thread.setDefaultUncaughtExceptionHandler(savedUncaught);
    }

    @Test
    void errorsGoToTheLogFileInTheWorkspace() throws IOException, InterruptedException {
        Path file = AppLog.install(new Workspace(dir), "test");

        assertEquals(dir.resolve("logs/sigmascope.log"), file);
        assertTrue(List.of(root.getHandlers()).stream().noneMatch(h -> h instanceof ConsoleHandler));
        Logger.getLogger("org.sigmascope.somewhere").log(Level.SEVERE, "import failed",
                new java.io.IOException("disk full"));
        Thread thread = new Thread(() -> {
            throw new IllegalStateException("escaped");
        }, "worker-7");
        thread.start();
        thread.join();

        String log = Files.readString(file);
        assertTrue(log.contains("Sigmascope " + Version.version() + " (commit "), log);
        assertTrue(log.contains("SEVERE org.sigmascope.somewhere: import failed\n  java.io.IOException: disk full"),
                log);
        assertTrue(log.contains("SEVERE uncaught: uncaught in thread worker-7\n  java.lang.IllegalStateException: "
                + "escaped"), log);
    }

    @Test
    void theLevelIsReadFromItsName() {
        assertEquals(Level.FINE, AppLog.level("fine"));
        assertEquals(Level.INFO, AppLog.level("chatty"));
        assertEquals(Level.INFO, AppLog.level(null));
    }
}
