package hk.baycover.lookup;

import hk.baycover.model.ProgressMonitor;

/** Something that answers a {@link LookupQuery}: the {@link LookupIndex}, or the {@link LinearScan} reference. */
public interface Searcher {
    /** Never throws on any text; throws {@link ProgressMonitor.Cancelled} when {@code monitor} is cancelled. */
    LookupResult search(LookupQuery query, ProgressMonitor monitor);

    default LookupResult search(LookupQuery query) {
        return search(query, ProgressMonitor.NONE);
    }
}
