package hk.baycover.report;

import hk.baycover.i18n.SourceText;
import hk.baycover.compare.Format;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.FxRate;
import hk.baycover.model.Lang;
import hk.baycover.model.Layer;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.Reason;
import hk.baycover.model.Source;
import hk.baycover.planning.Adjudicator;
import hk.baycover.planning.Amounts;
import hk.baycover.planning.PlanReport;
import hk.baycover.planning.PremiumProjection;
import hk.baycover.planning.Recommendation;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static hk.baycover.report.PdfBuilder.Cell;

/**
 * The client's proposal as a PDF in the client's language (繁 / 简 / EN), A4: client summary, the plan by layer, the
 * premium projection (chart and table), coverage per need with the deciding rule, each episode with what every layer
 * pays on every line and why, the gaps left, the recommendation's reasoning when there is one, sources with as-of
 * dates, sample labels on illustrative figures, a disclaimer and page numbers. Everything comes from one
 * {@link PlanReport}, so the PDF says exactly what the screen and the CLI say.
 */
public final class ProposalPdf {

    private static final Color[] PALETTE = {
            new Color(0x0b, 0x6e, 0x69), new Color(0xe6, 0xab, 0x02), new Color(0x5e, 0x3c, 0x99), new Color(0xd9, 0x5f, 0x02),
            new Color(0x1b, 0x9e, 0x77), new Color(0x66, 0x66, 0x66), new Color(0xe7, 0x29, 0x8a), new Color(0x2c, 0x7f, 0xb8)};

    private final Catalog catalog;
    private final Lang lang;

    public ProposalPdf(Catalog catalog, Lang lang) {
        this.catalog = catalog;
        this.lang = lang;
    }

    private String t(String key, Object... args) {
        return I18n.get(lang, key, args);
    }

    private String reason(Reason r) {
        return I18n.reason(lang, r);
    }

    private String name(String productId) {
        return catalog.product(productId).map(p -> p.name().get(lang)).orElse(t("pdf.unknownProduct"));
    }

    private String institution(String id) {
        if (id == null) return "";
        return catalog.institution(id).map(i -> i.name().get(lang)).orElse("");
    }

    /** Renders the proposal; {@code recommendation} may be null. */
    public byte[] render(PlanReport report, Recommendation recommendation, ProgressMonitor monitor) {
        ProgressMonitor m = monitor == null ? ProgressMonitor.NONE : monitor;
        try (PdfBuilder pdf = new PdfBuilder(PdfBuilder.Orientation.PORTRAIT, 50f)) {
            pdf.metadata(t("pdf.title"), t("pdf.subject"), lang.tag());
            String asOf = report.datasetAsOf() == null ? "—" : report.datasetAsOf().value();
            pdf.footer(t("pdf.footer", asOf, report.today().toString()));
            pdf.newPage();
            m.progress(1, 8, null);
            // page 1: the plain-language summary for the client; the details follow from page 2
            summary(pdf, report, recommendation);
            pdf.newPage();
            title(pdf, report);
            client(pdf, report.client(), report.today());
            m.checkCancelled();
            m.progress(2, 8, null);
            plan(pdf, report);
            m.progress(3, 8, null);
            projection(pdf, report);
            m.checkCancelled();
            m.progress(4, 8, null);
            coverage(pdf, report);
            m.progress(5, 8, null);
            episodes(pdf, report);
            m.checkCancelled();
            m.progress(6, 8, null);
            gaps(pdf, report);
            if (recommendation != null) recommendation(pdf, report, recommendation);
            m.progress(7, 8, null);
            pdf.newPage();
            sources(pdf, report);
            disclaimer(pdf);
            byte[] bytes = pdf.pageLabel((i, n) -> t("pdf.page", i, n)).toBytes();
            m.progress(8, 8, null);
            return bytes;
        }
    }

    /** Body text of the summary page: large enough for a reader of any age. */
    private static final float BODY = 12.5f;

