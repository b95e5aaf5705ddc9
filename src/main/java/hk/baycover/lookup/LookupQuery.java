package hk.baycover.lookup;

import hk.baycover.model.City;
import hk.baycover.model.DesignationStatus;

import java.util.EnumSet;
import java.util.Set;

/**
 * One search: the text as typed plus filters. {@code kinds} empty = every kind; {@code city}, {@code institution}
 * and {@code status} null = no restriction.
 * <ul>
 *   <li>city: an institution in that city; an item approved at an institution in that city;</li>
 *   <li>institution: that institution itself; an item approved there;</li>
 *   <li>status: an item's own status; an institution's designation status (an institution that is not designated,
 *       e.g. a voucher-only site, counts as CURRENT).</li>
 * </ul>
 * With empty text and at least one filter, every record passing the filters is listed (browse); with empty text and no
 * filter, nothing is.
 */
public record LookupQuery(String text, Set<ResultKind> kinds, City city, String institution, DesignationStatus status, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100_000;

    public LookupQuery {
        text = text == null ? "" : text;
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        institution = institution == null || institution.isBlank() ? null : institution.strip();
        if (limit <= 0) throw new IllegalArgumentException("limit must be positive: " + limit);
        limit = Math.min(limit, MAX_LIMIT);
    }

    public static LookupQuery of(String text) {
        return new LookupQuery(text, Set.of(), null, null, null, DEFAULT_LIMIT);
    }

    public LookupQuery withText(String t) { return new LookupQuery(t, kinds, city, institution, status, limit); }

    public LookupQuery withKinds(Set<ResultKind> k) { return new LookupQuery(text, k, city, institution, status, limit); }

    public LookupQuery withCity(City c) { return new LookupQuery(text, kinds, c, institution, status, limit); }

    public LookupQuery withInstitution(String i) { return new LookupQuery(text, kinds, city, i, status, limit); }

    public LookupQuery withStatus(DesignationStatus s) { return new LookupQuery(text, kinds, city, institution, s, limit); }

    public LookupQuery withLimit(int l) { return new LookupQuery(text, kinds, city, institution, status, l); }

    public boolean hasFilter() {
        return !kinds.isEmpty() || city != null || institution != null || status != null;
    }
}
