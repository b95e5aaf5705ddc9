package hk.baycover.lookup;

import hk.baycover.model.City;
import hk.baycover.model.DesignationStatus;
import hk.baycover.model.Institution;
import hk.baycover.model.RegulatedItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * One search over documents handed in one at a time, keeping only the best {@code limit} (the command line's
 * {@code lookup}, which answers one query and has no use for an index). The documents are the index's own
 * ({@link #document}: the same entries, the same static rank), and a document's tier is the linear scan's
 * ({@link Documents#bestTier}), so the answer — hits, order, reasons, total — is the index's for every query.
 *
 * <p>A caller that can skip documents cheaply may: a document that can match has {@link #needle()} in one of its
 * entries, or, for a one-typo query, every piece of one of {@link #fuzzyNeedles()} in its NAME entries. A browse
 * (empty text with filters) must see every document.
 */
public final class StreamedSearch {

    /**
     * What a store keeps of one record for this search: its kind, id, status, city bits and institutions (for the
     * filters), its static rank, and its normalised entries — {@code texts[0, nameEntries)} the NAME group, the rest
     * OTHER. {@code ref} is the caller's handle on the record.
     */
    public record Document(long ref, ResultKind kind, String id, DesignationStatus status, int cityMask, String[] institutions,
                           int rankLength, String rankName, String[] texts, int nameEntries) {
    }

    /** A document kept among the best, with the tier it matched at (-1 in a browse). */
    public record Ranked(Document document, int tier) {
    }

    private static final Comparator<Document> RANK = Comparator.comparingInt(Document::rankLength).thenComparing(Document::rankName)
            .thenComparing(Document::kind).thenComparing(Document::id);
    private static final Comparator<Ranked> ORDER = Comparator.comparingInt(Ranked::tier).thenComparing(Ranked::document, RANK);

    private final LookupQuery query;
    private final String q;
    private final Documents.Filter filter;
    private final boolean fuzzy;
    private final PriorityQueue<Ranked> best;
    private int total;

    public StreamedSearch(LookupQuery query) {
        this.query = query;
        this.q = TextNormalizer.normalize(query.text());
        this.filter = new Documents.Filter(query);
        this.fuzzy = Fuzzy.eligible(q);
        this.best = new PriorityQueue<>(Math.min(query.limit(), 256) + 1, ORDER.reversed());
    }

    /** The normalised query. */
    public String normalized() { return q; }

    /** Nothing can match (empty text and no filter): no document need be offered. */
    public boolean answersNothing() { return q.isEmpty() && filter.none; }

    /** Text a matching document has in one of its entries; empty in a browse (every document passing the filters). */
    public String needle() { return q; }

    /** For a one-typo query, sets of pieces: a document matching only by a typo has every piece of one set in a NAME entry. */
    public List<List<String>> fuzzyNeedles() { return fuzzy ? Fuzzy.pieces(q) : List.of(); }

    /** Looks at one document (any order). */
    public void offer(Document d) {
        if (answersNothing()) return;
        if (!filter.test(d.kind(), d.cityMask(), d.status(), d.institutions())) return;
        int tier;
        if (q.isEmpty()) {
            tier = -1;
        } else {
            String[] t = d.texts();
            tier = Documents.bestTier(t, 0, d.nameEntries(), t.length, q, fuzzy);
            if (tier == Integer.MAX_VALUE) return;
        }
        total++;
        Ranked r = new Ranked(d, tier);
        if (best.size() < query.limit()) {
            best.add(r);
        } else if (ORDER.compare(r, best.peek()) < 0) {
            best.poll();
            best.add(r);
        }
    }

    /** How many documents matched (and passed the filters) so far. */
    public int total() { return total; }

    /** The best documents, best first. */
    public List<Ranked> ranked() {
        List<Ranked> out = new ArrayList<>(best);
        out.sort(ORDER);
        return out;
    }

    /** The hit for a ranked item document, from the item it was made of. */
    public LookupHit hit(Ranked r, RegulatedItem item) {
        return hit(r, Documents.Doc.of(item, Map.of()));
    }

    /** The hit for a ranked institution document, from the institution it was made of. */
    public LookupHit hit(Ranked r, Institution institution) {
        return hit(r, Documents.Doc.of(institution, cityNames(institution.city())));
    }

    /** The result: {@code hits} are the hits of {@link #ranked()}, in that order. */
    public LookupResult result(List<LookupHit> hits) {
        if (answersNothing()) return LookupResult.empty(q);
        return new LookupResult(hits, total, q);
    }

    private LookupHit hit(Ranked r, Documents.Doc doc) {
        if (!doc.id.equals(r.document().id())) throw new IllegalArgumentException("record " + doc.id + " is not document " + r.document().id());
        if (r.tier() < 0) return new LookupHit(doc.kind, doc.id, doc.name, null, null, null, doc.item, doc.institution);
        String[] t = doc.texts.toArray(new String[0]);
        int e = Documents.entryAt(t, 0, doc.nameEntries, t.length, r.tier(), q);
        if (e < 0) throw new IllegalStateException("record " + doc.id + " does not match at tier " + r.tier() + " any more");
        return new LookupHit(doc.kind, doc.id, doc.name, doc.fields.get(e), Documents.matchType(r.tier()), doc.originals.get(e),
                doc.item, doc.institution);
    }

    // ------------------------------------------------------------------ documents for a store

    /**
     * The document of an item, as the index makes it; {@code cityOf} gives the city of each institution it may be
     * approved at (for the city filter).
     */
    public static Document document(long ref, RegulatedItem item, Map<String, City> cityOf) {
        return document(ref, Documents.Doc.of(item, cityOf));
    }

    /** The document of an institution, as the index makes it. */
    public static Document document(long ref, Institution institution) {
        return document(ref, Documents.Doc.of(institution, cityNames(institution.city())));
    }

    private static Document document(long ref, Documents.Doc d) {
        return new Document(ref, d.kind, d.id, d.status, d.cityMask, d.institutions, d.rankLength, d.rankName,
                d.texts.toArray(new String[0]), d.nameEntries);
    }

    /**
     * What the documents of a record depend on beyond the record itself: the version of this way of making them (raise
     * it whenever {@link Documents}' entries, the static rank or {@link TextNormalizer} change) and the city names from
     * the bundles. A store that keeps documents keeps this beside them and makes them again when it differs.
     */
    public static String semantics() {
        cityNames(null);
        return "documents 1; cities " + cityNames;
    }

    private static volatile Map<City, List<String>> cityNames;

    private static List<String> cityNames(City city) {
        Map<City, List<String>> m = cityNames;
        if (m == null) cityNames = m = Documents.cityNames();
        return city == null ? List.of() : m.get(city);
    }
}
