package hk.baycover.ui;

import hk.baycover.model.Lang;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.SettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuickSettingsTest {

    private static List<Object> state(Settings s) {
        return List.of(s.lang(), s.fontScaleProperty().get(), s.windowXProperty().get(), s.windowYProperty().get(),
                s.windowWidthProperty().get(), s.windowHeightProperty().get(), s.autoLockMinutesProperty().get());
    }

    /** The quick reader gives exactly what SettingsStore.load gives, or declines. */
    private static boolean sameAsSettingsStore(Path dir, String json) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), json, StandardCharsets.UTF_8);
        Settings viaJackson = new Settings();
        store.load(viaJackson);
        Settings quick = new Settings();
        boolean read = QuickSettings.read(store.file(), quick);
        if (read) assertEquals(state(viaJackson), state(quick), json);
        else assertEquals(state(new Settings()), state(quick), "nothing applied when it declines: " + json);
        return read;
    }

    @Test
    void readsWhatSettingsStoreWritesExactlyLikeSettingsStore(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Settings s = new Settings();
        s.langProperty().set(Lang.ZH_CN);
        s.fontScaleProperty().set(1.25);
        s.windowXProperty().set(-12.5);
        s.windowYProperty().set(40);
        s.windowWidthProperty().set(1440);
        s.windowHeightProperty().set(900);
        s.autoLockMinutesProperty().set(25);
        store.save(s);
        Settings quick = new Settings();
        assertTrue(QuickSettings.read(store.file(), quick));
        assertEquals(state(s), state(quick));
        assertTrue(sameAsSettingsStore(dir, Files.readString(store.file())));
    }

    @Test
    void appliesTheSameChecksAsSettingsStore(@TempDir Path dir) throws Exception {
        assertTrue(sameAsSettingsStore(dir, "{\"lang\":\"en\",\"fontScale\":3.0,\"x\":null,\"y\":null,\"width\":500,\"height\":2000}"));
        assertTrue(sameAsSettingsStore(dir, "{\"lang\":\"xx-YY\",\"fontScale\":1.5e0}"));
        assertTrue(sameAsSettingsStore(dir, "{}"));
        assertTrue(sameAsSettingsStore(dir, "{\"autoLockMinutes\":0}"));
        assertTrue(sameAsSettingsStore(dir, "{\"autoLockMinutes\":5000,\"lang\":null}"));
        assertTrue(sameAsSettingsStore(dir, " { \"height\" : 700 , \"width\" : 1000 } \n"));
    }

    @Test
    void declinesAnythingElseSoSettingsStoreDecides(@TempDir Path dir) throws Exception {
        assertFalse(sameAsSettingsStore(dir, "{\"lang\":\"en\",\"theme\":\"dark\"}"), "unknown key: a newer settings format");
        assertFalse(sameAsSettingsStore(dir, "{\"lang\":\"en\""), "cut short");
        assertFalse(sameAsSettingsStore(dir, "{\"lang\":\"e\\u006e\"}"), "escapes");
        assertFalse(sameAsSettingsStore(dir, "{\"x\":[1]}"), "nested");
        assertFalse(sameAsSettingsStore(dir, "{\"x\":1,\"x\":2}"), "duplicate key");
        assertFalse(sameAsSettingsStore(dir, "{\"lang\":5}"), "wrong type");
        assertFalse(sameAsSettingsStore(dir, "{\"lang\":\"en\",\"autoLockMinutes\":2.5}"), "not a whole number: Jackson decides");
        assertFalse(sameAsSettingsStore(dir, "[]"));
        assertFalse(QuickSettings.read(dir.resolve("missing.json"), new Settings()));
    }
}
