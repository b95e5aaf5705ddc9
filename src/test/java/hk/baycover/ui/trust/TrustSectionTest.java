package hk.baycover.ui.trust;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.CatalogStore;
import hk.baycover.store.DbFingerprint;
import hk.baycover.trust.TestPacks;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.UiContext;
import hk.baycover.ui.data.DataView;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static hk.baycover.ui.trust.TrustGateTest.await;
import static hk.baycover.ui.trust.TrustGateTest.fill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backups, restore, passphrase and the audit log from the Data screen, driven as a user does. */
@ExtendWith(ApplicationExtension.class)
class TrustSectionTest {

    @TempDir
    Path dir;
    @TempDir
    Path files;
    Stage stage;
    BayCover app;
    final FxTaskRunner background = new FxTaskRunner();
    final Settings settings = new Settings();
    final FakeDialogs dialogs = new FakeDialogs();
    UiContext ctx;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) if (w != stage && w instanceof Stage) ((Stage) w).close();
            stage.setScene(new Scene(new Label()));
        });
        if (app != null) app.close();
        background.shutdown();
    }

    private void show(FxRobot robot) {
        settings.langProperty().set(Lang.EN);
        ctx = new UiContext(app, settings, background);
        ctx.setFileDialogs(dialogs);
        robot.interact(() -> {
            TrustGate gate = new TrustGate(ctx, () -> new javafx.scene.control.ScrollPane(new DataView(ctx)), System::currentTimeMillis, null);
            stage.setScene(new Scene(gate, 1100, 900));
            stage.show();
        });
    }

    private static String text(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n instanceof Label ? ((Label) n).getText() : ((javafx.scene.control.Labeled) n).getText();
    }

    private void importPack(String id, String version, int items) {
        app.catalogStore().importSources(List.of(new CatalogStore.Source(id + ".json", TestPacks.drugsBytes(id, version, 1, items))),
                CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
    }

    @Test
    void backUpThenRestoreAfterConfirming(FxRobot robot) throws Exception {
        app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE);
        importPack("ui-pack", "1", 4);
        app.reload();
        show(robot);
        await(() -> robot.lookup("#backup").tryQuery().isPresent());

        dialogs.save = files.resolve("mine.db");
        robot.clickOn("#backup");
        await(() -> text(robot, "#trust-outcome").startsWith("Backed up to"));
        assertTrue(Files.exists(files.resolve("mine.db")));
        String atBackup = DbFingerprint.ofFile(files.resolve("mine.db"), List.of("audit_log"));

        importPack("ui-pack", "2", 9);
        robot.interact(() -> ctx.catalogProperty().set(app.reload()));
        dialogs.open = List.of(files.resolve("mine.db"));
        robot.clickOn("#restore");
        await(() -> robot.lookup("#restore-confirm").query().isVisible());
        assertTrue(text(robot, "#trust-outcome").isEmpty());
        // cancelling changes nothing
        robot.clickOn("#restore-no");
        await(() -> !robot.lookup("#restore-confirm").query().isVisible());
        assertFalse(atBackup.equals(DbFingerprint.ofFile(dir.resolve("baycover.db"), List.of("audit_log"))));

        robot.clickOn("#restore");
        await(() -> robot.lookup("#restore-confirm").query().isVisible());
        robot.clickOn("#restore-yes");
        await(() -> text(robot, "#trust-outcome").startsWith("Restored mine.db"));
        assertEquals(atBackup, DbFingerprint.ofFile(dir.resolve("baycover.db"), List.of("audit_log")));
        assertEquals(4, ctx.catalog().items().stream().filter(i -> i.id().startsWith("ui-pack")).count(), "the screens see the restored catalog");
        // the automatic backup taken before the restore is offered for restoring back
        await(() -> robot.lookup("#auto-backups").queryAs(ComboBox.class).getItems().size() >= 2);
        @SuppressWarnings("unchecked")
        ComboBox<hk.baycover.store.BackupService.AutoBackup> autos = robot.lookup("#auto-backups").queryAs(ComboBox.class);
        assertEquals("before-restore", autos.getValue().reason());
        robot.clickOn("#restore-auto");
        await(() -> robot.lookup("#restore-confirm").query().isVisible());
        robot.clickOn("#restore-yes");
        await(() -> text(robot, "#trust-outcome").startsWith("Restored auto-"));
        assertEquals(9, ctx.catalog().items().stream().filter(i -> i.id().startsWith("ui-pack")).count());
    }

    @Test
    void aBadBackupIsRefusedWithAMessage(FxRobot robot) throws Exception {
        app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE);
        show(robot);
        Path bad = files.resolve("holiday-photo.db");
        Files.writeString(bad, "not a database");
        String before = DbFingerprint.of(dir);
        dialogs.open = List.of(bad);
        robot.clickOn("#restore");
        await(() -> robot.lookup("#restore-confirm").query().isVisible());
        robot.clickOn("#restore-yes");
        await(() -> text(robot, "#trust-outcome").contains("is not a BayCover backup"));
        assertTrue(robot.lookup("#trust-outcome").query().getStyleClass().contains("error-text"));
        assertEquals(before, DbFingerprint.of(dir));
    }

    @Test
    void setChangeAndLockThePassphraseAndChooseTheIdleTime(FxRobot robot) throws Exception {
        app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE);
        show(robot);
        await(() -> text(robot, "#passphrase-status").equals("No passphrase is set."));
        assertTrue(robot.lookup("#lock-now").query().isDisabled());
        robot.clickOn("#passphrase-change");
        await(() -> robot.lookup("#setup-view").tryQuery().isPresent());
        fill(robot, "#setup-passphrase", "first passphrase");
        fill(robot, "#setup-confirm", "first passphrase");
        robot.clickOn("#setup-save");
        await(() -> text(robot, "#passphrase-status").equals("A passphrase is set and client data is unlocked."));
        assertEquals("Change passphrase…", text(robot, "#passphrase-change"));

        robot.clickOn("#passphrase-change");
        fill(robot, "#change-current", "not the first one");
        fill(robot, "#change-new", "second passphrase");
        fill(robot, "#change-confirm", "second passphrase");
        robot.clickOn("#change-save");
        await(() -> text(robot, "#trust-outcome").equals("Wrong passphrase."));
        fill(robot, "#change-current", "first passphrase");
        fill(robot, "#change-new", "second passphrase");
        fill(robot, "#change-confirm", "second passphrase");
        robot.clickOn("#change-save");
        await(() -> text(robot, "#trust-outcome").startsWith("Passphrase changed."));
        await(() -> !robot.lookup("#change-pane").query().isVisible());
        assertTrue(app.keys().verify("second passphrase".toCharArray()));

        @SuppressWarnings("unchecked")
        ComboBox<Integer> idle = robot.lookup("#auto-lock").queryAs(ComboBox.class);
        robot.interact(() -> idle.setValue(30));
        assertEquals(30, settings.autoLockMinutesProperty().get());

        robot.clickOn("#lock-now");
        await(() -> robot.lookup("#unlock-view").tryQuery().map(Node::isVisible).orElse(false));
        assertFalse(app.keys().isUnlocked());
        fill(robot, "#unlock-passphrase", "second passphrase");
        robot.clickOn("#unlock");
        await(() -> app.keys().isUnlocked());
    }

    @Test
    void theAuditLogFiltersAndExports(FxRobot robot) throws Exception {
        app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE);
        importPack("audit-a", "1", 1);
        importPack("audit-b", "1", 1);
        app.backups().backup(files.resolve("x.db"), false, ProgressMonitor.NONE);
        show(robot);
        robot.clickOn("#audit-open");
        await(() -> robot.lookup("#audit-table").tryQuery().isPresent()
                && robot.lookup("#audit-table").queryAs(TableView.class).getItems().size() >= 3);
        TableView<?> table = robot.lookup("#audit-table").queryAs(TableView.class);
        int all = table.getItems().size();
        @SuppressWarnings("unchecked")
        ComboBox<hk.baycover.trust.AuditAction> action = robot.lookup("#audit-action").queryAs(ComboBox.class);
        robot.interact(() -> action.setValue(hk.baycover.trust.AuditAction.BACKUP_CREATED));
        assertEquals(1, table.getItems().size());
        robot.interact(() -> action.setValue(null));
        fill(robot, "#audit-text", "audit-b");
        assertEquals(1, table.getItems().size());
        assertEquals("1 of " + all + " entries", text(robot, "#audit-count"));
        robot.interact(() -> robot.lookup("#audit-text").queryAs(TextField.class).clear());
        assertEquals(all, table.getItems().size());

        dialogs.save = files.resolve("audit.csv");
        robot.clickOn("#audit-export");
        await(() -> text(robot, "#audit-message").startsWith("Exported " + all + " entries"));
        List<String> lines = Files.readAllLines(files.resolve("audit.csv"));
        assertEquals(all + 1, lines.size());
        assertEquals("\uFEFFseq,at,actor,action,subject_type,subject_id,client_id,details", lines.get(0), "UTF-8 BOM, then the header");
    }
}
