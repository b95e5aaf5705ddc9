package hk.baycover.app;

import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.CatalogStore;
import hk.baycover.store.Database;
import hk.baycover.trust.TestFolders;
import hk.baycover.trust.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window opens the folder without reading every page first (ADR 0065, amended for issue 16): the catalog is read,
 * the whole-file check waits for the background or for the first write, and damage the catalog read meets is still the
 * recovery screen's {@link CorruptDatabase}.
 */
class OpenForWindowTest {

    @TempDir
    Path dir;

    @Test
    void theCatalogIsReadAndTheWholeFileIsCheckedBeforeTheFirstWrite() {
        Path folder = TestFolders.seeded(dir);
        try (BayCover app = BayCover.openForWindow(folder, Lang.EN, ProgressMonitor.NONE, Clock.systemUTC())) {
            assertFalse(app.catalog().products().isEmpty(), "the catalog is read at open");
            assertFalse(app.database().integrityChecked(), "the whole file is not read before the window shows");
            app.catalogStore().importSources(List.of(new CatalogStore.Source("w.json", TestPacks.drugsBytes("win", "1", 1, 3))),
                    CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            assertTrue(app.database().integrityChecked(), "checked before the first write");
        }
    }

    @Test
    void damageTheCatalogReadMeetsIsACorruptDatabaseWithItsBackup() throws Exception {
        Path folder = TestFolders.seeded(dir);
        Path file = folder.resolve(Database.FILE_NAME);
        DamagedPages.scribble(file, DamagedPages.rootPage(file, "product"));
        CorruptDatabase e = assertThrows(CorruptDatabase.class, () -> BayCover.openForWindow(folder, Lang.EN, ProgressMonitor.NONE, Clock.systemUTC()));
        assertEquals("store.corrupt", e.getCause() instanceof hk.baycover.model.UserError u ? u.key() : null);
        // the folder's lock was let go (the recovery screen restores into it): opening again meets the damage, not a lock
        assertThrows(CorruptDatabase.class, () -> BayCover.openForWindow(folder, Lang.EN, ProgressMonitor.NONE, Clock.systemUTC()),
                "a second open fails for the damage again");
    }

    @Test
    void damageElsewhereIsFoundByTheWholeFileCheck() throws Exception {
        Path folder = TestFolders.seeded(dir);
        Path file = folder.resolve(Database.FILE_NAME);
        DamagedPages.scribble(file, DamagedPages.rootPage(file, "proposal"));
        try (BayCover app = BayCover.openForWindow(folder, Lang.EN, ProgressMonitor.NONE, Clock.systemUTC())) {
            assertFalse(app.catalog().products().isEmpty(), "a page the catalog does not read does not stop the window");
            hk.baycover.model.UserError e = assertThrows(hk.baycover.model.UserError.class, () -> app.database().ensureChecked());
            assertEquals("store.corrupt", e.key());
        }
    }
}