    /**
     * The summary page in plain words: for whom and when; what the plan covers, need by need; what it costs a year (the
     * known part and what is still to be quoted); what the client would pay in each chosen scenario, as a range with the
     * reasons it is a range; what is not covered and what to do about it; what the agent must still confirm.
     */
    private void summary(PdfBuilder pdf, PlanReport r, Recommendation rec) {
        ClientProfile c = r.client();
        pdf.paragraph(t("pdf.title"), 22, PdfBuilder.ACCENT);
        String who = c.name() == null || c.name().isBlank() ? t("pdf.sum.forClient") : c.name();
        pdf.paragraph(t("pdf.sum.for", who, c.ageOn(r.today(), hk.baycover.model.AgeBasis.LAST_BIRTHDAY, r.today()),
                r.today().format(DateTimeFormatter.ISO_LOCAL_DATE)), BODY, PdfBuilder.TEXT);
        if (r.anySample()) pdf.paragraph(t("pdf.sampleLegend"), BODY, PdfBuilder.SAMPLE);
        pdf.gap(4);

        // what the plan covers, need by need
        pdf.heading(t("pdf.sum.covers"), 15);
        if (r.layered().isEmpty()) pdf.paragraph(t("pdf.plan.empty"), BODY, PdfBuilder.ERROR);
        for (PlanReport.NeedCover nc : r.coverage()) {
            String text = switch (nc.level()) {
                case FULL -> t("pdf.sum.cover.full", I18n.enumName(lang, nc.need()), nc.decidingProduct() == null ? "" : name(nc.decidingProduct()));
                case PARTIAL -> t("pdf.sum.cover.partial", I18n.enumName(lang, nc.need()), nc.decidingProduct() == null ? "" : name(nc.decidingProduct()));
                default -> t("pdf.sum.cover.none", I18n.enumName(lang, nc.need()));
            };
            pdf.paragraph("• " + text, BODY, nc.level() == CoverageLevel.NONE ? PdfBuilder.ERROR : PdfBuilder.TEXT, 8);
        }

        // what it costs a year
        pdf.heading(t("pdf.sum.costs"), 15);
        PremiumProjection.Result proj = r.projection();
        if (!proj.years().isEmpty()) {
            PremiumProjection.Year y1 = proj.years().get(0);
            pdf.paragraph(t("pdf.sum.year1", Amounts.format(y1.total(), lang)), BODY, PdfBuilder.TEXT, 8);
            if (!y1.toBeQuoted().isEmpty()) {
                pdf.paragraph(t("pdf.sum.quoted", Format.join(lang, y1.toBeQuoted().stream().map(this::name).toList())), BODY,
                        PdfBuilder.SAMPLE, 8);
            }
            pdf.paragraph(t("pdf.sum.horizon", proj.years().size(), Amounts.format(proj.total(), lang))
                    + (proj.complete() ? "" : " " + t("pdf.sum.horizonIncomplete")), BODY, PdfBuilder.TEXT, 8);
            if (c.budget() != null && proj.years().stream().anyMatch(PremiumProjection.Year::overBudget)) {
                pdf.paragraph(t("pdf.sum.overBudget", Amounts.format(c.budget(), lang)), BODY, PdfBuilder.ERROR, 8);
            }
        }

        // what the client would pay in each chosen scenario
        if (!r.episodes().isEmpty()) {
            pdf.heading(t("pdf.sum.scenarios"), 15);
            for (Adjudicator.EpisodeResult e : r.episodes()) {
                pdf.paragraph("• " + t("pdf.sum.scenario", e.scenario().name().get(lang), Amounts.format(e.totalCost(), lang),
                        Amounts.range(e.totalOutOfPocket(), lang)), BODY, PdfBuilder.TEXT, 8);
                if (!e.dependsOn().isEmpty()) {
                    Set<String> why = new LinkedHashSet<>();
                    for (Adjudicator.Dependency d : e.dependsOn()) why.add(t("plan.dependsOn", d.productName().get(lang), reason(d.text())));
                    pdf.paragraph(t("pdf.sum.rangeWhy") + " " + String.join(t("pdf.sum.sep"), why), BODY, PdfBuilder.MUTED, 22);
                }
            }
        }

        // what is not covered, and what to do about it
        pdf.heading(t("pdf.sum.notCovered"), 15);
        Set<Need> uncovered = new java.util.LinkedHashSet<>();
        for (PlanReport.NeedCover nc : r.coverage()) if (nc.level() == CoverageLevel.NONE) uncovered.add(nc.need());
        if (rec != null) for (Recommendation.Uncovered u : rec.uncovered()) uncovered.add(u.need());
        if (uncovered.isEmpty()) pdf.paragraph(t("pdf.sum.allCovered"), BODY, PdfBuilder.TEXT, 8);
        for (Need n : uncovered) {
            pdf.paragraph("• " + t("pdf.sum.gap", I18n.enumName(lang, n)), BODY, PdfBuilder.ERROR, 8);
            String advice = n == Need.GBA_DRUG ? t("pdf.sum.advice.GBA_DRUG") : t("pdf.sum.advice");
            pdf.paragraph(advice, BODY, PdfBuilder.TEXT, 22);
        }

        // where 港澳藥械通 drugs and devices are used, nearest the client first
        hk.baycover.planning.NearbyCare.of(r, catalog).ifPresent(near -> {
            pdf.heading(t("nearby.title"), 15);
            for (String line : near.lines(lang)) pdf.paragraph("• " + line, BODY, PdfBuilder.TEXT, 8);
        });

        // what the agent must still confirm with an insurer
        Set<String> confirm = new LinkedHashSet<>();
        for (String id : proj.toBeQuoted()) confirm.add(t("pdf.sum.confirm.premium", name(id)));
        for (hk.baycover.model.EligibilityResult e : r.eligibility()) {
            if (e.status() == hk.baycover.model.EligibilityStatus.UNCONFIRMED && r.layered().stream().anyMatch(p -> p.id().equals(e.productId()))) {
                confirm.add(t("pdf.sum.confirm.eligibility", name(e.productId())));
            }
        }
        for (Adjudicator.EpisodeResult e : r.episodes()) {
            for (Adjudicator.Dependency d : e.dependsOn()) confirm.add(t("plan.dependsOn", d.productName().get(lang), reason(d.text())));
        }
        pdf.heading(t("pdf.sum.confirm"), 15);
        if (confirm.isEmpty()) pdf.paragraph(t("pdf.sum.confirm.none"), BODY, PdfBuilder.TEXT, 8);
        for (String x : confirm) pdf.paragraph("• " + x, BODY, PdfBuilder.TEXT, 8);
        pdf.gap(6);
        pdf.paragraph(t("pdf.sum.details"), BODY, PdfBuilder.MUTED);
    }

