package hk.baycover.ui.common;

import hk.baycover.model.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings are remembered (language, text size, window) and saved atomically; a broken file means defaults. */
class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedSettingsComeBack() throws Exception {
        Settings s = new Settings();
        s.langProperty().set(Lang.ZH_CN);
        s.fontScaleProperty().set(1.25);
        s.windowXProperty().set(40);
        s.windowYProperty().set(60);
        s.windowWidthProperty().set(1000);
        s.windowHeightProperty().set(700);
        SettingsStore store = new SettingsStore(dir);
        store.save(s);

        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file is left behind");
        }
        Settings loaded = new Settings();
        store.load(loaded);
        assertEquals(Lang.ZH_CN, loaded.lang());
        assertEquals(1.25, loaded.fontScaleProperty().get());
        assertEquals(40, loaded.windowXProperty().get());
        assertEquals(60, loaded.windowYProperty().get());
        assertEquals(1000, loaded.windowWidthProperty().get());
        assertEquals(700, loaded.windowHeightProperty().get());
    }

    @Test
    void aBrokenOrHostileFileMeansDefaults() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{ this is not json");
        Settings s = new Settings();
        new SettingsStore(dir).load(s);
        assertEquals(Lang.ZH_HK, s.lang());
        assertEquals(1.0, s.fontScaleProperty().get());

        Files.writeString(dir.resolve("settings.json"), "{\"lang\":\"xx\",\"fontScale\":40,\"width\":3,\"height\":-5,\"extra\":true}");
        Settings t = new Settings();
        new SettingsStore(dir).load(t);
        assertEquals(Lang.ZH_HK, t.lang());
        assertEquals(1.0, t.fontScaleProperty().get());
        assertEquals(1280, t.windowWidthProperty().get());
        assertTrue(Double.isNaN(t.windowXProperty().get()));
    }
}
