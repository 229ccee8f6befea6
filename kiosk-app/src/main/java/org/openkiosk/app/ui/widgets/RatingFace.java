package org.openkiosk.app.ui.widgets;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.QuadCurve;
import javafx.scene.shape.StrokeLineCap;

/**
 * A coloured face for one of the five satisfaction levels (好差评): green and smiling at the top, red and
 * frowning at the bottom. The colour is a second cue only: every face has its level's words below it.
 */
public final class RatingFace {

    /** Face colours from the best level (index 0) to the worst (index 4). */
    static final Color[] COLOURS = {
        Color.web("#1b7f3a"), Color.web("#5a9e2f"), Color.web("#d4a20f"), Color.web("#e0701f"), Color.web("#c62828")};

    private RatingFace() {}

    /**
     * @param rank 0 (very satisfied) … 4 (very dissatisfied)
     * @param size diameter in pixels
     */
    public static Node of(int rank, double size) {
        if (rank < 0 || rank >= COLOURS.length) {
            throw new IllegalArgumentException("rank " + rank);
        }
        double r = size / 2;
        Circle face = new Circle(r, r, r - 2, COLOURS[rank]);
        face.setStroke(COLOURS[rank].darker());
        face.setStrokeWidth(3);
        Color features = Color.web("#1b1b1b");
        Circle leftEye = new Circle(r * 0.62, r * 0.72, r * 0.11, features);
        Circle rightEye = new Circle(r * 1.38, r * 0.72, r * 0.11, features);
        // the mouth bends from a broad smile (rank 0) through a straight line (rank 2) to a frown (rank 4)
        double bend = (2 - rank) * 0.22 * r;
        double mouthY = r * 1.32 - bend / 4;
        QuadCurve mouth = new QuadCurve(r * 0.55, mouthY, r, mouthY + bend, r * 1.45, mouthY);
        mouth.setFill(null);
        mouth.setStroke(features);
        mouth.setStrokeWidth(Math.max(3, size / 22));
        mouth.setStrokeLineCap(StrokeLineCap.ROUND);
        Group g = new Group(face, leftEye, rightEye, mouth);
        g.setMouseTransparent(true);
        return g;
    }
}
