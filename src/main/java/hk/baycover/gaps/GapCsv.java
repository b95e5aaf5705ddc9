package hk.baycover.gaps;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;

import hk.baycover.io.CsvWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The matrix as CSV ({@link CsvWriter}: RFC 4180, UTF-8 with a byte-order mark, formula guard): one row
 * per segment × need, with ids for machines and labels in the chosen language for people.
 */
public final class GapCsv {

    private GapCsv() {
    }

    /** Streams the CSV to {@code out} (callers write files through {@code io.SafeFiles}). */
    public static void write(GapMatrix m, Lang lang, OutputStream out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row(I18n.get(lang, "gaps.csv.segmentId"), I18n.get(lang, "gaps.csv.ageBand"), I18n.get(lang, "gaps.csv.livesIn"),
                I18n.get(lang, "gaps.csv.szInsurance"), I18n.get(lang, "gaps.csv.conditions"), I18n.get(lang, "gaps.csv.needId"),
                I18n.get(lang, "gaps.csv.need"), I18n.get(lang, "gaps.csv.level"), I18n.get(lang, "gaps.csv.covering"),
                I18n.get(lang, "gaps.csv.full"), I18n.get(lang, "gaps.csv.partial"), I18n.get(lang, "gaps.csv.cheapest"),
                I18n.get(lang, "gaps.csv.currency"), I18n.get(lang, "gaps.csv.cheapestProduct"), I18n.get(lang, "gaps.csv.premiumNote"),
                I18n.get(lang, "gaps.csv.unknownPremiums"), I18n.get(lang, "gaps.csv.reasons"));
        for (int s = 0; s < m.segments().size(); s++) {
            for (int n = 0; n < m.needs().size(); n++) {
                CellSummary c = m.cell(s, n);
                Segment seg = c.segment();
                String reasons = "";
                if (c.uncovered()) {
                    Map<ReasonGroup, List<CellDetail.Failure>> f = m.detail(s, n).failing();
                    reasons = f.entrySet().stream().map(e -> GapTexts.group(lang, e.getKey()) + ": " + e.getValue().size())
                            .collect(Collectors.joining("; "));
                    if (reasons.isEmpty()) reasons = I18n.get(lang, "gaps.reason.noProducts");
                }
                String note = c.cheapest() == null ? (c.covering() > 0 ? I18n.get(lang, "gaps.premium.unknownOnly") : "")
                        : ((c.cheapest().sample() ? I18n.get(lang, "gaps.premium.sample") + " " : "") + (c.cheapest().fxSample() ? I18n.get(lang, "gaps.premium.fxSample") : "")).strip();
                csv.row(seg.id(), seg.band().label(), GapTexts.name(lang, seg.livesIn()), GapTexts.insurance(lang, seg.szInsured()),
                        GapTexts.name(lang, seg.condition()), c.need().name(), GapTexts.name(lang, c.need()), GapTexts.name(lang, c.level()),
                        String.valueOf(c.covering()), String.valueOf(c.full()), String.valueOf(c.partial()),
                        c.cheapest() == null ? "" : c.cheapest().annual().amount().toPlainString(),
                        c.cheapest() == null ? "" : c.cheapest().annual().currency().name(),
                        c.cheapest() == null ? "" : c.cheapest().productId(), note, String.valueOf(c.unknownPremiums()), reasons);
            }
        }
        csv.flush();
    }
}
