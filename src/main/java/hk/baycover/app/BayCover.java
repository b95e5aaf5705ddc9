package hk.baycover.app;

import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.CatalogStore;
import hk.baycover.store.Database;
import hk.baycover.store.DraftStore;
import hk.baycover.store.ShippedPacks;

import java.nio.file.Path;

/**
 * The services of one data folder, shared by the GUI and the CLI so nothing is computed twice. Opening migrates the
 * database, checks its integrity and seeds the shipped packs. Feature services hang off this object.
 */
public final class BayCover implements AutoCloseable {

    private final Path dataDir;
    private final Database database;
    private final CatalogStore catalogStore;
    private final DraftStore gapDrafts;
    private volatile Catalog catalog;

    private BayCover(Path dataDir, Database database) {
        this.dataDir = dataDir;
        this.database = database;
        this.catalogStore = new CatalogStore(database);
        this.gapDrafts = new DraftStore(database);
    }

    /** Opens the data folder (slow: call off the FX thread). */
    public static BayCover open(Path dataDir, Lang lang, ProgressMonitor monitor) {
        BayCover app = new BayCover(dataDir, Database.open(dataDir));
        ShippedPacks.seed(app.catalogStore, lang, monitor);
        app.reload();
        return app;
    }

    public Path dataDir() { return dataDir; }

    public Database database() { return database; }

    public CatalogStore catalogStore() { return catalogStore; }

    /** The current catalog snapshot (immutable; replaced after every import). */
    public Catalog catalog() { return catalog; }

    /** Re-reads the catalog from SQLite after a change. */
    public Catalog reload() {
        catalog = catalogStore.snapshot();
        return catalog;
    }

    /** The gap explorer's what-if draft products. */
    public DraftStore gapDrafts() { return gapDrafts; }

    @Override
    public void close() {
        // connections are per unit of work; nothing stays open
    }
}
