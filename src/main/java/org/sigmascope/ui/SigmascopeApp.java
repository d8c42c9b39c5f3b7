package org.sigmascope.ui;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.sigmascope.ui.main.MainView;
import org.sigmascope.ui.main.MainViewModel;
import org.sigmascope.ui.probe.FxStallProbe;
import org.sigmascope.ui.settings.AppSettings;
import org.sigmascope.ui.settings.WindowLayout;
import org.sigmascope.workspace.Workspace;

/**
 * The JavaFX application: one main window, placed and divided as the analyst left it, in the theme chosen. Files
 * given on the command line are opened (a case file opens the case; evidence starts a new case).
 */
public final class SigmascopeApp extends Application {
    private MainViewModel model;
    private MainView view;
    private FxStallProbe probe;
    private Stage stage;

    @Override
    public void start(Stage primary) {
        stage = primary;
        probe = new FxStallProbe().start();
        model = new MainViewModel(Workspace.fromEnvironment(), new BackgroundTasks(), probe);
        view = new MainView(model, stage, url -> getHostServices().showDocument(url));
        WindowLayout layout = model.settingsProperty().get().window();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double width = Math.min(layout.width(), screen.getWidth());
        double height = Math.min(layout.height(), screen.getHeight());
        Scene scene = new Scene(view.root(), width, height);
        Theme.apply(scene, model.settingsProperty().get().dark());
        model.settingsProperty().addListener((o, old, s) -> Theme.apply(scene, s.dark()));
        stage.setScene(scene);
        // The stage may have been shown before (a second start in one JVM, in tests): it keeps its old size
        // unless told, and a new scene does not resize it.
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        if (!Double.isNaN(layout.x()) && !Double.isNaN(layout.y()) && screen.contains(layout.x() + 40,
                layout.y() + 20)) {
            stage.setX(layout.x());
            stage.setY(layout.y());
        }
        stage.setMaximized(layout.maximized());
        stage.show();
        List<Path> initial = getParameters().getUnnamed().stream().map(Path::of).toList();
        if (!initial.isEmpty()) {
            model.openPaths(initial);
        }
    }

    /** The main view, for tests and the screenshot script. */
    public MainView view() {
        return view;
    }

    public MainViewModel model() {
        return model;
    }

    @Override
    public void stop() {
        if (model != null) {
            AppSettings settings = model.settingsProperty().get();
            double[] dividers = view.dividerPositions();
            boolean maximized = stage.isMaximized();
            WindowLayout layout = new WindowLayout(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    maximized, dividers.length > 0 ? dividers[0] : 0.2, dividers.length > 1 ? dividers[1] : 0.7);
            model.saveSettingsNow(settings.withWindow(layout));
            model.close();
        }
        if (probe != null) {
            probe.close();
        }
    }
}
