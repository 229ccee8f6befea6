package org.openkiosk.app.voice;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says one text at a time on its own thread: a new text cuts the one being said off, and texts asked for while an
 * engine was starting are skipped when a newer one is already waiting. {@link #say} and {@link #silence} return at
 * once, so the JavaFX thread never waits for a process.
 */
public final class Speaker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Speaker.class);

    private final SpeechEngine engine;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "speech");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong latest = new AtomicLong();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private SpeechEngine.Utterance current; // speech thread only

    public Speaker(SpeechEngine engine) {
        this.engine = engine;
    }

    /** Cuts off what is being said and says {@code text}. */
    public void say(SpokenLanguage language, int volume, String text) {
        long request = latest.incrementAndGet();
        submit(() -> {
            cutOff();
            if (request != latest.get()) {
                return; // a newer text is waiting: this one is already out of date
            }
            try {
                current = engine.start(language, volume, text);
            } catch (IOException | RuntimeException e) {
                if (failureLogged.compareAndSet(false, true)) {
                    LOG.warn("spoken guidance is silent: the speech engine cannot start ({})", e.toString());
                }
            }
        });
    }

    /** Cuts off what is being said. */
    public void silence() {
        latest.incrementAndGet();
        submit(this::cutOff);
    }

    private void cutOff() {
        if (current != null) {
            current.cutOff();
            current = null;
        }
    }

    private void submit(Runnable task) {
        try {
            thread.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: the shell has stopped and nothing more is said
        }
    }

    @Override
    public void close() {
        silence();
        thread.shutdown();
    }
}
