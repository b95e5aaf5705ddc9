package hk.baycover.lookup;

import hk.baycover.model.Catalog;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.ItemKind;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.PackKind;
import hk.baycover.model.PartialDate;
import hk.baycover.model.RegulatedItem;
import hk.baycover.model.RunningTotal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the loaded 港澳藥械通 data covers: its own coverage statement and as-of date (from the dataset headers), how
 * many records it holds, and the latest official running total it can be compared with.
 */
public record DataAbout(List<LocalizedText> coverage, PartialDate asOf, RunningTotal latestTotal,
                        int drugs, int devices, int institutions, int sampleRecords) {

    public static DataAbout of(Catalog catalog) {
        List<RegulatedItem> items = catalog.items();
        int drugs = (int) items.stream().filter(i -> i.kind() == ItemKind.DRUG).count();
        int samples = (int) (items.stream().filter(RegulatedItem::sample).count()
                + catalog.institutions().stream().filter(i -> i.sample()).count());
        return of(catalog.datasets(), catalog.totals(), drugs, items.size() - drugs, catalog.institutions().size(), samples);
    }

    /**
     * The same from the datasets, the running totals and counts kept elsewhere (the command line's lookup, which reads
     * no whole catalog): {@code devices} are the items that are not drugs, {@code samples} the sample items and
     * institutions.
     */
    public static DataAbout of(List<DatasetInfo> datasets, List<RunningTotal> totals, int drugs, int devices, int institutions, int samples) {
        List<DatasetInfo> sets = datasets.stream().filter(d -> d.kind() == PackKind.DRUGS_DEVICES).toList();
        List<LocalizedText> coverage = sets.stream().map(d -> d.header().coverage()).filter(c -> c != null && !c.isEmpty()).toList();
        PartialDate asOf = sets.stream().map(DatasetInfo::asOf).max(Comparator.naturalOrder()).orElse(null);
        // the latest count of the whole measure's approvals (not one hospital's, not a catalogue's entries)
        RunningTotal latest = totals.stream().filter(RunningTotal::wholeMeasure).max(Comparator.comparing(RunningTotal::asOf)).orElse(null);
        return new DataAbout(coverage, asOf, latest, drugs, devices, institutions, samples);
    }

    public Optional<PartialDate> asOfDate() { return Optional.ofNullable(asOf); }

    /** Items named in the data as a share of the official total (0–100), when the total gives one. */
    public Optional<Integer> itemShare() {
        if (latestTotal == null) return Optional.empty();
        Integer total = latestTotal.total() != null ? latestTotal.total()
                : latestTotal.drugs() != null && latestTotal.devices() != null ? latestTotal.drugs() + latestTotal.devices() : null;
        if (total == null || total == 0) return Optional.empty();
        return Optional.of(Math.min(100, Math.round(100f * (drugs + devices) / total)));
    }
}
