package hk.baycover.ui;

import hk.baycover.app.StartupProbe;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real BayCoverApp start: first frame (loading view), then the main window once the catalog is loaded. */
class StartupSequenceTest {

    @AfterEach
    void clear() throws Exception {
        System.clearProperty(StartupProbe.PROPERTY);
        FxToolkit.cleanupStages();
    }

    @Test
    void firstFrameComesBeforeTheMainWindowWhichHoldsTheLoadedCatalog(@TempDir Path dir) throws Exception {
        Path probe = dir.resolve("probe.txt");
        System.setProperty(StartupProbe.PROPERTY, probe.toString());
        // a window that fits the headless screen (1280x800)
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data").resolve("settings.json"), "{\"width\": 1000, \"height\": 700}");
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(BayCoverApp.class, "--data-dir", dir.resolve("data").toString(), "--lang", "en");
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> events(probe).containsKey(StartupProbe.INTERACTIVE));
            Map<String, Long> e = events(probe);
            // (the background check's "checked" may already follow "interactive": it is asserted below)
            List<String> order = e.keySet().stream().filter(k -> !k.equals(StartupProbe.CATALOG) && !k.equals(StartupProbe.SETTINGS)
                    && !k.equals(StartupProbe.CHECKED) && !k.startsWith(StartupProbe.PHASE_PREFIX)).toList();
            assertEquals(List.of(StartupProbe.START, StartupProbe.SHOWN, StartupProbe.FIRST_FRAME, StartupProbe.INTERACTIVE), order);
            // the timeline's finer phases: the preload thread's opening of the folder, the FX thread's steps to the main window
            List<String> phases = List.of("lock taken", "migrations checked", "shipped packs checked (seeding)", "fx: catalog received",
                    "fx: main window built", "fx: main window in the scene");
            long previous = 0;
            for (String phase : phases) {
                Long at = e.get(StartupProbe.PHASE_PREFIX + phase);
                assertNotNull(at, "the probe records the phase '" + phase + "': " + e.keySet());
                assertTrue(at >= previous, phase + " comes after the phase before it: " + e);
                previous = at;
            }
            assertTrue(e.get(StartupProbe.PHASE_PREFIX + "fx: loading view made") <= e.get(StartupProbe.SHOWN), e.toString());
            assertTrue(previous <= e.get(StartupProbe.INTERACTIVE), e.toString());
            assertTrue(e.get(StartupProbe.CATALOG) <= e.get(StartupProbe.INTERACTIVE), "interactive means the catalog is loaded: " + e);
            assertTrue(e.get(StartupProbe.SETTINGS) <= e.get(StartupProbe.CATALOG), "settings are read before the database is opened: " + e);

            Scene scene = WaitForAsyncUtils.asyncFx(stage::getScene).get();
            assertNotNull(scene.lookup("#main-window"), "the main window replaced the loading view");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> events(probe).containsKey(StartupProbe.CHECKED));
            assertTrue(events(probe).get(StartupProbe.CHECKED) >= e.get(StartupProbe.INTERACTIVE), "the whole-file check follows the window");
            assertTrue(Files.exists(dir.resolve("data").resolve("baycover.db")), "the database was opened in the given data folder");
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void damageThatTheCatalogDoesNotReadIsFoundAfterTheWindowIsUpAndLeadsToTheRecoveryScreen(@TempDir Path dir) throws Exception {
        Path probe = probe(dir);
        Path data = seededFolder(dir);
        Path file = data.resolve(hk.baycover.store.Database.FILE_NAME);
        hk.baycover.app.DamagedPages.scribble(file, hk.baycover.app.DamagedPages.rootPage(file, "proposal"));
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(BayCoverApp.class, "--data-dir", data.toString(), "--lang", "en");
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> events(probe).containsKey(StartupProbe.INTERACTIVE));
            // the window came up on the catalog; the background check then finds the damaged page
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> stage.getScene().lookup("#recovery-problem") != null).get());
            Scene scene = WaitForAsyncUtils.asyncFx(stage::getScene).get();
            assertTrue(scene.lookup("#main-window") == null, "the recovery screen replaced the main window");
            javafx.scene.control.Label problem = (javafx.scene.control.Label) scene.lookup("#recovery-problem");
            assertTrue(problem.getText().startsWith("The database"), problem.getText());
            assertTrue(!events(probe).containsKey(StartupProbe.CHECKED), "the check did not pass");
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void aPackOpenedFromTheFileManagerStartsOnTheDataScreenAndIsImported(@TempDir Path dir) throws Exception {
        Path probe = probe(dir);
        Path data = seededFolder(dir);
        // the shipped scenarios pack given back as a file, as the file manager passes one (file association)
        Path pack = dir.resolve("opened.baycover.json");
        Files.copy(Path.of("data/packs/gba-scenarios.json"), pack);
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(BayCoverApp.class, "--data-dir", data.toString(), "--lang", "en", pack.toString());
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> events(probe).containsKey(StartupProbe.INTERACTIVE));
            Scene scene = WaitForAsyncUtils.asyncFx(stage::getScene).get();
            // "Checking and importing 1 file(s)…" while it runs, then the outcome: wait for the import's end, not its start
            String done = hk.baycover.i18n.I18n.get(hk.baycover.model.Lang.EN, "data.imported", 1, 0);
            String donePrefix = done.substring(0, done.indexOf(' '));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
                javafx.scene.Node outcome = scene.lookup("#outcome");
                return outcome instanceof javafx.scene.control.Label l && l.getText() != null && l.getText().startsWith(donePrefix);
            }).get());
            assertNotNull(scene.lookup("#data-view"), "the window opened on the Data screen");
        } finally {
            FxToolkit.cleanupApplication(app);
        }
        // the dataset is now the user's import, not the shipped copy
        try (hk.baycover.app.BayCover opened = hk.baycover.app.BayCover.open(data, hk.baycover.model.Lang.EN, hk.baycover.model.ProgressMonitor.NONE)) {
            assertEquals(List.of("IMPORTED"), opened.catalog().datasets().stream().filter(d -> d.id().equals("gba-scenarios"))
                    .map(d -> String.valueOf(d.origin())).toList());
        }
    }

    /** The probe's file in {@code dir}, switched on for the app started next. */
    private static Path probe(Path dir) {
        Path probe = dir.resolve("probe.txt");
        System.setProperty(StartupProbe.PROPERTY, probe.toString());
        return probe;
    }

    /** A data folder in {@code dir} seeded with the shipped packs, with a window that fits the headless screen. */
    private static Path seededFolder(Path dir) throws java.io.IOException {
        Path data = hk.baycover.trust.TestFolders.seeded(dir.resolve("data"));
        Files.writeString(data.resolve("settings.json"), "{\"width\": 1000, \"height\": 700}");
        return data;
    }

    private static Map<String, Long> events(Path probe) {
        try {
            return Files.exists(probe) ? StartupProbe.parse(Files.readAllLines(probe, StandardCharsets.UTF_8)) : Map.of();
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }
}
