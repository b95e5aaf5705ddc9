package hk.baycover.app;

import hk.baycover.model.Pack;
import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import hk.baycover.store.CatalogStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** Catalog packs in and out: validate, import (all or nothing, then a new snapshot), export. For the CLI and the Data screen. */
public final class DatasetsUseCase {

    private final CatalogStore store;
    /** Called after an import: drops the application's snapshot and answers how to get the new one (read on first use). */
    private final Supplier<Supplier<Catalog>> reload;

    DatasetsUseCase(CatalogStore store, Supplier<Supplier<Catalog>> reload) {
        this.store = store;
        this.reload = reload;
    }

    /**
     * What an import did, and the catalog snapshot after it: read from SQLite when first asked for ({@link #catalog()};
     * the Data screen asks at once, a command-line import that prints counts never does).
     */
    public static final class Imported {
        private final List<CatalogStore.Imported> datasets;
        private final Supplier<Catalog> snapshot;

        Imported(List<CatalogStore.Imported> datasets, Supplier<Catalog> snapshot) {
            this.datasets = List.copyOf(datasets);
            this.snapshot = snapshot;
        }

        public List<CatalogStore.Imported> datasets() {
            return datasets;
        }

        /** The catalog snapshot with the import in it (the application's current one). Slow the first time: call off the FX thread. */
        public Catalog catalog() {
            return snapshot.get();
        }

        public int records() {
            return datasets.stream().mapToInt(CatalogStore.Imported::records).sum();
        }
    }

    /**
     * Reads and checks every file, then writes all of them in one transaction (any problem: nothing changes); then reads
     * the new catalog snapshot, so {@link Imported#catalog()} costs nothing on the caller's thread (the Data screen).
     */
    public Imported importFiles(List<Path> files, Lang lang, ProgressMonitor monitor) {
        Imported done = importOnly(files, lang, monitor);
        done.catalog();
        return done;
    }

    /**
     * Imports as {@link #importFiles} does but leaves the new snapshot to be read when first asked for: the command line's
     * {@code import} prints what was imported and needs no snapshot (reading one costs as much as parsing every record).
     */
    public Imported importOnly(List<Path> files, Lang lang, ProgressMonitor monitor) {
        List<CatalogStore.Imported> done = store.importFiles(files, CatalogStore.Origin.IMPORTED, lang, monitor);
        return new Imported(done, reload.get());
    }

    /** Checks the files as an import would, writing nothing; a problem throws {@link hk.baycover.catalog.PackException}. */
    public List<Pack> validate(List<Path> files, Lang lang) {
        return store.validateFiles(files, lang);
    }

    /** Writes every dataset as a pack into {@code dir} (created if missing). */
    public List<Path> exportAll(Path dir, ProgressMonitor monitor) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserError("export.notDirectory", dir);
        return store.exportAll(dir, monitor);
    }
}
