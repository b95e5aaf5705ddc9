package hk.baycover.gaps;

import hk.baycover.model.Catalog;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Lang;
import hk.baycover.model.Product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of {@code gaps --json} (ADR 0043): the segments, the needs and every cell (segment, need, coverage
 * level, number of covering products, cheapest premium), with the reasons for each uncovered cell; with drafts, a
 * {@code diff} of the cells they change. Cells describe the matrix with the drafts included.
 */
public record GapReport(String lang, String asOf, String today, String currency, String agePolicy, int products, List<String> drafts,
                        List<SegmentJson> segments, List<NeedJson> needs, List<CellJson> cells, Summary summary, Diff diff) {

    public record SegmentJson(String id, String ageBand, int ageFrom, int ageTo, boolean openBand, String livesIn, String careRegion,
                              boolean szMedicalInsurance, String conditions, String label) {
    }

    public record NeedJson(String id, String name) {
    }

    public record Premium(BigDecimal amount, String currency, String product, int age, String sex, boolean sample, boolean fxSample,
                          BigDecimal originalAmount, String originalCurrency) {
    }

    public record ProductReason(String id, String name, boolean draft, List<String> reasons, String eligibleAges) {
    }

    public record ReasonJson(String group, String text, int count, List<ProductReason> products) {
    }

    public record CellJson(String segment, String need, String level, int covering, int full, int partial, Premium cheapest,
                           int unknownPremiums, String premiumNote, List<ReasonJson> reasons) {
    }

    public record Summary(int segments, int needs, int cells, int full, int partial, int uncovered) {
    }

    public record Change(String segment, String need, String levelBefore, String levelAfter, int coveringBefore, int coveringAfter,
                         boolean closes, boolean improves, boolean cheaper) {
    }

    public record Diff(List<String> drafts, int closes, int improves, int changed, List<Change> cells) {
    }

    public static GapReport of(GapMatrix m, Catalog catalog, List<Product> drafts, GapDiff diff, Lang lang) {
        List<SegmentJson> segments = m.segments().stream().map(s -> new SegmentJson(s.id(), s.band().code(), s.band().from(), s.band().to(),
                s.band().open(), s.livesIn().name(), s.careRegion().name(), s.szInsured(), s.condition().name(), GapTexts.segment(lang, s))).toList();
        List<NeedJson> needs = m.needs().stream().map(n -> new NeedJson(n.name(), GapTexts.name(lang, n))).toList();
        List<CellJson> cells = new ArrayList<>();
        int full = 0;
        int partial = 0;
        for (int s = 0; s < m.segments().size(); s++) {
            for (int n = 0; n < m.needs().size(); n++) {
                CellSummary c = m.cell(s, n);
                if (c.level() == CoverageLevel.FULL) full++;
                else if (c.level() == CoverageLevel.PARTIAL) partial++;
                cells.add(cell(m, s, n, c, lang));
            }
        }
        Summary summary = new Summary(m.segments().size(), m.needs().size(), m.cellCount(), full, partial, m.cellCount() - full - partial);
        Diff d = null;
        if (diff != null) {
            List<Change> changes = diff.changes().stream().map(ch -> new Change(ch.after().segment().id(), ch.after().need().name(),
                    ch.before().level().name(), ch.after().level().name(), ch.before().covering(), ch.after().covering(), ch.closes(),
                    ch.improves(), ch.cheaper())).toList();
            d = new Diff(drafts.stream().map(Product::id).toList(), diff.closes().size(), diff.improves().size(), changes.size(), changes);
        }
        return new GapReport(lang.tag(), catalog.asOf().map(Object::toString).orElse(null), m.engine().today().toString(),
                m.config().currency().name(), m.config().agePolicy().name(), m.products().size() - drafts.size(),
                drafts.stream().map(Product::id).toList(), segments, needs, cells, summary, d);
    }

    private static CellJson cell(GapMatrix m, int s, int n, CellSummary c, Lang lang) {
        Premium premium = null;
        PremiumPick p = c.cheapest();
        if (p != null) {
            premium = new Premium(p.annual().amount(), p.annual().currency().name(), p.productId(), p.age(), p.sex() == null ? null : p.sex().name(),
                    p.sample(), p.fxSample(), p.original().amount(), p.original().currency().name());
        }
        String note = c.covering() == 0 ? null : p == null ? "ONLY_UNKNOWN" : p.sample() ? "SAMPLE" : null;
        List<ReasonJson> reasons = null;
        if (c.uncovered()) {
            reasons = new ArrayList<>();
            CellDetail d = m.detail(s, n);
            for (Map.Entry<ReasonGroup, List<CellDetail.Failure>> e : d.failing().entrySet()) {
                List<ProductReason> products = e.getValue().stream().map(f -> new ProductReason(f.product().id(), f.product().name().get(lang),
                        f.draft(), f.reasons().stream().map(r -> GapTexts.reason(lang, r)).toList(),
                        f.group() == ReasonGroup.INELIGIBLE_AGE && !f.verdict().eligibleAges().isEmpty() ? f.verdict().eligibleAgesText() : null)).toList();
                reasons.add(new ReasonJson(e.getKey().name(), GapTexts.group(lang, e.getKey()), products.size(), products));
            }
            if (reasons.isEmpty()) reasons.add(new ReasonJson("NO_PRODUCTS", hk.baycover.i18n.I18n.get(lang, "gaps.reason.noProducts"), 0, List.of()));
        }
        return new CellJson(c.segment().id(), c.need().name(), c.level().name(), c.covering(), c.full(), c.partial(), premium,
                c.unknownPremiums(), note, reasons);
    }
}
