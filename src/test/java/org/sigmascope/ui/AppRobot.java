package org.sigmascope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;

import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.sigmascope.ui.main.MainViewModel;
import org.sigmascope.ui.timeline.RowRef;

/**
 * Drives the real app in a robot test (headless Monocle): starts it with a Sigmascope folder of its own, clicks,
 * types, and waits for what the app does in the background.
 */
final class AppRobot extends FxRobot {
    private final Path home;
    private SigmascopeApp app;

    AppRobot(Path home) {
        this.home = home;
    }

    /** Starts the app with these command-line arguments. */
    AppRobot start(String... args) throws TimeoutException {
        System.setProperty("sigmascope.home", home.toString());
        System.setProperty("sigmascope.samples", "samples");
        FxToolkit.registerPrimaryStage();
        app = (SigmascopeApp) FxToolkit.setupApplication(SigmascopeApp.class, args);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    void stop() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        System.clearProperty("sigmascope.home");
        System.clearProperty("sigmascope.samples");
    }

    SigmascopeApp app() {
        return app;
    }

    MainViewModel model() {
        return app.model();
    }

    /** Waits until the condition holds (checked on the FX thread), up to a minute. */
    void until(String what, java.util.function.BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> FxTests.fx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what + " (status: "
                    + FxTests.fx(() -> model().statusProperty().get()) + "; the window as it was: "
                    + snapshot(what) + ")", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for a case to be open, no job to run, and the timeline's query to have run. */
    void idle() {
        until("the app is idle", () -> model().sessionProperty().get() != null && !model().busyProperty().get()
                && !model().openingProperty().get() && !model().timeline().countingProperty().get()
                && model().timeline().firstPageMillisProperty().get() >= 0);
    }

    /** Writes the window as it is to target/robot-failures/, for a failed wait; says where, or why not. */
    String snapshot(String what) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "robot-failures"));
            Path file = folder.resolve(what.replaceAll("[^A-Za-z0-9]+", "-") + ".png");
            Png.write(FxTests.fx(() -> javafx.stage.Window.getWindows().stream()
                    .filter(javafx.stage.Window::isShowing).findFirst().orElseThrow()), file);
            return file.toString();
        } catch (IOException | RuntimeException e) {
            return "not written: " + e;
        }
    }

    TableView<RowRef> timeline() {
        return lookup("#timelineTable").queryTableView();
    }

    long count() {
        return FxTests.fx(() -> model().timeline().countProperty().get());
    }

    /** A visible labelled node (a cell, a label) in a part of the window, by its text. */
    Optional<Node> text(String container, Predicate<String> text) {
        return lookup(container).lookup((Node n) -> n instanceof Labeled l && n.isVisible() && l.getText() != null
                && text.test(l.getText())).tryQuery();
    }

    Node waitForText(String container, Predicate<String> text, String what) {
        until(what, () -> text(container, text).isPresent());
        return text(container, text).orElseThrow();
    }
}
