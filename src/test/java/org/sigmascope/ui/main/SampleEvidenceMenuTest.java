package org.sigmascope.ui.main;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.sigmascope.ui.SigmascopeApp;

/** A new user's first minute: start the app with nothing, Help › Open the sample evidence, see the detections. */
class SampleEvidenceMenuTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private SigmascopeApp app;

    @BeforeEach
    void start() throws TimeoutException {
        System.setProperty("sigmascope.home", home.toString());
        System.setProperty("sigmascope.samples", "samples");
        FxToolkit.registerPrimaryStage();
        app = (SigmascopeApp) FxToolkit.setupApplication(SigmascopeApp.class);
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.clearProperty("sigmascope.home");
        System.clearProperty("sigmascope.samples");
    }

    @Test
    void theSampleEvidenceIsOneClickAway() throws TimeoutException {
        robot.clickOn("Help");
        robot.clickOn("Open the sample evidence");

        // The seed rule fires twice in the hand-written sample and four times in the generated one.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().detections().summaryProperty().get()
                .rules().stream().anyMatch(count -> count.label().equals("WMI Persistence - Script Event Consumer")
                        && count.count() == 6));
    }
}