    private void title(PdfBuilder pdf, PlanReport r) {
        pdf.paragraph(t("pdf.title"), 20, PdfBuilder.ACCENT);
        String title = r.plan().title() == null ? "" : r.plan().title();
        if (!title.isBlank()) pdf.paragraph(title, 13, PdfBuilder.TEXT);
        pdf.paragraph(t("pdf.prepared", r.today().format(DateTimeFormatter.ISO_LOCAL_DATE),
                r.datasetAsOf() == null ? "—" : r.datasetAsOf().value(), r.plan().startDate().toString()), 9, PdfBuilder.MUTED);
        if (r.anySample()) pdf.paragraph(t("pdf.sampleLegend"), 9, PdfBuilder.SAMPLE);
        pdf.gap(6);
    }

    private void client(PdfBuilder pdf, ClientProfile c, java.time.LocalDate today) {
        pdf.heading(t("pdf.client"), 13);
        List<List<Cell>> rows = new ArrayList<>();
        if (c.name() != null) rows.add(row(t("pdf.client.name"), c.name()));
        String age = c.birthDate() != null ? t("pdf.client.ageBirth", c.ageOn(today, hk.baycover.model.AgeBasis.LAST_BIRTHDAY, today), c.birthDate().toString()) : String.valueOf(c.ageOn(today, hk.baycover.model.AgeBasis.LAST_BIRTHDAY, today));
        rows.add(row(t("pdf.client.age"), age));
        rows.add(row(t("pdf.client.sex"), c.sex() == null ? "—" : I18n.enumName(lang, c.sex())));
        rows.add(row(t("pdf.client.residency"), I18n.enumName(lang, c.residency())));
        rows.add(row(t("pdf.client.livesIn"), I18n.enumName(lang, c.livesIn()) + (c.city() == null ? "" : " · " + I18n.enumName(lang, c.city()))
                + (c.district() == null ? "" : " · " + I18n.enumName(lang, c.district()))));
        rows.add(row(t("pdf.client.sz"), I18n.enumName(lang, c.szMedicalInsurance()) + (c.szTier() == null ? "" : " · " + t("szTier." + c.szTier()))));
        List<String> flags = new ArrayList<>();
        if (c.cssaRecipient()) flags.add(t("requirement.CSSA_RECIPIENT"));
        if (c.careHomeWaitlist()) flags.add(t("requirement.CARE_HOME_WAITLIST"));
        if (c.haFollowUpPatient()) flags.add(t("requirement.HA_FOLLOW_UP_PATIENT"));
        if (c.mainlandResidencePermit()) flags.add(t("requirement.MAINLAND_RESIDENCE_PERMIT"));
        if (!flags.isEmpty()) rows.add(row(t("pdf.client.flags"), Format.clauses(lang, flags)));
        List<String> existing = new ArrayList<>();
        for (String id : c.existingProducts()) existing.add(name(id));
        if (c.existingCoverNote() != null) existing.add(c.existingCoverNote());
        rows.add(row(t("pdf.client.existing"), existing.isEmpty() ? t("pdf.none") : Format.clauses(lang, existing)));
        List<String> cond = new ArrayList<>();
        c.conditions().forEach(h -> cond.add(I18n.enumName(lang, h)));
        if (c.conditionNote() != null) cond.add(c.conditionNote());
        rows.add(row(t("pdf.client.conditions"), cond.isEmpty() ? t("pdf.none") : Format.clauses(lang, cond)));
        List<String> pref = new ArrayList<>();
        c.preferredInstitutions().forEach(i -> pref.add(institution(i)));
        if (!pref.isEmpty()) rows.add(row(t("pdf.client.preferred"), Format.clauses(lang, pref)));
        List<String> needs = new ArrayList<>();
        for (Need n : Need.values()) {
            Priority p = c.needs().get(n);
            if (p != null) needs.add(I18n.enumName(lang, n) + " (" + I18n.enumName(lang, p) + ")");
        }
        rows.add(row(t("pdf.client.needs"), needs.isEmpty() ? t("pdf.none") : Format.clauses(lang, needs)));
        rows.add(row(t("pdf.client.budget"), c.budget() == null ? t("pdf.noBudget") : t("pdf.perYear", Amounts.format(c.budget(), lang))));
        rows.add(row(t("pdf.client.horizon"), t("pdf.years", c.horizon())));
        pdf.table(new float[] {0.3f, 0.7f}, List.of(t("pdf.field"), t("pdf.value")), rows, 9.5f);
    }

