package hk.baycover.ui.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.baycover.io.BoundedInput;
import hk.baycover.io.DataFolder;
import hk.baycover.io.SafeFiles;
import hk.baycover.model.Lang;
import hk.baycover.model.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Loads and saves {@link Settings} as {@code settings.json} in the data folder, atomically (temp file, then move). */
public final class SettingsStore {

    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The saved form; unknown or broken values fall back to defaults. */
    public record Dto(String lang, Double fontScale, Double x, Double y, Double width, Double height, Integer autoLockMinutes) {
    }

    /** A settings file is a few hundred bytes; anything much larger is not ours. */
    static final long MAX_BYTES = 64 * 1024;
    private final Path file;

    public SettingsStore(Path dataDir) {
        this.file = new DataFolder(dataDir).settings();
    }

    public Path file() { return file; }

    public void load(Settings s) {
        if (!Files.exists(file)) return;
        try {
            Dto d = JSON.readValue(BoundedInput.readAll(file, MAX_BYTES), Dto.class);
            Lang.parse(d.lang()).ifPresent(s.langProperty()::set);
            if (d.fontScale() != null && d.fontScale() >= 0.8 && d.fontScale() <= 2.0) s.fontScaleProperty().set(d.fontScale());
            if (d.x() != null) s.windowXProperty().set(d.x());
            if (d.y() != null) s.windowYProperty().set(d.y());
            if (d.width() != null && d.width() >= 640) s.windowWidthProperty().set(d.width());
            if (d.height() != null && d.height() >= 480) s.windowHeightProperty().set(d.height());
            if (d.autoLockMinutes() != null && d.autoLockMinutes() >= 0 && d.autoLockMinutes() <= 24 * 60) s.autoLockMinutesProperty().set(d.autoLockMinutes());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "settings file unreadable, using defaults: " + file, e);
        }
    }

    public void save(Settings s) {
        Dto d = new Dto(s.lang().tag(), s.fontScaleProperty().get(), finite(s.windowXProperty().get()), finite(s.windowYProperty().get()),
                s.windowWidthProperty().get(), s.windowHeightProperty().get(), s.autoLockMinutesProperty().get());
        try {
            byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(d);
            SafeFiles.writeOwn(file, out -> out.write(json));
        } catch (IOException | UserError e) {
            LOG.log(Level.WARNING, "cannot save settings to " + file, e);
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
