package org.openkiosk.app.ui.screens.identify;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Rectangle;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.face.CameraPreview;
import org.openkiosk.device.face.FaceVerifier;
import org.openkiosk.device.face.PreviewFrame;

/**
 * The face screen's live camera picture (ADR 0185), large and mirrored, with an oval to put the face in. The
 * camera is read and each frame decoded on the preview's own thread; this view only copies the latest decoded
 * frame into one image on the JavaFX thread, at most one paint waiting at a time (newer frames replace older ones
 * there, nothing queues), and zeroes the frame after the copy. {@link #stop()} never blocks; it also paints the
 * picture over, so the last face does not stay in the image.
 */
public final class FacePreview extends StackPane {

    /** The box the camera picture fits in: normal and elder mode (larger). */
    static final int WIDTH = 480;
    static final int HEIGHT = 360;
    static final int ELDER_WIDTH = 640;
    static final int ELDER_HEIGHT = 480;
    private static final Color BLANK = Color.rgb(40, 44, 52);

    private final ImageView view = new ImageView();
    private final Rectangle background = new Rectangle();
    private final Ellipse guide = new Ellipse();
    private final AtomicBoolean paintWaiting = new AtomicBoolean();
    private final ReadOnlyLongWrapper framesShown = new ReadOnlyLongWrapper(this, "framesShown");
    private final BooleanProperty elder;
    private final InvalidationListener resize = o -> resize();
    private WritableImage image;
    private CameraPreview preview;

    FacePreview(BooleanProperty elder) {
        this.elder = elder;
        setId("face-preview");
        getStyleClass().add("face-preview");
        setAlignment(Pos.CENTER);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        view.setId("face-preview-image");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        background.setId("face-preview-background");
        background.setFill(BLANK);
        background.setArcWidth(24);
        background.setArcHeight(24);
        guide.setId("face-guide");
        guide.getStyleClass().add("face-guide");
        guide.setFill(Color.TRANSPARENT);
        guide.setMouseTransparent(true);
        getChildren().addAll(background, view, guide);
        elder.addListener(new javafx.beans.WeakInvalidationListener(resize));
        sceneProperty().addListener((o, before, scene) -> {
            if (before != null) {
                before.heightProperty().removeListener(resize);
            }
            if (scene != null) {
                scene.heightProperty().addListener(resize);
            }
            resize();
        });
        resize();
    }

    /** Frames painted so far (for tests). */
    public ReadOnlyLongProperty framesShownProperty() {
        return framesShown.getReadOnlyProperty();
    }

    /** The running preview, or null (for tests). */
    public CameraPreview preview() {
        return preview;
    }

    /** Starts the camera picture; returns at once (the camera opens on the preview's thread). */
    void start(FaceVerifier verifier) throws DeviceException {
        stop();
        boolean large = elder.get();
        preview = verifier.startPreview(verifier.previewFps(), large ? ELDER_WIDTH : WIDTH, large ? ELDER_HEIGHT : HEIGHT,
                this::frameReady);
    }

    /** Stops the camera picture and paints it over; never blocks. Idempotent. */
    void stop() {
        if (preview != null) {
            preview.close();
            preview = null;
        }
        if (image != null) {
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] blank = new int[w * h];
            java.util.Arrays.fill(blank, toArgb(BLANK));
            image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), blank, 0, w);
            view.setImage(null);
            image = null;
        }
    }

    /** On the preview's thread: asks for one paint unless one is already waiting. */
    private void frameReady() {
        if (paintWaiting.compareAndSet(false, true)) {
            Platform.runLater(this::paint);
        }
    }

    private void paint() {
        paintWaiting.set(false);
        CameraPreview running = preview;
        if (running == null) {
            return;
        }
        PreviewFrame frame = running.takeLatest();
        if (frame == null) {
            return;
        }
        try (frame) {
            int w = frame.width();
            int h = frame.height();
            if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
                image = new WritableImage(w, h);
                view.setImage(image);
            }
            image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), frame.argb(), 0, w);
            framesShown.set(framesShown.get() + 1);
        }
    }

    /** Large in elder mode; never more than about 45 % of a small window's height. */
    private void resize() {
        boolean large = elder.get();
        double width = large ? ELDER_WIDTH : WIDTH;
        double height = large ? ELDER_HEIGHT : HEIGHT;
        Scene scene = getScene();
        if (scene != null && scene.getHeight() > 0 && height > scene.getHeight() * 0.45) {
            double scale = scene.getHeight() * 0.45 / height;
            width *= scale;
            height *= scale;
        }
        view.setFitWidth(width);
        view.setFitHeight(height);
        background.setWidth(width);
        background.setHeight(height);
        guide.setRadiusX(width * 0.22);
        guide.setRadiusY(height * 0.40);
        guide.setStrokeWidth(large ? 8 : 5);
        setPrefSize(width, height);
    }

    private static int toArgb(Color c) {
        return 0xFF000000 | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }
}
