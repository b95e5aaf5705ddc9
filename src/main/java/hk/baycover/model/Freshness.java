package hk.baycover.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How current a dataset is: its oldest record as-of date and how many records are older than twelve months on the
 * app's clock ("may be out of date"), with its coverage of the official lists it draws from.
 *
 * @param oldestAsOf the oldest as-of date among the dataset's records (null when none has one)
 * @param records    records that carry an as-of date or should (institutions, items, products, scenarios, totals)
 * @param stale      of those, how many are older than twelve months (a record without an as-of counts as stale)
 * @param staleBefore the cut-off day: a record current to an earlier day is stale
 */
public record Freshness(PartialDate oldestAsOf, int records, int stale, LocalDate staleBefore, List<CoverageFigure> coverage) {

    /** Months after which a record "may be out of date". */
    public static final int MONTHS = 12;

    public Freshness {
        coverage = coverage == null ? List.of() : List.copyOf(coverage);
    }

    /** One official list and how much of it the dataset names: {@code named} of {@code total} as of {@code asOf}. */
    public record CoverageFigure(String key, int named, int total, PartialDate asOf) {
    }

    public static LocalDate cutoff(LocalDate today) {
        return today.minusMonths(MONTHS);
    }

    /** True when a record current to {@code asOf} is older than twelve months on {@code today}, or has no as-of at all. */
    public static boolean stale(PartialDate asOf, LocalDate today) {
        return asOf == null || asOf.earliest().isBefore(cutoff(today));
    }

    public static boolean stale(Sourced record, LocalDate today) {
        return stale(record.asOf(), today);
    }

    /** Freshness of one pack on {@code today}; coverage counts come from the pack's records against its stated official totals. */
    public static Freshness of(Pack pack, LocalDate today) {
        return of(asOfTally(pack), namedTally(pack), pack.pack().officialTotals(), today);
    }

    /**
     * Freshness from a dataset's tallies (kept at import, so nothing is recounted): {@code asOf} maps each record
     * as-of date as written ({@code ""} for a record without one) to how many records carry it, {@code named} maps
     * each official list ({@link OfficialTotal.Key} name) to how many records count towards it.
     */
    public static Freshness of(Map<String, Integer> asOf, Map<String, Integer> named, List<OfficialTotal> officialTotals, LocalDate today) {
        PartialDate oldest = null;
        int records = 0;
        int stale = 0;
        for (Map.Entry<String, Integer> e : asOf.entrySet()) {
            PartialDate d = e.getKey().isEmpty() ? null : PartialDate.parse(e.getKey());
            records += e.getValue();
            if (stale(d, today)) stale += e.getValue();
            if (d != null && (oldest == null || d.compareTo(oldest) < 0)) oldest = d;
        }
        List<CoverageFigure> coverage = new ArrayList<>();
        for (OfficialTotal o : officialTotals) {
            coverage.add(new CoverageFigure(o.key().name(), named.getOrDefault(o.key().name(), 0), o.total(), o.asOf()));
        }
        return new Freshness(oldest, records, stale, cutoff(today), coverage);
    }

    /**
     * How many records of the pack carry each as-of date (as written; {@code ""} for none): institutions, items,
     * products, scenarios and running totals.
     */
    public static Map<String, Integer> asOfTally(Pack pack) {
        Map<String, Integer> out = new TreeMap<>();
        List<Sourced> all = new ArrayList<>();
        all.addAll(pack.institutions());
        all.addAll(pack.items());
        all.addAll(pack.products());
        all.addAll(pack.scenarios());
        for (Sourced s : all) out.merge(s.asOf() == null ? "" : s.asOf().value(), 1, Integer::sum);
        for (RunningTotal t : pack.totals()) out.merge(t.asOf() == null ? "" : t.asOf().value(), 1, Integer::sum);
        return out;
    }

    /** For every official list, how many records of the pack count towards it ({@link #named}). */
    public static Map<String, Integer> namedTally(Pack pack) {
        Map<String, Integer> out = new TreeMap<>();
        for (OfficialTotal.Key k : OfficialTotal.Key.values()) out.put(k.name(), named(k, pack));
        return out;
    }

    /** How many records of the pack count towards an official list. */
    public static int named(OfficialTotal.Key key, Pack pack) {
        switch (key) {
            case DESIGNATED_INSTITUTIONS:
                return (int) pack.institutions().stream().filter(i -> i.designation() != null
                        && i.designation().status() == DesignationStatus.CURRENT).count();
            case APPROVED_ITEMS:
                return pack.items().size();
            case APPROVED_DRUGS:
                return (int) pack.items().stream().filter(i -> i.kind() == ItemKind.DRUG).count();
            case APPROVED_DEVICES:
                return (int) pack.items().stream().filter(i -> i.kind() == ItemKind.DEVICE).count();
            case VOUCHER_INSTITUTIONS:
                return (int) pack.institutions().stream().filter(i -> i.voucherPilot() != null).count();
            case RCSGD_HOMES:
                return (int) pack.institutions().stream().filter(i -> i.residentialCareScheme() != null).count();
            case VHIS_STANDARD_PLANS:
                return (int) pack.products().stream().filter(p -> p.kind() == ProductKind.VHIS && p.id().endsWith("-vhis-standard")).count();
            default:
                return 0;
        }
    }
}