    private static List<Cell> row(String a, String b) {
        return List.of(Cell.of(a), Cell.of(b));
    }

    private void plan(PdfBuilder pdf, PlanReport r) {
        pdf.heading(t("pdf.plan"), 13);
        pdf.paragraph(t("pdf.plan.intro", I18n.enumName(lang, r.careRegion())), 9.5f, PdfBuilder.MUTED);
        if (r.layered().isEmpty()) {
            pdf.paragraph(t("pdf.plan.empty"), 10, PdfBuilder.ERROR);
            return;
        }
        List<List<Cell>> rows = new ArrayList<>();
        PremiumProjection.Year first = r.projection().years().isEmpty() ? null : r.projection().years().get(0);
        for (Layer layer : Layer.values()) {
            for (Product p : r.layered()) {
                if (p.layer() != layer) continue;
                EligibilityResult e = r.eligibilityOf(p.id());
                String premium = "—";
                boolean sample = p.sample() || p.premiums().sample();
                if (first != null) {
                    for (PremiumProjection.Cell c : first.cells()) {
                        if (!c.productId().equals(p.id())) continue;
                        premium = c.converted().map(m -> Amounts.format(m, lang)).orElse(reason(c.reason()));
                    }
                }
                String provider = p.provider() == null ? "" : p.provider().get(lang);
                String elig = e == null ? "" : e.eligible() ? t("pdf.eligible") : t("pdf.notEligible") + ": "
                        + Format.clauses(lang, e.blocking().stream().map(this::reason).toList());
                rows.add(List.of(Cell.of(I18n.enumName(lang, layer)),
                        Cell.of(p.name().get(lang) + (provider.isBlank() ? "" : "\n" + provider)),
                        Cell.of(I18n.enumName(lang, p.kind())),
                        new Cell(premium + (sample ? "\n" + t("sample.badge") : ""), sample ? PdfBuilder.SAMPLE : PdfBuilder.TEXT),
                        new Cell(elig, e != null && !e.eligible() ? PdfBuilder.ERROR : PdfBuilder.TEXT)));
            }
        }
        pdf.table(new float[] {0.13f, 0.32f, 0.18f, 0.17f, 0.20f},
                List.of(t("pdf.layer"), t("pdf.product"), t("pdf.kind"), t("pdf.premiumYear1"), t("pdf.eligibility")), rows, 9);
        if (!r.missingProducts().isEmpty()) pdf.paragraph(t("pdf.plan.missingCount", r.missingProducts().size()), 9, PdfBuilder.ERROR);
    }

    private void projection(PdfBuilder pdf, PlanReport r) {
        PremiumProjection.Result proj = r.projection();
        pdf.heading(t("pdf.projection"), 13);
        pdf.paragraph(t("pdf.projection.intro", I18n.enumName(lang, proj.currency())), 9.5f, PdfBuilder.MUTED);
        chart(pdf, r);
        List<List<Cell>> rows = new ArrayList<>();
        for (PremiumProjection.Year y : proj.years()) {
            List<String> parts = new ArrayList<>();
            for (PremiumProjection.Cell c : y.cells()) {
                String v = c.ended() ? t("pdf.ended") : c.toBeQuoted() ? t("plan.premiumToBeQuoted") : c.converted().map(m -> Amounts.format(m, lang)).orElse(t("plan.premiumToBeQuoted"));
                parts.add(name(c.productId()) + ": " + v + (c.sample() && !c.ended() ? " *" : ""));
            }
            String total = Amounts.format(y.total(), lang) + (y.complete() ? "" : " + " + t("plan.toBeQuoted", y.toBeQuoted().size()));
            Color color = y.overBudget() ? PdfBuilder.ERROR : y.sample() ? PdfBuilder.SAMPLE : PdfBuilder.TEXT;
            rows.add(List.of(Cell.of(String.valueOf(y.year())), Cell.of(y.from().toString()), Cell.of(String.valueOf(y.age())),
                    new Cell(total + (y.overBudget() ? "\n" + t("pdf.overBudget") : ""), color), Cell.of(String.join("\n", parts))));
        }
        pdf.table(new float[] {0.07f, 0.15f, 0.07f, 0.21f, 0.50f},
                List.of(t("pdf.year"), t("pdf.from"), t("pdf.age"), t("pdf.total"), t("pdf.byProduct")), rows, 8.5f);
        pdf.paragraph(t("pdf.projection.total", Amounts.format(proj.total(), lang), proj.years().size())
                + (proj.complete() ? "" : " " + t("pdf.projection.incomplete")), 10, PdfBuilder.TEXT);
        if (proj.sample()) pdf.paragraph(t("pdf.projection.sample"), 9, PdfBuilder.SAMPLE);
        List<String> fx = new ArrayList<>();
        for (FxRate rate : r.plan().fx().rates()) {
            boolean note = rate.source() != null && !rate.source().isBlank() && lang == Lang.EN; // the rate's note is an English remark
            String asOfRate = rate.asOf() == null ? "—" : rate.asOf().value();
            fx.add((note ? t("pdf.fxRate", I18n.enumName(lang, rate.from()), Amounts.rate(rate.rate()), I18n.enumName(lang, rate.to()), asOfRate, rate.source())
                    : t("pdf.fxRateShort", I18n.enumName(lang, rate.from()), Amounts.rate(rate.rate()), I18n.enumName(lang, rate.to()), asOfRate))
                    + (rate.sample() ? " (" + t("sample.badge") + ")" : ""));
        }
        pdf.paragraph(t("pdf.fx") + " " + Format.clauses(lang, fx), 8.5f, PdfBuilder.MUTED);
    }

