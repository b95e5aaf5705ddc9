package hk.baycover;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {

    @Test
    void globalOptionsAloneStartTheGui() {
        assertTrue(Launcher.isGui(new String[0]));
        assertTrue(Launcher.isGui(new String[] {"--data-dir", "/tmp/x", "--lang", "en"}));
        assertTrue(Launcher.isGui(new String[] {"--data-dir=/tmp/x", "--lang=zh-HK"}));
    }

    @Test
    void aSubCommandRunsTheCli() {
        assertFalse(Launcher.isGui(new String[] {"info", "--json"}));
        assertFalse(Launcher.isGui(new String[] {"--data-dir", "/tmp/x", "validate", "pack.json"}));
        assertFalse(Launcher.isGui(new String[] {"--help"}));
    }

    @Test
    void onePackFileFromTheFileManagerOpensTheGui() {
        assertTrue(Launcher.isGui(new String[] {"/home/a/Downloads/products.baycover.json"}));
        assertTrue(Launcher.isGui(new String[] {"--lang", "en", "C:\\Users\\a\\PRODUCTS.BAYCOVER.JSON"}));
        assertFalse(Launcher.isGui(new String[] {"a.baycover.json", "b.baycover.json"}), "two files: a CLI usage error, not a GUI start");
        assertFalse(Launcher.isGui(new String[] {"validate", "a.baycover.json"}));
        assertFalse(Launcher.isGui(new String[] {"plain.json"}), "only the exported-pack name opens the GUI");
        assertFalse(hk.baycover.app.PackFiles.isPackFile("--x.baycover.json"));
    }

    @Test
    void noDisplayIsKnownBeforeJavaFxStarts() {
        assertFalse(Launcher.hasDisplay(java.util.Map.of(), "Linux", null));
        assertFalse(Launcher.hasDisplay(java.util.Map.of("DISPLAY", " "), "Linux", null));
        assertTrue(Launcher.hasDisplay(java.util.Map.of("DISPLAY", ":0"), "Linux", null));
        assertTrue(Launcher.hasDisplay(java.util.Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        assertTrue(Launcher.hasDisplay(java.util.Map.of(), "Windows 11", null));
        assertTrue(Launcher.hasDisplay(java.util.Map.of(), "Mac OS X", null));
        assertTrue(Launcher.hasDisplay(java.util.Map.of(), "Linux", "Monocle"), "headless tests need no display");
        assertTrue(hk.baycover.ui.GuiLauncher.isToolkitStartFailure(new RuntimeException("Application launch error",
                new UnsupportedOperationException("Unable to open DISPLAY"))));
        assertFalse(hk.baycover.ui.GuiLauncher.isToolkitStartFailure(new IllegalStateException("something else")));
    }
}
