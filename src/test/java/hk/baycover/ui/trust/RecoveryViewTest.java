package hk.baycover.ui.trust;

import hk.baycover.app.BayCover;
import hk.baycover.app.CorruptDatabase;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.CatalogStore;
import hk.baycover.store.Database;
import hk.baycover.trust.TestPacks;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.Tr;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static hk.baycover.ui.trust.TrustGateTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up on a corrupt database: the recovery screen restores the latest automatic backup and the app opens again. */
@ExtendWith(ApplicationExtension.class)
class RecoveryViewTest {

    @TempDir
    Path dir;
    Stage stage;
    final FxTaskRunner background = new FxTaskRunner();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        background.shutdown();
    }

    @Test
    void restoresTheLatestAutomaticBackupAndReopens(FxRobot robot) throws Exception {
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            for (int v = 1; v <= 2; v++) {
                app.catalogStore().importSources(List.of(new CatalogStore.Source("r.json", TestPacks.drugsBytes("rec", "" + v, 2, 40 * v))),
                        CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve(Database.FILE_NAME).toFile(), "rw")) {
            f.seek(3 * 4096);
            for (int i = 0; i < 5 * 4096; i++) f.write(i * 13);
        }
        CorruptDatabase error = assertThrows(CorruptDatabase.class, () -> BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE));
        AtomicBoolean reopened = new AtomicBoolean();
        AtomicBoolean quit = new AtomicBoolean();
        robot.interact(() -> {
            RecoveryView view = new RecoveryView(new Tr(new SimpleObjectProperty<>(Lang.EN)), background, new FakeDialogs(), dir, BayCover.systemClock(), error,
                    () -> reopened.set(true), () -> quit.set(true));
            stage.setScene(new Scene(view, 900, 500));
            stage.show();
        });
        assertTrue(robot.lookup("#recovery-problem").queryAs(Label.class).getText().startsWith("The database"));
        assertTrue(robot.lookup("#recover-latest").queryAs(javafx.scene.control.Button.class).getText().startsWith("Restore the automatic backup of"));
        robot.clickOn("#recover-latest");
        await(reopened::get);
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            assertEquals(40, app.catalog().items().stream().filter(i -> i.id().startsWith("rec")).count(), "the state before the last import");
        }
        assertEquals(false, quit.get());
    }
}
