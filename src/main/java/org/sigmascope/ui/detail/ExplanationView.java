package org.sigmascope.ui.detail;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Match;

/**
 * "Why it matched": for each detection on the event, the selections of its rule that held and, in each, the field,
 * the modifiers, the rule's value (and what was really compared, for base64 and the like) and the event's value
 * with the part that matched highlighted. A correlation hit says what it is made of and opens its events.
 */
final class ExplanationView {
    /** Event values longer than this are cut around the match, so a 30 KB script block stays readable. */
    static final int CONTEXT = 240;

    private final VBox content = new VBox(10);
    private final ScrollPane root = new ScrollPane(content);
    private final Runnable openCorrelation;

    ExplanationView(Runnable openCorrelation) {
        this.openCorrelation = openCorrelation;
        root.setId("explanation");
        root.setFitToWidth(true);
        content.setPadding(new Insets(8));
    }

    Node root() {
        return root;
    }

    void show(List<Detection> detections) {
        content.getChildren().clear();
        if (detections.isEmpty()) {
            Label none = new Label("No rule fired on this event.");
            none.getStyleClass().add("empty-state");
            content.getChildren().add(none);
            return;
        }
        for (Detection detection : detections) {
            content.getChildren().add(block(detection));
        }
    }

    private Node block(Detection detection) {
        Label level = new Label(detection.rule().level().sigmaName());
        level.getStyleClass().addAll("level-badge", "level-" + detection.rule().level().sigmaName());
        Label title = new Label(detection.rule().title());
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        VBox box = new VBox(6, new HBox(8, level, title));
        box.getStyleClass().add("explanation-box");
        if (detection.correlation() != null) {
            Detection.CorrelationHit hit = detection.correlation();
            String group = hit.group().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .collect(Collectors.joining(", "));
            Label what = new Label(String.format("A correlation (%s) of %,d events%s.", hit.type(),
                    hit.eventIds().size(), group.isEmpty() ? "" : ", grouped by " + group));
            what.setWrapText(true);
            Button open = new Button("Open its events in the timeline");
            open.setId("openCorrelation");
            open.setOnAction(e -> openCorrelation.run());
            box.getChildren().addAll(what, open);
        }
        for (Match.SelectionHit selection : detection.match().selections()) {
            Text head = new Text(selection.selection() + "\n");
            head.getStyleClass().add("explanation-head");
            TextFlow flow = new TextFlow(head);
            for (Match.FieldHit hit : selection.fields()) {
                flow.getChildren().addAll(hitText(hit));
            }
            box.getChildren().add(flow);
        }
        return box;
    }

    /** {@code Image|endswith '\scrcons.exe'} then the event's value with the matched part highlighted. */
    static List<Text> hitText(Match.FieldHit hit) {
        StringBuilder rule = new StringBuilder("  ");
        rule.append(hit.field() == null ? "(keyword, any field)" : hit.field());
        hit.modifiers().forEach(m -> rule.append('|').append(m));
        rule.append(hit.modifiers().isEmpty() ? " = '" : " '").append(hit.ruleValue()).append('\'');
        if (hit.compared() != null) {
            rule.append("   compared as '").append(hit.compared()).append('\'');
        }
        rule.append("\n    event: ");
        Text ruleText = code(rule.toString());
        String value = hit.eventValue();
        if (value == null) {
            return List.of(ruleText, code("(the field is absent or null)\n"));
        }
        int start = hit.matchStart();
        int end = hit.matchEnd();
        if (start < 0 || end < start || end > value.length()) {
            Text whole = code(cut(value, 0, Math.min(value.length(), CONTEXT * 2)));
            whole.getStyleClass().setAll("explanation-match");
            return List.of(ruleText, whole, code("\n"));
        }
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(value.length(), end + CONTEXT);
        String before = (from > 0 ? "…" : "") + value.substring(from, start);
        Text match = new Text(value.substring(start, end));
        match.getStyleClass().add("explanation-match");
        Text after = code(value.substring(end, to) + (to < value.length() ? "…" : "") + "\n");
        // No empty Text in the flow: with one before it, the highlight's first characters were drawn unstyled.
        return before.isEmpty() ? List.of(ruleText, match, after) : List.of(ruleText, code(before), match, after);
    }

    private static String cut(String value, int from, int to) {
        return value.substring(from, to) + (to < value.length() ? "…" : "");
    }

    private static Text code(String text) {
        Text t = new Text(text);
        t.getStyleClass().add("explanation-text");
        return t;
    }

    /** The explanation as plain text, for copying. */
    static String plain(List<Detection> detections) {
        StringBuilder text = new StringBuilder();
        for (Detection detection : detections) {
            text.append(detection.rule().title()).append(" (").append(detection.rule().level().sigmaName())
                    .append(")\n");
            for (Match.SelectionHit selection : detection.match().selections()) {
                text.append(selection.selection()).append('\n');
                for (Match.FieldHit hit : selection.fields()) {
                    hitText(hit).forEach(t -> text.append(t.getText()));
                }
            }
            if (detection.correlation() != null) {
                Map<String, String> group = detection.correlation().group();
                text.append("correlation ").append(detection.correlation().type()).append(' ').append(group)
                        .append(": events ").append(detection.correlation().eventIds()).append('\n');
            }
        }
        return text.toString();
    }
}
