package org.openkiosk.bench.flows;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * Diagnostic ({@code -Dbench.effectPool=true}): how many images JavaFX's effect image pool
 * ({@code com.sun.scenario.effect.impl.ImagePool}, JavaFX internals, read by reflection: the benchmark runs JavaFX
 * from the class path) has checked out and not back in. On the software pipeline those are int[] pixel buffers
 * held only softly; they were the int[] that grew in the 10,000-session soak (BENCHMARKS.md).
 */
final class EffectPool {

    static final boolean WATCH = Boolean.getBoolean("bench.effectPool") || Boolean.getBoolean("bench.effectPoolTaps");
    /** {@code -Dbench.effectPoolTaps=true}: also after every tap (which screen change locked an image). */
    static final boolean WATCH_TAPS = Boolean.getBoolean("bench.effectPoolTaps");

    private EffectPool() {}

    /** Images locked in every renderer's pool, or -1 when not watched or not readable. */
    static int locked() {
        if (!WATCH) {
            return -1;
        }
        try {
            Class<?> renderer = Class.forName("com.sun.scenario.effect.impl.Renderer");
            Field map = renderer.getDeclaredField("rendererMap");
            map.setAccessible(true);
            Field poolField = renderer.getDeclaredField("imagePool");
            poolField.setAccessible(true);
            Class<?> poolClass = Class.forName("com.sun.scenario.effect.impl.ImagePool");
            Field lockedField = poolClass.getDeclaredField("locked");
            lockedField.setAccessible(true);
            int n = 0;
            Map<?, ?> renderers = (Map<?, ?>) map.get(null);
            synchronized (renderers) {
                for (Object r : renderers.values()) {
                    Object pool = poolField.get(r);
                    synchronized (pool) {
                        n += ((List<?>) lockedField.get(pool)).size();
                    }
                }
            }
            return n;
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("effect pool not readable: " + e);
            return -1;
        }
    }
}
