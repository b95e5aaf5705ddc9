package hk.baycover.gaps;

import com.fasterxml.jackson.core.JsonGenerator;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.model.Catalog;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Lang;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
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

    /*
     * The shape, field by field in this order (nulls are left out, empty lists kept):
     *   lang, asOf?, today, currency, agePolicy, products, drafts [id],
     *   segments [{id, ageBand, ageFrom, ageTo, openBand, livesIn, careRegion, szMedicalInsurance, conditions, label}],
     *   needs [{id, name}],
     *   cells [{segment, need, level, covering, full, partial,
     *           cheapest? {amount, currency, product, age, sex?, sample, fxSample, originalAmount, originalCurrency},
     *           unknownPremiums, premiumNote?,
     *           reasons? [{group, text, count, products [{id, name, draft, reasons [text], eligibleAges?}]}]}],
     *   summary {segments, needs, cells, full, partial, uncovered},
     *   diff? {drafts [id], closes, improves, changed,
     *          cells [{segment, need, levelBefore, levelAfter, coveringBefore, coveringAfter, closes, improves, cheaper}]}
     */

    /**
     * Streams the report to {@code out} as JSON, one cell at a time, straight onto a Jackson generator (no object tree,
     * no per-cell objects): memory stays flat however many products and failing reasons the catalog holds (a full
     * report over 10,000 products is hundreds of megabytes of text, never held in memory). The shape is above; the
     * text is the default pretty printer's.
     */
    public static void write(Writer out, GapMatrix m, Catalog catalog, List<Product> drafts, GapDiff diff, Lang lang) throws IOException {
        int full = 0;
        int partial = 0;
        for (int s = 0; s < m.segments().size(); s++) {
            for (int n = 0; n < m.needs().size(); n++) {
                CoverageLevel l = m.cell(s, n).level();
                if (l == CoverageLevel.FULL) full++;
                else if (l == CoverageLevel.PARTIAL) partial++;
            }
        }
        JsonGenerator g = CatalogJson.output().getFactory().createGenerator(out);
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
        ids(g, drafts);
        g.writeArrayFieldStart("segments");
        for (Segment s : m.segments()) {
            g.writeStartObject();
            g.writeStringField("id", s.id());
            g.writeStringField("ageBand", s.band().code());
            g.writeNumberField("ageFrom", s.band().from());
            g.writeNumberField("ageTo", s.band().to());
            g.writeBooleanField("openBand", s.band().open());
            g.writeStringField("livesIn", s.livesIn().name());
            g.writeStringField("careRegion", s.careRegion().name());
            g.writeBooleanField("szMedicalInsurance", s.szInsured());
            g.writeStringField("conditions", s.condition().name());
            g.writeStringField("label", GapTexts.segment(lang, s));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("needs");
        for (var n : m.needs()) {
            g.writeStartObject();
            g.writeStringField("id", n.name());
            g.writeStringField("name", GapTexts.name(lang, n));
            g.writeEndObject();
        }
        g.writeEndArray();
        // the same reason reads the same in every cell: each text is made once
        Map<Reason, String> texts = new HashMap<>();
        g.writeArrayFieldStart("cells");
        for (int s = 0; s < m.segments().size(); s++) {
            for (int n = 0; n < m.needs().size(); n++) {
                cell(g, m, s, n, m.cell(s, n), lang, texts);
            }
            g.flush();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("segments", m.segments().size());
        g.writeNumberField("needs", m.needs().size());
        g.writeNumberField("cells", m.cellCount());
        g.writeNumberField("full", full);
        g.writeNumberField("partial", partial);
        g.writeNumberField("uncovered", m.cellCount() - full - partial);
        g.writeEndObject();
        if (diff != null) {
            g.writeObjectFieldStart("diff");
            g.writeFieldName("drafts");
            ids(g, drafts);
            g.writeNumberField("closes", diff.closes().size());
            g.writeNumberField("improves", diff.improves().size());
            g.writeNumberField("changed", diff.changes().size());
            g.writeArrayFieldStart("cells");
            for (GapDiff.Change ch : diff.changes()) {
                g.writeStartObject();
                g.writeStringField("segment", ch.after().segment().id());
                g.writeStringField("need", ch.after().need().name());
                g.writeStringField("levelBefore", ch.before().level().name());
                g.writeStringField("levelAfter", ch.after().level().name());
                g.writeNumberField("coveringBefore", ch.before().covering());
                g.writeNumberField("coveringAfter", ch.after().covering());
                g.writeBooleanField("closes", ch.closes());
                g.writeBooleanField("improves", ch.improves());
                g.writeBooleanField("cheaper", ch.cheaper());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.flush();
        out.write(System.lineSeparator());
        out.flush();
    }

    private static void ids(JsonGenerator g, List<Product> products) throws IOException {
        g.writeStartArray();
        for (Product p : products) g.writeString(p.id());
        g.writeEndArray();
    }

    private static void cell(JsonGenerator g, GapMatrix m, int s, int n, CellSummary c, Lang lang, Map<Reason, String> texts) throws IOException {
        g.writeStartObject();
        g.writeStringField("segment", c.segment().id());
        g.writeStringField("need", c.need().name());
        g.writeStringField("level", c.level().name());
        g.writeNumberField("covering", c.covering());
        g.writeNumberField("full", c.full());
        g.writeNumberField("partial", c.partial());
        PremiumPick p = c.cheapest();
        if (p != null) {
            g.writeObjectFieldStart("cheapest");
            g.writeFieldName("amount");
            g.writeNumber(p.annual().amount());
            g.writeStringField("currency", p.annual().currency().name());
            g.writeStringField("product", p.productId());
            g.writeNumberField("age", p.age());
            if (p.sex() != null) g.writeStringField("sex", p.sex().name());
            g.writeBooleanField("sample", p.sample());
            g.writeBooleanField("fxSample", p.fxSample());
            g.writeFieldName("originalAmount");
            g.writeNumber(p.original().amount());
            g.writeStringField("originalCurrency", p.original().currency().name());
            g.writeEndObject();
        }
        g.writeNumberField("unknownPremiums", c.unknownPremiums());
        String note = c.covering() == 0 ? null : p == null ? "ONLY_UNKNOWN" : p.sample() ? "SAMPLE" : null;
        if (note != null) g.writeStringField("premiumNote", note);
        if (c.uncovered()) {
            g.writeArrayFieldStart("reasons");
            CellDetail d = m.detail(s, n);
            for (Map.Entry<ReasonGroup, List<CellDetail.Failure>> e : d.failing().entrySet()) {
                g.writeStartObject();
                g.writeStringField("group", e.getKey().name());
                g.writeStringField("text", GapTexts.group(lang, e.getKey()));
                g.writeNumberField("count", e.getValue().size());
                g.writeArrayFieldStart("products");
                for (CellDetail.Failure f : e.getValue()) {
                    g.writeStartObject();
                    g.writeStringField("id", f.product().id());
                    String name = f.product().name().get(lang);
                    if (name != null) g.writeStringField("name", name);
                    g.writeBooleanField("draft", f.draft());
                    g.writeArrayFieldStart("reasons");
                    for (Reason r : f.reasons()) g.writeString(texts.computeIfAbsent(r, x -> GapTexts.reason(lang, x)));
                    g.writeEndArray();
                    if (f.group() == ReasonGroup.INELIGIBLE_AGE && !f.verdict().eligibleAges().isEmpty()) {
                        g.writeStringField("eligibleAges", f.verdict().eligibleAgesText());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            if (d.failing().isEmpty()) {
                g.writeStartObject();
                g.writeStringField("group", "NO_PRODUCTS");
                g.writeStringField("text", hk.baycover.i18n.I18n.get(lang, "gaps.reason.noProducts"));
                g.writeNumberField("count", 0);
                g.writeArrayFieldStart("products");
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
