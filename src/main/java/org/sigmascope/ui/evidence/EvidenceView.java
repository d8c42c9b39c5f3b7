package org.sigmascope.ui.evidence;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.sigmascope.caseview.Gap;
import org.sigmascope.caseview.SourceProblems;
import org.sigmascope.store.SourceRow;
import org.sigmascope.ui.Dialogs;

/**
 * The evidence panel: one card per source — its name, status (with a progress bar while it is imported), format,
 * size, events, problems and gaps, and its SHA-256 — with the actions that apply: list its problems, resume or
 * roll back an interrupted import, copy its hash.
 */
public final class EvidenceView {
    /** What the panel's buttons ask of the app. */
    public interface Actions {
        void resume(int sourceId);

        void rollback(int sourceId, boolean force);

        /** Shows the context of an event in the timeline (a gap's). */
        void showEvent(long eventId);

        /** The gaps found in a source's logs. */
        List<Gap> gaps(int sourceId);
    }

    private final EvidenceViewModel model;
    private final Actions actions;
    private final VBox root = new VBox(4);

    public EvidenceView(EvidenceViewModel model, Actions actions) {
        this.model = model;
        this.actions = actions;
        Label summary = new Label();
        summary.setId("evidenceSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(model.summaryProperty());
        ListView<EvidenceItem> list = new ListView<>(model.items());
        list.setId("evidenceList");
        list.setCellFactory(l -> new Card());
        Label empty = new Label("No evidence in this case yet.\nDrop EVTX, JSON or CSV files or folders on the "
                + "window, or use File › Add evidence.");
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setPadding(new Insets(6));
        root.getChildren().addAll(summary, list);
        root.setId("evidencePanel");
    }

    public Parent root() {
        return root;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    static String size(long bytes) {
        if (bytes < 0) {
            return "size unknown";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format("%.1f %s", value, units[unit]);
    }

    /** The figures line: {@code evtx · 68.1 MB · 123,456 events · 2 unreadable · 1 warning · 3 gaps}. */
    static String figures(EvidenceItem item) {
        SourceRow s = item.source();
        StringBuilder text = new StringBuilder(s.format()).append(" · ").append(size(s.size()))
                .append(String.format(" · %,d events", item.events()));
        if (s.failed() > 0) {
            text.append(String.format(" · %,d unreadable", s.failed()));
        }
        if (s.chunksSkipped() > 0) {
            text.append(String.format(" · %,d chunks skipped", s.chunksSkipped()));
        }
        if (s.warnings() > 0) {
            text.append(String.format(" · %,d warning%s", s.warnings(), s.warnings() == 1 ? "" : "s"));
        }
        if (s.recovered() > 0) {
            text.append(String.format(" · %,d recovered from slack", s.recovered()));
        }
        if (item.gaps() > 0) {
            text.append(String.format(" · %,d gap%s", item.gaps(), item.gaps() == 1 ? "" : "s"));
        }
        return text.toString();
    }

    private void problems(EvidenceItem item) {
        model.problems(item.source().id(), list -> ProblemsDialog.show(window(), item, list),
                e -> Dialogs.failure(window(), "The problems could not be read", e.getMessage()));
    }

    private void rollback(EvidenceItem item) {
        int id = item.source().id();
        model.annotationsOn(id, annotations -> {
            String warning = annotations > 0 ? String.format(" You tagged, starred, noted or bookmarked %,d of its "
                    + "events: that work would be deleted too.", annotations) : "";
            if (Dialogs.confirm(window(), "Roll back the import of " + item.source().displayName() + "?",
                    String.format("Its %,d events and their detections will be removed from the case. The evidence "
                            + "file is not touched; you can import it again.", item.events()) + warning,
                    "Roll back")) {
                actions.rollback(id, annotations > 0);
            }
        });
    }

    private void gaps(EvidenceItem item) {
        GapsDialog.show(window(), item, actions.gaps(item.source().id()), actions::showEvent);
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A source's card. */
    private final class Card extends ListCell<EvidenceItem> {
        @Override
        protected void updateItem(EvidenceItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            SourceRow s = item.source();
            Label name = new Label(shortName(s.displayName()));
            name.getStyleClass().add("panel-title");
            name.setTooltip(new Tooltip(s.path()));
            name.setMinWidth(0);
            HBox.setHgrow(name, Priority.SOMETIMES);
            Label status = new Label(item.status());
            status.setMinWidth(Region.USE_PREF_SIZE);
            status.getStyleClass().add(item.source().interrupted() || item.hasProblems() ? "query-problem" : "muted");
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox top = new HBox(6, name, grow, status);
            top.setMinWidth(0);
            Label figures = new Label(figures(item));
            figures.setWrapText(true);
            figures.getStyleClass().add("muted");
            Label hash = new Label(s.sha256() == null ? "not hashed" : "SHA-256 " + s.sha256().substring(0,
                    Math.min(16, s.sha256().length())) + "…");
            hash.setTooltip(new Tooltip(s.sha256() == null ? "" : s.sha256()));
            hash.getStyleClass().addAll("muted", "code");
            VBox card = new VBox(2, top, figures, hash);
            if (item.progress() >= 0) {
                ProgressBar bar = new ProgressBar(item.progress());
                bar.setMaxWidth(Double.MAX_VALUE);
                card.getChildren().add(bar);
            }
            HBox buttons = new HBox(6);
            if (s.interrupted()) {
                Button resume = new Button("Resume");
                resume.setId("resume-" + s.id());
                resume.setOnAction(e -> actions.resume(s.id()));
                Button rollback = new Button("Roll back");
                rollback.setId("rollback-" + s.id());
                rollback.setOnAction(e -> rollback(item));
                buttons.getChildren().addAll(resume, rollback);
            }
            if (item.hasProblems()) {
                Button problems = new Button("Problems…");
                problems.setOnAction(e -> problems(item));
                buttons.getChildren().add(problems);
            }
            if (item.gaps() > 0) {
                Button gaps = new Button("Gaps…");
                gaps.setOnAction(e -> gaps(item));
                buttons.getChildren().add(gaps);
            }
            if (!buttons.getChildren().isEmpty()) {
                card.getChildren().add(buttons);
            }
            setGraphic(card);
            setPrefWidth(0);
            MenuItem copyHash = new MenuItem("Copy SHA-256");
            copyHash.setOnAction(e -> copy(s.sha256() == null ? "" : s.sha256()));
            MenuItem copyPath = new MenuItem("Copy path");
            copyPath.setOnAction(e -> copy(s.path()));
            MenuItem problems = new MenuItem("Problems…");
            problems.setOnAction(e -> problems(item));
            setContextMenu(new ContextMenu(copyHash, copyPath, problems));
        }
    }

    static String shortName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        if (slash < 0) {
            return path;
        }
        int parent = Math.max(path.lastIndexOf('/', slash - 1), path.lastIndexOf('\\', slash - 1));
        return path.substring(parent + 1);
    }

    /** How many problems a list has, for the dialog's title. */
    static String count(List<SourceProblems.Problem> problems) {
        long errors = problems.stream().filter(SourceProblems.Problem::error).count();
        return String.format("%,d error%s, %,d warning%s", errors, errors == 1 ? "" : "s", problems.size() - errors,
                problems.size() - errors == 1 ? "" : "s");
    }

    /** Opens the problems of the source with this id, if listed (for tests and the menu). */
    public void openProblems(int sourceId) {
        model.items().stream().filter(i -> i.source().id() == sourceId).findFirst().ifPresent(this::problems);
    }

    /** Shows the gaps of a source (the evidence panel's Gaps… button). */
    public void openGaps(int sourceId) {
        model.items().stream().filter(i -> i.source().id() == sourceId).findFirst().ifPresent(this::gaps);
    }
}
