package hk.baycover.ui.common;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;

/** Live translations: bindings that follow the language setting, so screens switch language without reloading. */
public final class Tr {
    private final ObjectProperty<Lang> lang;

    public Tr(ObjectProperty<Lang> lang) {
        this.lang = lang;
    }

    public ObjectProperty<Lang> langProperty() { return lang; }

    public Lang lang() { return lang.get(); }

    /** The text of {@code key} now. */
    public String get(String key, Object... args) {
        return I18n.get(lang.get(), key, args);
    }

    /** A binding to the text of {@code key}, updated when the language changes. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> I18n.get(lang.get(), key, args), lang);
    }

    /** A binding whose arguments are observable too (e.g. a count). */
    public StringBinding bind(String key, ObservableValue<?>... args) {
        ObservableValue<?>[] deps = new ObservableValue<?>[args.length + 1];
        System.arraycopy(args, 0, deps, 0, args.length);
        deps[args.length] = lang;
        return Bindings.createStringBinding(() -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) values[i] = args[i].getValue();
            return I18n.get(lang.get(), key, values);
        }, deps);
    }

    public String name(Enum<?> value) {
        return I18n.enumName(lang.get(), value);
    }
}
