package hk.baycover.lookup;

import hk.baycover.model.Catalog;
import hk.baycover.model.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference search: looks at every entry of every document, the plain way. Same data, same normalisation, same
 * ranking as {@link LookupIndex}; tests compare the two, and the benchmark uses this as its baseline.
 */
public final class LinearScan implements Searcher {

    private final Documents docs;

    private LinearScan(Documents docs) {
        this.docs = docs;
    }

    public static LinearScan build(Catalog catalog) {
        return new LinearScan(Documents.of(catalog, ProgressMonitor.NONE));
    }

    /** A scan over the very documents of an index (the benchmark's baseline on identical data). */
    public static LinearScan over(LookupIndex index) {
        return new LinearScan(index.documents());
    }

    @Override
    public LookupResult search(LookupQuery query, ProgressMonitor monitor) {
        String q = TextNormalizer.normalize(query.text());
        Documents.Filter filter = new Documents.Filter(query);
        if (q.isEmpty() && filter.none) return LookupResult.empty(q);
        boolean fuzzy = Fuzzy.eligible(q);
        int[] tiers = new int[docs.size];
        List<List<Integer>> byTier = newBuckets();
        int total = 0;
        for (int d = 0; d < docs.size; d++) {
            if ((d & 1023) == 0) monitor.checkCancelled();
            if (!filter.test(docs, d)) continue;
            int best = q.isEmpty() ? 0 : bestTier(d, q, fuzzy);
            tiers[d] = best;
            if (best == Integer.MAX_VALUE) continue;
            total++;
            byTier.get(q.isEmpty() ? 0 : best).add(d);
        }
        List<LookupHit> hits = new ArrayList<>();
        for (List<Integer> bucket : byTier) {
            for (int d : bucket) {
                if (hits.size() >= query.limit()) break;
                hits.add(docs.hit(d, q.isEmpty() ? -1 : tiers[d], q));
            }
        }
        return new LookupResult(hits, total, q);
    }

    private int bestTier(int d, String q, boolean fuzzy) {
        return Documents.bestTier(docs.entryText, docs.entryStart[d], docs.groupSplit[d], docs.entryStart[d + 1], q, fuzzy);
    }

    private static List<List<Integer>> newBuckets() {
        List<List<Integer>> b = new ArrayList<>(Documents.FUZZY_TIER + 1);
        for (int i = 0; i <= Documents.FUZZY_TIER; i++) b.add(new ArrayList<>());
        return b;
    }
}
