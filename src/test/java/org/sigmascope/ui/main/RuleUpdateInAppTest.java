package org.sigmascope.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.sigmascope.rulelibrary.update.RuleArchives;
import org.sigmascope.ui.BackgroundTasks;
import org.sigmascope.workspace.Workspace;

/** The app's Rules › Update: the library is updated in the background, and the next import uses it. */
class RuleUpdateInAppTest {
    private static final String CRADLE = "PowerShell Download and Execution Cradles";

    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private MainViewModel model;

    @BeforeEach
    void start() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        model = new MainViewModel(new Workspace(home), new BackgroundTasks());
    }

    @AfterEach
    void stop() {
        robot.interact(model::close);
    }

    private void waitForIdle() throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anUpdatedLibraryIsUsedByTheNextImport() throws TimeoutException {
        Path zip = RuleArchives.create()
                .corpusFile("rules/windows/process_creation/proc_creation_win_powershell_download_iex.yml")
                .write(home.resolve("rules.zip"));

        robot.interact(() -> model.updateRules(zip.toString()));
        waitForIdle();

        assertEquals("Rule library 'sigmahq' updated: 1 rules installed. New imports use it.",
                model.statusProperty().get());
        robot.interact(() -> model.openEvidence(List.of(Path.of("samples/wmi-persistence"))));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.sessionProperty().get() != null);
        waitForIdle();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.detections().summaryProperty().get().rules()
                .stream().anyMatch(count -> count.label().equals(CRADLE)));
        // The summary can show the rule's first detections before the import has ended and said so.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("Imported"));
        assertTrue(model.statusProperty().get().contains("detections"), model.statusProperty().get());
    }

    @Test
    void aRefusedUpdateSaysSoInTheStatusBar() throws Exception {
        Path notZip = Files.writeString(home.resolve("rules.zip"), "not a zip");

        robot.interact(() -> model.updateRules(notZip.toString()));
        waitForIdle();

        String status = model.statusProperty().get();
        assertTrue(status.startsWith("Rule update refused: " + notZip + ": not a valid zip archive"), status);
        assertTrue(status.endsWith("The rules in use are unchanged."), status);
    }
}
