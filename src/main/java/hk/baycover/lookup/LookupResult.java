package hk.baycover.lookup;

import java.util.List;

/** The best {@code hits} (at most the query's limit), ranked, and how many records matched in all. */
public record LookupResult(List<LookupHit> hits, int total, String normalizedQuery) {
    public LookupResult {
        hits = List.copyOf(hits);
    }

    public static LookupResult empty(String normalizedQuery) {
        return new LookupResult(List.of(), 0, normalizedQuery);
    }
}
