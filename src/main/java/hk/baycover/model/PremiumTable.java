package hk.baycover.model;

import java.util.List;

/** Premiums by age band, sex, smoker status and plan option, in one currency. */
public record PremiumTable(
        PremiumStatus status,
        Currency currency,
        PremiumFrequency frequency,
        AgeBasis ageBasis,
        List<String> options,
        List<PremiumRow> rows,
        LocalizedText note,
        List<PremiumChange> changes,
        List<Source> sources,
        String sourceNote,
        PartialDate asOf,
        Confidence confidence,
        boolean sample) {

    public PremiumTable {
        status = status == null ? (rows == null || rows.isEmpty() ? PremiumStatus.NOT_PUBLISHED : PremiumStatus.TABLE) : status;
        frequency = frequency == null ? PremiumFrequency.ANNUAL : frequency;
        ageBasis = ageBasis == null ? AgeBasis.NOT_STATED : ageBasis;
        options = options == null ? List.of() : List.copyOf(options);
        rows = rows == null ? List.of() : List.copyOf(rows);
        changes = changes == null ? List.of() : List.copyOf(changes);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** The rows in force on {@code date}: the latest change from on or before it, else the table's own rows. */
    public List<PremiumRow> rowsOn(java.time.LocalDate date) {
        List<PremiumRow> out = rows;
        java.time.LocalDate at = null;
        for (PremiumChange c : changes) {
            if (c.from().isAfter(date) || (at != null && c.from().isBefore(at))) continue;
            out = c.rows();
            at = c.from();
        }
        return out;
    }

    public static PremiumTable notPublished() {
        return new PremiumTable(PremiumStatus.NOT_PUBLISHED, null, null, null, null, null, null, null, null, null, null, null, false);
    }
}
