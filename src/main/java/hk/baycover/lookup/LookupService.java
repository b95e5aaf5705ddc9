package hk.baycover.lookup;

import hk.baycover.model.Catalog;
import hk.baycover.model.ProgressMonitor;

/**
 * Hands out the index of a catalog snapshot, building it once per snapshot (a new snapshot after an import gets a new
 * index). Shared by the GUI and the CLI. Thread-safe: concurrent callers for the same snapshot wait for one build
 * instead of each building their own, and a build is never abandoned half way (a cancelled search must not throw away
 * the work the next keystroke needs).
 */
public final class LookupService {

    private Catalog indexed;
    private LookupIndex index;

    /** The index of {@code catalog}; built on first use (slow for big catalogs: call off the FX thread). */
    public synchronized LookupIndex index(Catalog catalog, ProgressMonitor monitor) {
        if (indexed == catalog && index != null) return index;
        monitor.checkCancelled();
        LookupIndex built = LookupIndex.build(catalog, ProgressMonitor.NONE);
        indexed = catalog;
        index = built;
        return built;
    }

    public LookupResult search(Catalog catalog, LookupQuery query, ProgressMonitor monitor) {
        return index(catalog, monitor).search(query, monitor);
    }
}
