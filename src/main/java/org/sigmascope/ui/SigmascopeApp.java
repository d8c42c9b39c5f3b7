package org.sigmascope.ui;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.sigmascope.Version;
import org.sigmascope.ui.main.MainView;
import org.sigmascope.ui.main.MainViewModel;
import org.sigmascope.workspace.Workspace;

/** The JavaFX application: one main window. */
public final class SigmascopeApp extends Application {
    private MainViewModel model;

    @Override
    public void start(Stage stage) {
        model = new MainViewModel(Workspace.fromEnvironment(), new BackgroundTasks());
        MainView view = new MainView(model, stage);
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(SigmascopeApp.class.getResource("sigmascope.css").toExternalForm());
        stage.setTitle("Sigmascope " + Version.version());
        stage.setScene(scene);
        stage.show();
        List<Path> initial = getParameters().getUnnamed().stream().map(Path::of).toList();
        if (!initial.isEmpty()) {
            model.openEvidence(initial);
        }
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
    }
}