    /** Stacked bars per policy year (one colour per product), the budget as a line, unknown years outlined. */
    private void chart(PdfBuilder pdf, PlanReport r) {
        PremiumProjection.Result proj = r.projection();
        if (proj.years().isEmpty()) return;
        float height = 190;
        float bottom = pdf.reserve(height + 40);
        float left = pdf.left() + 55;
        float width = pdf.width() - 60;
        float base = bottom + 30;
        BigDecimal max = BigDecimal.ONE;
        for (PremiumProjection.Year y : proj.years()) max = max.max(y.total().amount());
        if (proj.budget() != null) max = max.max(proj.budget().amount());
        max = niceCeiling(max);
        pdf.line(left, base, left + width, base, PdfBuilder.MUTED, 0.8f);
        pdf.line(left, base, left, base + height, PdfBuilder.MUTED, 0.8f);
        for (int i = 0; i <= 4; i++) {
            BigDecimal v = max.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(4), 0, RoundingMode.HALF_UP);
            float yy = base + height * i / 4f;
            if (i > 0) pdf.line(left, yy, left + width, yy, PdfBuilder.RULE, 0.3f);
            String label = Amounts.number(v).replace(".00", "");
            pdf.textAt(label, left - 4 - pdf.textWidth(label, 7), yy - 2, 7, PdfBuilder.MUTED);
        }
        int n = proj.years().size();
        float slot = width / n;
        float bar = Math.min(28, slot * 0.65f);
        Map<String, Color> colors = new LinkedHashMap<>();
        for (Product p : r.layered()) colors.put(p.id(), PALETTE[colors.size() % PALETTE.length]);
        for (int i = 0; i < n; i++) {
            PremiumProjection.Year y = proj.years().get(i);
            float x = left + slot * i + (slot - bar) / 2;
            float stack = base;
            for (PremiumProjection.Cell c : y.cells()) {
                if (c.converted().isEmpty()) continue;
                float h = (float) (c.converted().get().amount().doubleValue() / max.doubleValue() * height);
                if (h <= 0) continue;
                pdf.rect(x, stack, bar, h, colors.getOrDefault(c.productId(), PdfBuilder.ACCENT), null);
                stack += h;
            }
            if (!y.complete()) {
                pdf.rect(x, stack, bar, 14, null, PdfBuilder.SAMPLE);
                // an outlined box says in words that this year's premium is still to be quoted (no bare "?")
                String quoted = t("pdf.chart.quotedShort");
                float size = Math.min(7f, bar / Math.max(1, quoted.codePointCount(0, quoted.length())) * 0.95f);
                pdf.textAt(quoted, x + bar / 2 - pdf.textWidth(quoted, size) / 2, stack + 4, size, PdfBuilder.SAMPLE);
            }
            String label = String.valueOf(y.year());
            pdf.textAt(label, x + bar / 2 - pdf.textWidth(label, 7) / 2, base - 10, 7, PdfBuilder.MUTED);
            String age = String.valueOf(y.age());
            pdf.textAt(age, x + bar / 2 - pdf.textWidth(age, 6.5f) / 2, base - 19, 6.5f, PdfBuilder.MUTED);
        }
        pdf.textAt(t("pdf.chart.axis"), left - 50, base - 19, 6.5f, PdfBuilder.MUTED);
        if (proj.budget() != null) {
            float yy = base + (float) (proj.budget().amount().doubleValue() / max.doubleValue() * height);
            for (float x = left; x < left + width; x += 8) pdf.line(x, yy, Math.min(x + 4, left + width), yy, PdfBuilder.ERROR, 1f);
            pdf.textAt(t("pdf.chart.budget", Amounts.format(proj.budget(), lang)), left + width - 150, yy + 3, 7, PdfBuilder.ERROR);
        }
        // legend
        float lx = left;
        float ly = bottom + 2;
        for (Map.Entry<String, Color> e : colors.entrySet()) {
            String label = name(e.getKey());
            if (label.length() > 28) label = label.substring(0, 27) + "...";
            float w = pdf.textWidth(label, 7) + 18;
            if (lx + w > left + width) break;
            pdf.rect(lx, ly, 8, 8, e.getValue(), null);
            pdf.textAt(label, lx + 11, ly + 1, 7, PdfBuilder.TEXT);
            lx += w;
        }
    }

    static BigDecimal niceCeiling(BigDecimal v) {
        double d = v.doubleValue();
        if (d <= 0) return BigDecimal.ONE;
        double mag = Math.pow(10, Math.floor(Math.log10(d)));
        double[] steps = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
        for (double s : steps) if (s * mag >= d) return BigDecimal.valueOf(s * mag).setScale(0, RoundingMode.CEILING);
        return BigDecimal.valueOf(10 * mag);
    }

    private void coverage(PdfBuilder pdf, PlanReport r) {
        pdf.heading(t("pdf.coverage"), 13);
        List<List<Cell>> rows = new ArrayList<>();
        for (PlanReport.NeedCover nc : r.coverage()) {
            Color color = nc.level() == CoverageLevel.FULL ? PdfBuilder.ACCENT : nc.level() == CoverageLevel.PARTIAL ? PdfBuilder.SAMPLE
                    : PdfBuilder.ERROR;
            String rules = Format.clauses(lang, nc.rules().stream().map(this::reason).toList());
            if (nc.coverEndsAfterYear() != null) rules += (rules.isEmpty() ? "" : "; ") + t("pdf.coverEnds", nc.coverEndsAfterYear());
            rows.add(List.of(Cell.of(I18n.enumName(lang, nc.need())), Cell.of(nc.priority() == null ? "" : I18n.enumName(lang, nc.priority())),
                    new Cell(I18n.enumName(lang, nc.level()), color), Cell.of(nc.decidingProduct() == null ? "—" : name(nc.decidingProduct())),
                    Cell.of(rules)));
        }
        pdf.table(new float[] {0.2f, 0.12f, 0.1f, 0.22f, 0.36f},
                List.of(t("pdf.need"), t("pdf.priority"), t("pdf.level"), t("pdf.decidedBy"), t("pdf.rule")), rows, 8.5f);
    }

    private void episodes(PdfBuilder pdf, PlanReport r) {
        pdf.heading(t("pdf.scenarios"), 13);
        if (r.episodes().isEmpty()) {
            pdf.paragraph(t("pdf.scenarios.none"), 9.5f, PdfBuilder.MUTED);
            return;
        }
        pdf.paragraph(t("pdf.scenarios.intro"), 9, PdfBuilder.MUTED);
        for (Adjudicator.EpisodeResult e : r.episodes()) {
            pdf.ensure(80);
            pdf.paragraph(e.scenario().name().get(lang) + (e.scenario().sample() ? "  [" + t("sample.badge") + "]" : ""), 11.5f, PdfBuilder.ACCENT);
            pdf.paragraph(t("pdf.episode.when", e.eventDate().toString(), e.run().eventDay(), e.policyYear())
                    + (e.run().preExisting() ? " " + t("pdf.episode.preExisting") : ""), 8.5f, PdfBuilder.MUTED);
            // identical lines (the same monthly treatment, say) are one row with "× n"
            Map<String, List<Adjudicator.LineResult>> groups = new LinkedHashMap<>();
            for (Adjudicator.LineResult l : e.lines()) groups.computeIfAbsent(lineKey(l), k -> new ArrayList<>()).add(l);
            List<List<Cell>> rows = new ArrayList<>();
            for (List<Adjudicator.LineResult> g : groups.values()) {
                Adjudicator.LineResult l = g.get(0);
                String what = groupText(g)
                        + "\n" + I18n.enumName(lang, l.line().need()) + (l.line().institution() == null ? "" : " · " + institution(l.line().institution()))
                        + (l.line().item() == null ? "" : " · " + catalog.item(l.line().item()).map(i -> i.name().get(lang)).orElse(""));
                List<String> pays = new ArrayList<>();
                for (Adjudicator.Payment p : l.payments()) {
                    if (!p.max().isPositive()) continue; // who pays: only payers that may pay something
                    pays.add(name(p.product()) + ": " + Amounts.range(p.range(), lang) + " — " + I18n.enumName(lang, p.rule()));
                }
                if (pays.isEmpty()) pays.add(t("pdf.noLayers"));
                boolean sample = l.line().sample();
                boolean many = g.size() > 1;
                String cost = many ? t("pdf.each", Amounts.format(l.cost(), lang)) : Amounts.format(l.cost(), lang);
                String oop = many ? t("pdf.each", Amounts.range(l.outOfPocket(), lang)) : Amounts.range(l.outOfPocket(), lang);
                rows.add(List.of(Cell.of(what), new Cell(cost + (sample ? "\n" + t("sample.badge") : ""), sample ? PdfBuilder.SAMPLE : PdfBuilder.TEXT),
                        Cell.of(String.join("\n", pays)), new Cell(oop, l.outOfPocket().max().isPositive() ? PdfBuilder.ERROR : PdfBuilder.TEXT)));
            }
            pdf.table(new float[] {0.33f, 0.15f, 0.37f, 0.15f},
                    List.of(t("pdf.line"), t("pdf.cost"), t("pdf.payments"), t("pdf.outOfPocket")), rows, 9);
            pdf.paragraph(t("pdf.episode.totals", Amounts.format(e.totalCost(), lang), Amounts.range(e.totalPaid(), lang), Amounts.range(e.totalOutOfPocket(), lang)),
                    10.5f, PdfBuilder.TEXT);
            Set<String> hinges = new LinkedHashSet<>();
            for (Adjudicator.Dependency d : e.dependsOn()) hinges.add(t("plan.dependsOn", d.productName().get(lang), reason(d.text())));
            for (String h : hinges) pdf.paragraph("• " + h, 9, PdfBuilder.MUTED, 6);
            // per-line explanation (identical lines once)
            pdf.paragraph(t("pdf.explanation"), 10, PdfBuilder.ACCENT);
            for (List<Adjudicator.LineResult> g : groups.values()) {
                Adjudicator.LineResult l = g.get(0);
                String head = groupText(g) + " — " + (g.size() > 1 ? t("pdf.each", Amounts.format(l.cost(), lang)) : Amounts.format(l.cost(), lang));
                pdf.paragraph(head, 9, PdfBuilder.TEXT, 6);
                for (Adjudicator.Payment p : l.payments()) {
                    if (!p.max().isPositive()) continue; // only payers that pay more than 0
                    String steps = Format.clauses(lang, p.steps().stream().map(this::reason).toList());
                    pdf.paragraph("• " + name(p.product()) + " (" + I18n.enumName(lang, p.layer()) + "): " + Amounts.range(p.range(), lang) + ". "
                            + I18n.enumName(lang, p.rule()) + ". " + steps, 8.5f, PdfBuilder.MUTED, 14);
                }
                for (Reason note : l.notes()) pdf.paragraph("• " + reason(note), 8.5f, PdfBuilder.SAMPLE, 14);
                pdf.paragraph(t("pdf.youPay", Amounts.range(l.outOfPocket(), lang)), 8.5f, PdfBuilder.TEXT, 14);
            }
            pdf.gap(6);
        }
    }

    /** A cost line in the client's words (its description, else what it is for): never its id. */
    private String lineText(Adjudicator.LineResult l) {
        return l.line().description() == null || l.line().description().isEmpty() ? I18n.enumName(lang, l.line().need()) : l.line().description().get(lang);
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");

    /**
     * The text of a group of identical lines that differ only in their number ("Month 1: …" to "Month 6: …"): the first
     * number becomes the span ("Month 1–6: …", or "Month 2, 4, 6: …"), then "× n".
     */
    private String groupText(List<Adjudicator.LineResult> g) {
        String first = lineText(g.get(0));
        if (g.size() == 1) return first;
        List<Integer> numbers = new ArrayList<>();
        for (Adjudicator.LineResult l : g) {
            java.util.regex.Matcher m = NUMBER.matcher(lineText(l));
            if (!m.find()) return first + "  " + t("pdf.times", g.size());
            numbers.add(Integer.parseInt(m.group()));
        }
        boolean consecutive = true;
        for (int i = 1; i < numbers.size(); i++) consecutive &= numbers.get(i) == numbers.get(i - 1) + 1;
        String span = consecutive ? numbers.get(0) + "–" + numbers.get(numbers.size() - 1)
                : String.join(t("pdf.numberSep"), numbers.stream().map(String::valueOf).toList());
        java.util.regex.Matcher m = NUMBER.matcher(first);
        m.find();
        return first.substring(0, m.start()) + span + first.substring(m.end()) + "  " + t("pdf.times", g.size());
    }

    /** Lines that read the same (but for their number) and are paid the same are one row. */
    private String lineKey(Adjudicator.LineResult l) {
        StringBuilder k = new StringBuilder(NUMBER.matcher(lineText(l)).replaceAll("#")).append('|').append(l.line().need()).append('|').append(l.line().institution()).append('|')
                .append(l.line().item()).append('|').append(Amounts.format(l.cost())).append('|').append(Amounts.range(l.outOfPocket()));
        for (Adjudicator.Payment p : l.payments()) k.append('|').append(p.product()).append(Amounts.range(p.range())).append(p.rule());
        return k.toString();
    }

    private void gaps(PdfBuilder pdf, PlanReport r) {
        pdf.heading(t("pdf.gaps"), 13);
        if (r.gaps().isEmpty()) {
            pdf.paragraph(t("pdf.gaps.none"), 9.5f, PdfBuilder.TEXT);
        }
        for (PlanReport.Gap g : r.gaps()) {
            String prefix = g.priority() == null ? "" : "[" + I18n.enumName(lang, g.priority()) + "] ";
            pdf.paragraph("• " + prefix + reason(g.reason()), 9.5f, g.reason().blocks() ? PdfBuilder.ERROR : PdfBuilder.TEXT, 6);
        }
        for (Adjudicator.EpisodeResult e : r.episodes()) {
            if (e.totalOutOfPocket().max().isPositive()) {
                pdf.paragraph("• " + t("pdf.gaps.episode", e.scenario().name().get(lang), Amounts.range(e.totalOutOfPocket(), lang)), 9.5f,
                        PdfBuilder.TEXT, 6);
            }
        }
    }

    private void recommendation(PdfBuilder pdf, PlanReport r, Recommendation rec) {
        pdf.heading(t("pdf.recommendation"), 13);
        pdf.paragraph(t("pdf.rec.summary", Format.join(lang, rec.productIds().stream().map(this::name).toList()), Amounts.format(rec.total(), lang),
                rec.perYear().size()) + (rec.unknownPremiums() > 0 ? " " + t("rec.toBeQuoted", Format.join(lang, rec.toBeQuoted().stream().map(this::name).toList())) : ""),
                10, PdfBuilder.TEXT);
        for (Recommendation.Uncovered u : rec.uncovered()) {
            pdf.paragraph("• " + t("cli.plan.uncovered", I18n.enumName(lang, u.need())), 9.5f, PdfBuilder.ERROR, 6);
            for (Reason m : u.reasons()) pdf.paragraph("– " + reason(m), 8.5f, PdfBuilder.TEXT, 14);
        }
        for (Reason m : rec.missing()) pdf.paragraph("• " + reason(m), 9, PdfBuilder.TEXT, 6);
        for (Recommendation.Alternative a : rec.alternatives()) {
            pdf.paragraph("• " + t(a.textKey(), name(a.without()), Format.join(lang, a.productIds().stream().map(this::name).toList()),
                    Amounts.format(a.total(), lang), Amounts.format(a.extra(), lang), a.unknownPremiums()), 8.5f, PdfBuilder.TEXT, 6);
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Recommendation.Verdict v : rec.verdicts()) {
            rows.add(List.of(Cell.of(name(v.productId())), new Cell(t("rec.verdict." + v.code().name()), v.chosen() ? PdfBuilder.ACCENT : PdfBuilder.MUTED),
                    Cell.of(Format.clauses(lang, v.reasons().stream().map(this::reason).toList()))));
        }
        pdf.table(new float[] {0.3f, 0.18f, 0.52f}, List.of(t("pdf.product"), t("pdf.inOut"), t("pdf.why")), rows, 8);
    }

    private void sources(PdfBuilder pdf, PlanReport r) {
        pdf.heading(t("pdf.sources"), 13);
        pdf.paragraph(t("pdf.sources.dataset", r.datasetAsOf() == null ? "—" : r.datasetAsOf().value()), 9, PdfBuilder.TEXT);
        for (hk.baycover.model.DatasetInfo d : catalog.datasets()) pdf.paragraph("• " + SourceText.dataset(d, lang), 8.5f, PdfBuilder.TEXT, 10);
        Set<String> seen = new LinkedHashSet<>();
        for (PlanReport.SourceRef s : r.sources()) {
            String label = (s.kind().equals("product") ? name(s.id()) : episodeName(r, s.id())) + " — " + t("pdf.asOf", s.asOf() == null ? "—" : s.asOf().value())
                    + (s.sample() ? " · " + t("sample.badge") : "") + (s.kind().equals("userScenario") ? " · " + t("pdf.userScenario") : "");
            pdf.paragraph(label, 9, s.sample() ? PdfBuilder.SAMPLE : PdfBuilder.TEXT, 0);
            for (Source src : s.sources()) {
                if (!seen.add(s.id() + src.url())) continue;
                pdf.paragraph(SourceText.line(src, lang), 7.5f, PdfBuilder.MUTED, 10);
            }
        }
    }

    private String episodeName(PlanReport r, String id) {
        return r.episodes().stream().filter(e -> e.scenario().id().equals(id)).map(e -> e.scenario().name().get(lang)).findFirst().orElse("");
    }

    private void disclaimer(PdfBuilder pdf) {
        pdf.heading(t("pdf.disclaimer"), 12);
        pdf.paragraph(t("pdf.disclaimer.text"), 8.5f, PdfBuilder.MUTED);
    }

    /** The datasets a proposal was computed on, as {@code id@version, ...} (for the audit log and the proposal record). */
    public static String datasetVersions(Catalog catalog) {
        return String.join(", ", catalog.datasets().stream().map(d -> d.id() + "@" + d.version()).toList());
    }

}
