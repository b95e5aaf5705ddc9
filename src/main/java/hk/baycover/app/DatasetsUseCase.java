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
    private final Supplier<Catalog> reload;

    DatasetsUseCase(CatalogStore store, Supplier<Catalog> reload) {
        this.store = store;
        this.reload = reload;
    }

    /** What an import did, and the catalog snapshot taken after it. */
    public record Imported(List<CatalogStore.Imported> datasets, Catalog catalog) {
        public int records() {
            return datasets.stream().mapToInt(CatalogStore.Imported::records).sum();
        }
    }

    /** Reads and checks every file, then writes all of them in one transaction (any problem: nothing changes). */
    public Imported importFiles(List<Path> files, Lang lang, ProgressMonitor monitor) {
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
