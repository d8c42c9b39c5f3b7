package org.sigmascope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.TableView;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.sigmascope.ui.timeline.RowRef;

class MainWindowTest {
    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private SigmascopeApp app;

    @BeforeEach
    void start() throws TimeoutException {
        System.setProperty("sigmascope.home", home.toString());
        FxToolkit.registerPrimaryStage();
        app = (SigmascopeApp) FxToolkit.setupApplication(SigmascopeApp.class, "samples/wmi-persistence");
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.clearProperty("sigmascope.home");
    }

    @Test
    void debug() throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().sessionProperty().get() != null
                && !app.model().busyProperty().get());
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        TableView<RowRef> table = robot.lookup("#timelineTable").queryTableView();
        System.out.println("STATUS " + app.model().statusProperty().get() + " ITEMS " + table.getItems().size() + " " + table.getItems() + " model "
                + app.model().timeline().rowsProperty().get().size() + " count " + app.model().timeline().countProperty().get()
                + " same " + (table.getItems() == app.model().timeline().rowsProperty().get()));
        System.out.println("VIEWTABLE " + (app.view().timeline().table() == table) + " items "
                + app.view().timeline().table().getItems().size() + " lookups " + robot.lookup("#timelineTable").queryAll().size());
        assertEquals(2, table.getItems().size());
    }
}
