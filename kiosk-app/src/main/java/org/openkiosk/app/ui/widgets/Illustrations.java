package org.openkiosk.app.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;

/**
 * Vector drawings of the kiosk's front that show a citizen where to act: where the ID card goes, where the
 * scanner is, where the paper comes out. Drawn from shapes (no bitmaps), so they stay sharp at any size and
 * work without text in both languages. The real positions are the same on every kiosk model the hall buys:
 * reader and scanner on the shelf below the screen, A4 and receipt outlets below them.
 */
public final class Illustrations {

    static final double WIDTH = 320;
    static final double HEIGHT = 220;

    private static final Color BODY = Color.web("#c9d3df");
    private static final Color BODY_EDGE = Color.web("#5d6b7a");
    private static final Color SLOT = Color.web("#26313d");
    private static final Color ACCENT = Color.web("#0b5cab");
    private static final Color CARD = Color.web("#8ec5ff");
    private static final Color PAPER = Color.web("#ffffff");
    private static final Color BEAM = Color.web("#e53935");

    private Illustrations() {}

    /** The card being laid flat on the reader pad. */
    public static Drawing cardReader() {
        List<Node> s = new ArrayList<>(panel());
        Rectangle pad = rect(90, 140, 140, 56, SLOT, 8);
        Rectangle padMark = rect(100, 150, 120, 36, Color.web("#3f5d7a"), 6);
        Rectangle card = rect(110, 18, 100, 64, CARD, 8);
        card.setStroke(ACCENT);
        card.setStrokeWidth(3);
        Rectangle photo = rect(120, 30, 24, 30, Color.web("#e8f2fc"), 3);
        s.addAll(List.of(pad, padMark, card, photo, line(152, 36, 198, 36), line(152, 48, 198, 48),
                line(152, 60, 184, 60)));
        s.addAll(arrowDown(160, 92, 130));
        Drawing d = new Drawing(WIDTH, HEIGHT, s.toArray(Node[]::new));
        d.setId("illustration-card-reader");
        return d;
    }

    /** A phone or slip with a QR code held over the scanner window. */
    public static Drawing scanner() {
        List<Node> s = new ArrayList<>(panel());
        Rectangle window = rect(100, 150, 120, 44, SLOT, 8);
        Line beam = line(108, 172, 212, 172);
        beam.setStroke(BEAM);
        beam.setStrokeWidth(5);
        Rectangle phone = rect(128, 10, 64, 100, Color.web("#37474f"), 10);
        Rectangle screen = rect(134, 20, 52, 80, PAPER, 4);
        s.addAll(List.of(window, beam, phone, screen));
        s.addAll(qr(140, 34, 40));
        s.addAll(arrowDown(160, 114, 142));
        Drawing d = new Drawing(WIDTH, HEIGHT, s.toArray(Node[]::new));
        d.setId("illustration-scanner");
        return d;
    }

    /** Where printed paper comes out: the wide A4 outlet, or the narrow receipt/ticket outlet. */
    public static Drawing paperOut(boolean a4) {
        Rectangle body = rect(30, 8, 260, 130, BODY, 16);
        body.setStroke(BODY_EDGE);
        body.setStrokeWidth(3);
        Rectangle screen = rect(60, 24, 200, 60, Color.web("#3f5d7a"), 8);
        List<Node> s = new ArrayList<>(List.of(body, screen));
        double slotWidth = a4 ? 180 : 80;
        double x = (WIDTH - slotWidth) / 2;
        double paperWidth = slotWidth - 20;
        // the paper hangs out of the outlet below the front face, where the citizen takes it
        Rectangle paper = rect(x + 10, 112, paperWidth, a4 ? 100 : 80, PAPER, 2);
        paper.setStroke(BODY_EDGE);
        paper.setStrokeWidth(2);
        Rectangle slot = rect(x, 104, slotWidth, 14, SLOT, 6);
        s.addAll(List.of(paper, slot));
        for (int i = 0; i < 4; i++) {
            s.add(line(x + 22, 136 + i * 16, x + 22 + paperWidth * (i == 3 ? 0.4 : 0.7), 136 + i * 16));
        }
        s.addAll(arrowDown(x + slotWidth + 28, 110, 214));
        Drawing d = new Drawing(WIDTH, HEIGHT, s.toArray(Node[]::new));
        d.setId(a4 ? "illustration-a4-outlet" : "illustration-receipt-outlet");
        return d;
    }

    /** An outcome's words on the left, the drawing of where to act on the right. */
    public static javafx.scene.layout.HBox beside(Node words, Drawing drawing) {
        javafx.scene.layout.HBox.setHgrow(words, javafx.scene.layout.Priority.ALWAYS);
        drawing.setPrefSize(WIDTH * 1.5, HEIGHT * 1.5);
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(40, words, drawing);
        box.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        return box;
    }

    private static List<Node> panel() {
        Rectangle body = rect(30, 56, 260, 160, BODY, 16);
        body.setStroke(BODY_EDGE);
        body.setStrokeWidth(3);
        return List.of(body);
    }

    private static List<Node> arrowDown(double x, double fromY, double toY) {
        Line shaft = new Line(x, fromY, x, toY - 14);
        shaft.setStroke(ACCENT);
        shaft.setStrokeWidth(6);
        shaft.setStrokeLineCap(StrokeLineCap.ROUND);
        Polygon head = new Polygon(x - 14, toY - 18, x + 14, toY - 18, x, toY);
        head.setFill(ACCENT);
        return List.of(shaft, head);
    }

    private static List<Node> qr(double x, double y, double size) {
        List<Node> s = new ArrayList<>();
        double m = size / 7;
        for (double[] corner : new double[][] {{0, 0}, {4, 0}, {0, 4}}) {
            Rectangle finder = rect(x + corner[0] * m, y + corner[1] * m, 3 * m, 3 * m, SLOT, 0);
            s.add(finder);
        }
        int[][] modules = {{4, 4}, {5, 5}, {6, 4}, {4, 6}, {6, 6}, {5, 3}, {3, 5}};
        for (int[] mod : modules) {
            s.add(rect(x + mod[0] * m, y + mod[1] * m, m, m, SLOT, 0));
        }
        return s;
    }

    private static Rectangle rect(double x, double y, double w, double h, Color fill, double arc) {
        Rectangle r = new Rectangle(x, y, w, h);
        r.setFill(fill);
        r.setArcWidth(arc);
        r.setArcHeight(arc);
        return r;
    }

    private static Line line(double x1, double y1, double x2, double y2) {
        Line l = new Line(x1, y1, x2, y2);
        l.setStroke(BODY_EDGE);
        l.setStrokeWidth(3);
        l.setStrokeLineCap(StrokeLineCap.ROUND);
        return l;
    }
}
