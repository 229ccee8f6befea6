package org.openkiosk.app.ui.i18n;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every text the kiosk shows, from {@code messages_zh.properties} / {@code messages_en.properties} (UTF-8).
 * Views bind their labels to {@link #text(String, Object...)} so that switching the language re-labels the
 * current screen at once. A missing key shows as {@code ⟦key⟧} and is logged, never as a blank.
 */
public final class Messages {

    public static final String BUNDLE = "org.openkiosk.app.ui.i18n.messages";
    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);
    private final ObjectProperty<Language> language;

    public Messages(Language initial) {
        for (Language l : Language.values()) {
            bundles.put(l, bundle(l));
        }
        language = new SimpleObjectProperty<>(this, "language", initial);
    }

    /** Loads one language's bundle without falling back to another language. */
    public static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public Language language() {
        return language.get();
    }

    public void setLanguage(Language l) {
        language.set(l);
    }

    /** The text for {@code key} in the current language, formatted with {@link MessageFormat}. */
    public String get(String key, Object... args) {
        return format(language.get(), key, args);
    }

    public String format(Language l, String key, Object... args) {
        String pattern;
        try {
            pattern = bundles.get(l).getString(key);
        } catch (MissingResourceException e) {
            LOG.warn("message key {} missing for language {}", key, l.code());
            return "⟦" + key + "⟧";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, l.locale()).format(args);
    }

    /** A live text: re-evaluated when the language changes. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), language);
    }

    /** A live text whose arguments are themselves observable (e.g. a countdown). */
    public StringBinding text(String key, ObservableValue<?>... args) {
        ObservableValue<?>[] deps = new ObservableValue<?>[args.length + 1];
        System.arraycopy(args, 0, deps, 0, args.length);
        deps[args.length] = language;
        return Bindings.createStringBinding(() -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].getValue();
            }
            return get(key, values);
        }, deps);
    }

    public Set<String> keys(Language l) {
        return bundles.get(l).keySet();
    }
}
