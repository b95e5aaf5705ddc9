package hk.baycover.ui.common;

import hk.baycover.model.Lang;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/** User settings as observable properties; {@link SettingsStore} saves them as a JSON DTO. */
public final class Settings {
    /** Text sizes offered: normal, large, larger. */
    public static final double[] FONT_SCALES = {1.0, 1.25, 1.5};

    private final ObjectProperty<Lang> lang = new SimpleObjectProperty<>(Lang.ZH_HK);
    private final DoubleProperty fontScale = new SimpleDoubleProperty(1.0);
    private final DoubleProperty windowX = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty windowY = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty windowWidth = new SimpleDoubleProperty(1280);
    private final DoubleProperty windowHeight = new SimpleDoubleProperty(820);
    /** Minutes without keyboard or mouse use before client data locks again; 0: never. */
    private final IntegerProperty autoLockMinutes = new SimpleIntegerProperty(10);

    public ObjectProperty<Lang> langProperty() { return lang; }

    public Lang lang() { return lang.get(); }

    public DoubleProperty fontScaleProperty() { return fontScale; }

    public DoubleProperty windowXProperty() { return windowX; }

    public DoubleProperty windowYProperty() { return windowY; }

    public DoubleProperty windowWidthProperty() { return windowWidth; }

    public DoubleProperty windowHeightProperty() { return windowHeight; }

    public IntegerProperty autoLockMinutesProperty() { return autoLockMinutes; }
}
