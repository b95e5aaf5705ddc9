package hk.baycover.gaps;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.model.Catalog;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Lang;
import hk.baycover.model.Product;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of {@code gaps --json} (ADR 0043) — lang, asOf, today, currency, agePolicy, products, drafts, segments,
 * needs, cells, summary, diff: the segments, the needs and every cell (segment, need, coverage
 * level, number of covering products, cheapest premium), with the reasons for each uncovered cell; with drafts, a
 * {@code diff} of the cells they change. Cells describe the matrix with the drafts included.
 */
public final class GapReport {

    private GapReport() {
    }

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

    /**
     * Streams the report to {@code out} as JSON, one cell at a time: memory stays flat however many products and
     * failing reasons the catalog holds (a full report over 10,000 products is hundreds of megabytes of text, never held
     * in memory). Same shape and field order as the record, nulls left out.
     */
    public static void write(Writer out, GapMatrix m, Catalog catalog, List<Product> drafts, GapDiff diff, Lang lang) throws IOException {
        ObjectMapper om = CatalogJson.output();
        List<SegmentJson> segments = m.segments().stream().map(s -> new SegmentJson(s.id(), s.band().code(), s.band().from(), s.band().to(),
                s.band().open(), s.livesIn().name(), s.careRegion().name(), s.szInsured(), s.condition().name(), GapTexts.segment(lang, s))).toList();
        List<NeedJson> needs = m.needs().stream().map(n -> new NeedJson(n.name(), GapTexts.name(lang, n))).toList();
        int full = 0;
        int partial = 0;
        for (int s = 0; s < m.segments().size(); s++) {
            for (int n = 0; n < m.needs().size(); n++) {
                CoverageLevel l = m.cell(s, n).level();
                if (l == CoverageLevel.FULL) full++;
                else if (l == CoverageLevel.PARTIAL) partial++;
            }
        }
        Summary summary = new Summary(m.segments().size(), m.needs().size(), m.cellCount(), full, partial, m.cellCount() - full - partial);
        JsonGenerator g = om.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("lang", lang.tag());
        String asOf = catalog.asOf().map(Object::toString).orElse(null);
        if (asOf != null) g.writeStringField("asOf", asOf);
        g.writeStringField("today", m.engine().today().toString());
        g.writeStringField("currency", m.config().currency().name());
        g.writeStringField("agePolicy", m.config().agePolicy().name());
        g.writeNumberField("products", m.products().size() - drafts.size());
        g.writeFieldName("drafts");
        om.writeValue(g, drafts.stream().map(Product::id).toList());
        g.writeFieldName("segments");
        om.writeValue(g, segments);
        g.writeFieldName("needs");
        om.writeValue(g, needs);
        g.writeArrayFieldStart("cells");
        for (int s = 0; s < m.segments().size(); s++) {
            for (int n = 0; n < m.needs().size(); n++) {
                om.writeValue(g, cell(m, s, n, m.cell(s, n), lang));
            }
            g.flush();
        }
        g.writeEndArray();
        g.writeFieldName("summary");
        om.writeValue(g, summary);
        if (diff != null) {
            List<Change> changes = diff.changes().stream().map(ch -> new Change(ch.after().segment().id(), ch.after().need().name(),
                    ch.before().level().name(), ch.after().level().name(), ch.before().covering(), ch.after().covering(), ch.closes(),
                    ch.improves(), ch.cheaper())).toList();
            g.writeFieldName("diff");
            om.writeValue(g, new Diff(drafts.stream().map(Product::id).toList(), diff.closes().size(), diff.improves().size(), changes.size(), changes));
        }
        g.writeEndObject();
        g.flush();
        out.write(System.lineSeparator());
        out.flush();
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
