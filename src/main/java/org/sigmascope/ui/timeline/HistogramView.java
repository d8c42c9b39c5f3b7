package org.sigmascope.ui.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import org.sigmascope.store.timeline.Histogram;

/**
 * The events of the result over time, above the table: grey bars for all events, orange for those with detections
 * (scaled to their own maximum, so that a handful of detections among millions of events still shows). Drag across
 * it to keep a time range; click a bar to keep its bucket. The range becomes a chip, and the histogram zooms in.
 */
final class HistogramView {
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final double HEIGHT = 86;
    private static final double AXIS = 16;

    private final TimelineViewModel model;
    private final Pane root = new Pane();
    private final Rectangle brush = new Rectangle();
    private final Text hover = new Text();
    private double dragFrom = -1;

    HistogramView(TimelineViewModel model) {
        this.model = model;
        root.setId("histogram");
        root.getStyleClass().add("histogram");
        root.setPrefHeight(HEIGHT);
        root.setMinHeight(HEIGHT);
        root.setMaxHeight(HEIGHT);
        brush.getStyleClass().add("brush");
        brush.setVisible(false);
        brush.setMouseTransparent(true);
        hover.getStyleClass().add("axis-label");
        hover.setMouseTransparent(true);
        model.histogramProperty().addListener((o, old, h) -> draw());
        model.detectionHistogramProperty().addListener((o, old, h) -> draw());
        model.zoneProperty().addListener((o, old, z) -> draw());
        root.widthProperty().addListener((o, old, w) -> draw());
        root.setOnMousePressed(this::pressed);
        root.setOnMouseDragged(this::dragged);
        root.setOnMouseReleased(this::released);
        root.setOnMouseMoved(this::moved);
        root.setOnMouseExited(e -> hover.setText(""));
    }

    Node root() {
        return root;
    }

    private double plotWidth() {
        return Math.max(1, root.getWidth() - 8);
    }

    private void draw() {
        root.getChildren().clear();
        Histogram all = model.histogramProperty().get();
        double width = plotWidth();
        double plot = HEIGHT - AXIS - 4;
        if (all == null || all.counts().length == 0) {
            Text empty = new Text(8, HEIGHT / 2, all == null ? "" : "No events with a time in this result.");
            empty.getStyleClass().add("axis-label");
            root.getChildren().add(empty);
            return;
        }
        long[] counts = all.counts();
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        double bar = width / counts.length;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                double h = Math.max(1, plot * counts[i] / max);
                Rectangle r = new Rectangle(4 + i * bar, 4 + plot - h, Math.max(1, bar - 1), h);
                r.getStyleClass().add("bar");
                root.getChildren().add(r);
            }
        }
        Histogram detected = model.detectionHistogramProperty().get();
        if (detected != null && detected.counts().length == counts.length) {
            long dmax = 1;
            for (long c : detected.counts()) {
                dmax = Math.max(dmax, c);
            }
            for (int i = 0; i < counts.length; i++) {
                long c = detected.counts()[i];
                if (c > 0) {
                    double h = Math.max(3, plot * 0.45 * c / dmax);
                    Rectangle r = new Rectangle(4 + i * bar, 4 + plot - h, Math.max(2, bar - 1), h);
                    r.getStyleClass().add("bar-detected");
                    root.getChildren().add(r);
                }
            }
        }
        Instant end = all.bucketStart(counts.length);
        label(4, HEIGHT - 3, format(all.start()));
        Text right = label(0, HEIGHT - 3, format(end));
        right.setX(Math.max(4, width + 4 - right.getLayoutBounds().getWidth()));
        Text scale = label(0, 13, String.format("%,d per %s", max, words(all.width())));
        scale.setX(Math.max(4, width + 4 - scale.getLayoutBounds().getWidth()));
        hover.setX(8);
        hover.setY(13);
        root.getChildren().addAll(brush, hover);
    }

    private Text label(double x, double y, String text) {
        Text label = new Text(x, y, text);
        label.getStyleClass().add("axis-label");
        label.setMouseTransparent(true);
        root.getChildren().add(label);
        return label;
    }

    private String format(Instant instant) {
        return LABEL.format(instant.atZone(model.zoneProperty().get()));
    }

    static String words(Duration width) {
        if (width.toDays() > 0) {
            return width.toDays() + (width.toDays() == 1 ? " day" : " days");
        }
        if (width.toHours() > 0) {
            return width.toHours() + " h";
        }
        if (width.toMinutes() > 0) {
            return width.toMinutes() + " min";
        }
        if (width.toSeconds() > 0) {
            return width.toSeconds() + " s";
        }
        return width.toMillis() + " ms";
    }

    /** The time at x, in the histogram's range. */
    private Instant timeAt(Histogram h, double x) {
        double fraction = Math.max(0, Math.min(1, (x - 4) / plotWidth()));
        long span = h.width().toNanos() * h.counts().length;
        return h.start().plusNanos((long) (fraction * span));
    }

    private int bucketAt(Histogram h, double x) {
        return (int) Math.max(0, Math.min(h.counts().length - 1, (x - 4) / plotWidth() * h.counts().length));
    }

    private void pressed(MouseEvent e) {
        dragFrom = e.getX();
        brush.setVisible(false);
    }

    private void dragged(MouseEvent e) {
        if (dragFrom < 0) {
            return;
        }
        brush.setX(Math.min(dragFrom, e.getX()));
        brush.setY(2);
        brush.setWidth(Math.abs(e.getX() - dragFrom));
        brush.setHeight(HEIGHT - AXIS);
        brush.setVisible(true);
    }

    private void released(MouseEvent e) {
        Histogram h = model.histogramProperty().get();
        double from = dragFrom;
        dragFrom = -1;
        brush.setVisible(false);
        if (h == null || h.counts().length == 0 || from < 0) {
            return;
        }
        if (Math.abs(e.getX() - from) < 3) {
            int i = bucketAt(h, e.getX());
            model.selectTimeRange(h.bucketStart(i), h.bucketStart(i + 1).minusNanos(100));
        } else {
            model.selectTimeRange(timeAt(h, Math.min(from, e.getX())), timeAt(h, Math.max(from, e.getX())));
        }
    }

    private void moved(MouseEvent e) {
        Histogram h = model.histogramProperty().get();
        if (h == null || h.counts().length == 0) {
            return;
        }
        int i = bucketAt(h, e.getX());
        Histogram detected = model.detectionHistogramProperty().get();
        long d = detected != null && detected.counts().length > i ? detected.counts()[i] : 0;
        hover.setText(String.format("%s  +%s:  %,d events%s", format(h.bucketStart(i)), words(h.width()),
                h.counts()[i], d > 0 ? String.format(", %,d with detections", d) : ""));
    }
}
