package hk.baycover.lookup;

import hk.baycover.model.Catalog;
import hk.baycover.model.ProgressMonitor;

/**
 * Hands out the index of a catalog snapshot, building it once per snapshot (a new snapshot after an import gets a new
 * index). Shared by the GUI and the CLI. Thread-safe.
 */
public final class LookupService {

    private Catalog indexed;
    private LookupIndex index;

    /** The index of {@code catalog}; built on first use (slow for big catalogs: call off the FX thread). */
    public LookupIndex index(Catalog catalog, ProgressMonitor monitor) {
        synchronized (this) {
            if (indexed == catalog && index != null) return index;
        }
        LookupIndex built = LookupIndex.build(catalog, monitor);
        synchronized (this) {
            indexed = catalog;
            index = built;
        }
        return built;
    }

    public LookupResult search(Catalog catalog, LookupQuery query, ProgressMonitor monitor) {
        return index(catalog, monitor).search(query, monitor);
    }
}
