package hk.baycover.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
        List<PartialDate> dates = new ArrayList<>();
        int records = 0;
        int stale = 0;
        List<Sourced> all = new ArrayList<>();
        all.addAll(pack.institutions());
        all.addAll(pack.items());
        all.addAll(pack.products());
        all.addAll(pack.scenarios());
        for (Sourced s : all) {
            records++;
            if (s.asOf() != null) dates.add(s.asOf());
            if (stale(s.asOf(), today)) stale++;
        }
        for (RunningTotal t : pack.totals()) {
            records++;
            if (t.asOf() != null) dates.add(t.asOf());
            if (stale(t.asOf(), today)) stale++;
        }
        PartialDate oldest = dates.stream().min(PartialDate::compareTo).orElse(null);
        List<CoverageFigure> coverage = new ArrayList<>();
        for (OfficialTotal o : pack.pack().officialTotals()) {
            coverage.add(new CoverageFigure(o.key().name(), named(o.key(), pack), o.total(), o.asOf()));
        }
        return new Freshness(oldest, records, stale, cutoff(today), coverage);
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
