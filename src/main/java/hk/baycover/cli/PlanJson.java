package hk.baycover.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.CostLine;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.FxRate;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Money;
import hk.baycover.model.MoneyRange;
import hk.baycover.model.Need;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.Scenario;
import hk.baycover.model.Source;
import hk.baycover.planning.Adjudicator;
import hk.baycover.planning.PlanReport;
import hk.baycover.planning.PremiumProjection;
import hk.baycover.planning.Recommendation;
import hk.baycover.planning.ScenarioLibrary;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of {@code plan --json} and {@code scenarios --json}. Amounts are exact decimal numbers in plain
 * notation (never rounded, never in exponent form), so that for every adjudicated line
 * {@code Σ payments[].max + outOfPocket.min == cost} and {@code Σ payments[].min + outOfPocket.max == cost} can be
 * checked from outside with decimal arithmetic.
 */
final class PlanJson {

    private PlanJson() {
    }

    static void print(PrintWriter out, Object value) {
        try {
            out.println(CatalogJson.output().writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .withDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record Amount(BigDecimal amount, String currency) {
        static Amount of(Money m) {
            return m == null ? null : new Amount(exact(m.amount()), m.currency().name());
        }
    }

    static BigDecimal exact(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** An amount known within bounds (equal when every term behind it is known). */
    record Range(BigDecimal min, BigDecimal max) {
        static Range of(MoneyRange r) {
            return new Range(exact(r.min().amount()), exact(r.max().amount()));
        }
    }

    /** An unpublished term a range hinges on: the product, the term's name, and what to confirm, in plain words. */
    record DependsOn(String product, String productName, String term, String text) {
    }

    static List<DependsOn> dependsOn(Lang lang, List<Adjudicator.Dependency> deps) {
        return deps.stream().map(d -> new DependsOn(d.product(), d.productName().get(lang), d.term(), I18n.reason(lang, d.text()))).toList();
    }

    record Text(String severity, String code, String text) {
        static Text of(Lang lang, Reason r) {
            return new Text(r.severity().name(), r.key(), I18n.reason(lang, r));
        }
    }

    static List<Text> texts(Lang lang, List<Reason> reasons) {
        return reasons.stream().map(r -> Text.of(lang, r)).toList();
    }

    // plan ------------------------------------------------------------------------------------------------------------

    record Output(String language, String datasetAsOf, String today, Client client, PlanOut plan, List<FxOut> fx, Recommend recommendation,
                  Premiums premiums, List<CoverOut> coverage, List<EligOut> eligibility, List<EpisodeOut> scenarios, List<GapOut> gaps,
                  List<SourceOut> sources, Saved saved, String pdf, String disclaimer, Nearby nearby) {
    }

    /**
     * The hospitals designated for 港澳藥械通 nearest the client (null when the plan involves no 港澳藥械通 need and no
     * district is known): those in the client's Shenzhen district first, then the rest of the city; {@code text}: the
     * same in the reader's words, as the proposal says it.
     */
    record Nearby(String city, String district, String districtName, List<NearbyInstitution> inDistrict, List<NearbyInstitution> elsewhere,
                  List<String> text) {
    }

    record NearbyInstitution(String id, String name, String district) {
    }

    record Client(String id, Integer age, String birthDate, String sex, String residency, String livesIn, String city, String careRegion,
                  String szMedicalInsurance, String szTier, List<String> conditions, List<String> existingProducts, Map<String, String> needs,
                  Amount budget, int horizonYears, String district) {
    }

    record PlanOut(String source, String startDate, String currency, List<ProductOut> products, Map<String, List<String>> layers,
                   List<String> missingProducts) {
    }

    record ProductOut(String id, String name, String kind, String layer, boolean eligible, String eligibility, String premiumStatus,
                      boolean enrolled, boolean sample, String asOf, String confidence) {
    }

    record FxOut(String from, String to, BigDecimal rate, String asOf, String source, boolean sample) {
    }

    record Recommend(boolean found, boolean complete, List<String> products, Amount total, List<Amount> perYear, int unknownPremiums,
                     List<String> toBeQuoted, List<String> unconfirmed, BigDecimal ceilingOutOfPocket, List<UncoveredOut> uncovered,
                     List<AltOut> alternatives, List<VerdictOut> verdicts, List<Text> missing, Stats stats) {
    }

    record UncoveredOut(String need, String priority, Integer fromYear, Integer toYear, List<Text> reasons) {
    }

    record AltOut(List<String> products, Amount total, String without, Amount extra, int unknownPremiums) {
    }

    record VerdictOut(String product, boolean chosen, String code, String label, List<Text> reasons) {
    }

    record Stats(long nodes, int candidatesSearched, int elements, int freeIncluded, int dominated) {
    }

    record Premiums(String currency, List<YearOut> years, Amount total, List<String> toBeQuoted, boolean complete, boolean sample, Amount budget) {
    }

    record YearOut(int year, String from, int age, Amount total, List<String> toBeQuoted, boolean complete, boolean sample, boolean overBudget,
                   List<CellOut> products) {
    }

    record CellOut(String product, int age, Amount premium, Amount converted, String status, boolean sample, boolean enrolled, boolean ended,
                   Text note) {
    }

    record CoverOut(String need, String priority, String level, String product, List<Text> rules, Integer coverEndsAfterYear,
                    Map<String, String> byProduct) {
    }

    record EligOut(String product, String status, boolean eligible, int age, String ageBasis, List<Text> reasons) {
    }

    record EpisodeOut(String id, String name, boolean userEpisode, boolean sample, String eventDate, int eventDay, int policyYear,
                      boolean preExisting, String currency, BigDecimal totalCost, Range totalPaid, Range totalOutOfPocket,
                      List<DependsOn> dependsOn, List<CashOut> cash, List<LineOut> lines) {
    }

    record CashOut(String product, String need, Amount amount, String per, boolean firm, List<Text> notes) {
    }

    record LineOut(String id, String need, String institution, String region, String item, String description, boolean sample,
                   String currency, BigDecimal cost, List<PaymentOut> payments, Range outOfPocket, List<DependsOn> dependsOn, List<Text> notes) {
    }

    record PaymentOut(String product, String layer, BigDecimal min, BigDecimal max, String rule, String explanation, String ruleBest,
                      String benefit, List<Text> steps, List<Text> stepsBest) {
    }

    record GapOut(String need, String priority, String level, Text reason) {
    }

    record SourceOut(String kind, String id, String asOf, boolean sample, List<Source> sources) {
    }

    record Saved(String clientId, String planId, int revision) {
    }

    static Output output(Lang lang, Catalog catalog, PlanReport r, String source, Recommendation rec, Saved saved, String pdf) {
        ClientProfile c = r.client();
        Map<String, String> needs = new LinkedHashMap<>();
        for (Need n : Need.values()) if (c.needs().containsKey(n)) needs.put(n.name(), c.needs().get(n).name());
        // the age today (an age given earlier has grown with the calendar since)
        Integer ageNow = c.birthDate() == null && c.age() != null ? c.ageOn(r.today(), hk.baycover.model.AgeBasis.LAST_BIRTHDAY, r.today()) : null;
        Client client = new Client(c.id(), ageNow, c.birthDate() == null ? null : c.birthDate().toString(),
                c.sex() == null ? null : c.sex().name(), c.residency().name(), c.livesIn().name(), c.city() == null ? null : c.city().name(),
                r.careRegion().name(), c.szMedicalInsurance().name(), c.szTier(), c.conditions().stream().map(Enum::name).toList(),
                c.existingProducts(), needs, Amount.of(c.budget()), c.horizon(), c.district() == null ? null : c.district().name());
        List<ProductOut> products = new ArrayList<>();
        Map<String, List<String>> layers = new LinkedHashMap<>();
        for (Product p : r.layered()) {
            EligibilityResult e = r.eligibilityOf(p.id());
            boolean enrolled = r.enrolled().contains(p.id());
            products.add(new ProductOut(p.id(), p.name().get(lang), p.kind().name(), p.layer().name(), e != null && e.eligible(),
                    e == null ? null : e.status().name(), r.projection().stateOf(p.id()).name(), enrolled,
                    p.sample() || p.premiums().sample(), p.asOf() == null ? null : p.asOf().value(), p.confidence() == null ? null : p.confidence().name()));
            layers.computeIfAbsent(p.layer().name(), k -> new ArrayList<>()).add(p.id());
        }
        PlanOut plan = new PlanOut(source, r.plan().startDate().toString(), r.plan().currency().name(), products, layers, r.missingProducts());
        List<FxOut> fx = new ArrayList<>();
        for (FxRate rate : r.plan().fx().rates()) {
            fx.add(new FxOut(rate.from().name(), rate.to().name(), exact(rate.rate()), rate.asOf() == null ? null : rate.asOf().value(), rate.source(), rate.sample()));
        }
        PremiumProjection.Result pr = r.projection();
        List<YearOut> years = new ArrayList<>();
        for (PremiumProjection.Year y : pr.years()) {
            List<CellOut> cells = new ArrayList<>();
            for (PremiumProjection.Cell cell : y.cells()) {
                cells.add(new CellOut(cell.productId(), cell.age(), cell.original().map(Amount::of).orElse(null), cell.converted().map(Amount::of).orElse(null),
                        cell.state().name(), cell.sample(), cell.enrolled(), cell.ended(), cell.reason() == null ? null : Text.of(lang, cell.reason())));
            }
            years.add(new YearOut(y.year(), y.from().toString(), y.age(), Amount.of(y.total()), y.toBeQuoted(), y.complete(), y.sample(),
                    y.overBudget(), cells));
        }
        Premiums premiums = new Premiums(pr.currency().name(), years, Amount.of(pr.total()), pr.toBeQuoted(), pr.complete(), pr.sample(),
                Amount.of(pr.budget()));
        List<CoverOut> cover = new ArrayList<>();
        for (PlanReport.NeedCover nc : r.coverage()) {
            Map<String, String> by = new LinkedHashMap<>();
            nc.perProduct().forEach(pc -> by.put(pc.productId(), pc.level().name()));
            cover.add(new CoverOut(nc.need().name(), nc.priority() == null ? null : nc.priority().name(), nc.level().name(), nc.decidingProduct(),
                    texts(lang, nc.rules()), nc.coverEndsAfterYear(), by));
        }
        List<EligOut> elig = new ArrayList<>();
        for (EligibilityResult e : r.eligibility()) {
            elig.add(new EligOut(e.productId(), e.status().name(), e.eligible(), e.ageUsed(), e.ageBasis().name(), texts(lang, e.reasons())));
        }
        List<EpisodeOut> episodes = new ArrayList<>();
        for (Adjudicator.EpisodeResult e : r.episodes()) episodes.add(episode(lang, e, false));
        List<GapOut> gaps = new ArrayList<>();
        for (PlanReport.Gap g : r.gaps()) {
            gaps.add(new GapOut(g.need() == null ? null : g.need().name(), g.priority() == null ? null : g.priority().name(), g.level().name(),
                    Text.of(lang, g.reason())));
        }
        List<SourceOut> sources = new ArrayList<>();
        for (PlanReport.SourceRef s : r.sources()) sources.add(new SourceOut(s.kind(), s.id(), s.asOf() == null ? null : s.asOf().value(), s.sample(), s.sources()));
        return new Output(lang.tag(), r.datasetAsOf() == null ? null : r.datasetAsOf().value(), r.today().toString(), client, plan, fx,
                rec == null ? null : recommend(lang, rec), premiums, cover, elig, episodes, gaps, sources, saved, pdf, I18n.get(lang, "pdf.disclaimer.text"),
                nearby(lang, catalog, r));
    }

    static Nearby nearby(Lang lang, Catalog catalog, PlanReport r) {
        return hk.baycover.planning.NearbyCare.of(r, catalog).map(n -> new Nearby(n.city().name(), n.district() == null ? null : n.district().name(),
                n.district() == null ? null : I18n.enumName(lang, n.district()), institutions(lang, n.inDistrict()), institutions(lang, n.elsewhere()),
                n.lines(lang))).orElse(null);
    }

    private static List<NearbyInstitution> institutions(Lang lang, List<hk.baycover.model.Institution> list) {
        return list.stream().map(i -> new NearbyInstitution(i.id(), i.name().get(lang), i.district() == null ? null : i.district().get(lang))).toList();
    }

    static EpisodeOut episode(Lang lang, Adjudicator.EpisodeResult e, boolean user) {
        List<LineOut> lines = new ArrayList<>();
        for (Adjudicator.LineResult l : e.lines()) {
            CostLine cl = l.line();
            List<PaymentOut> pays = new ArrayList<>();
            for (Adjudicator.Payment p : l.payments()) {
                pays.add(new PaymentOut(p.product(), p.layer().name(), exact(p.min().amount()), exact(p.max().amount()), p.rule().name(),
                        I18n.enumName(lang, p.rule()), p.bestRule() == null ? null : p.bestRule().name(),
                        p.benefit() == null ? null : p.benefit().name(), texts(lang, p.steps()), texts(lang, p.bestSteps())));
            }
            lines.add(new LineOut(cl.id(), cl.need().name(), cl.institution(), cl.region().name(), cl.item(),
                    cl.description() == null ? null : cl.description().get(lang), cl.sample(), l.cost().currency().name(), exact(l.cost().amount()), pays,
                    Range.of(l.outOfPocket()), dependsOn(lang, l.dependsOn()), texts(lang, l.notes())));
        }
        List<CashOut> cash = e.cash().stream().map(c -> new CashOut(c.product(), c.need().name(), Amount.of(c.amount()), c.per().name(), c.firm(),
                texts(lang, c.notes()))).toList();
        return new EpisodeOut(e.scenario().id(), e.scenario().name().get(lang), user, e.scenario().sample(), e.eventDate().toString(), e.run().eventDay(),
                e.policyYear(), e.run().preExisting(), e.currency().name(), exact(e.totalCost().amount()), Range.of(e.totalPaid()),
                Range.of(e.totalOutOfPocket()), dependsOn(lang, e.dependsOn()), cash, lines);
    }

    static Recommend recommend(Lang lang, Recommendation rec) {
        List<AltOut> alts = rec.alternatives().stream()
                .map(a -> new AltOut(a.productIds(), Amount.of(a.total()), a.without(), Amount.of(a.extra()), a.unknownPremiums())).toList();
        List<VerdictOut> verdicts = rec.verdicts().stream()
                .map(v -> new VerdictOut(v.productId(), v.chosen(), v.code().name(), I18n.get(lang, "rec.verdict." + v.code().name()), texts(lang, v.reasons())))
                .toList();
        Stats stats = new Stats(rec.stats().nodes(), rec.stats().candidatesSearched(), rec.stats().elements(), rec.stats().forced(), rec.stats().dominated());
        List<UncoveredOut> uncovered = rec.uncovered().stream().map(u -> new UncoveredOut(u.need().name(), u.priority().name(), u.fromYear(), u.toYear(),
                texts(lang, u.reasons()))).toList();
        return new Recommend(rec.found(), rec.complete(), rec.productIds(), Amount.of(rec.total()), rec.perYear().stream().map(Amount::of).toList(),
                rec.unknownPremiums(), rec.toBeQuoted(), rec.unconfirmed(), rec.ceilingOutOfPocket(), uncovered, alts, verdicts, texts(lang, rec.missing()), stats);
    }

    // scenarios -------------------------------------------------------------------------------------------------------

    record ScenarioOut(String id, LocalizedText name, LocalizedText description, Integer durationDays, boolean sample, boolean userEpisode,
                       boolean editedCatalogEpisode, String asOf, String confidence, Map<String, BigDecimal> totals, List<ScenarioLineOut> lines,
                       List<Source> sources, String note) {
    }

    record ScenarioLineOut(String id, String need, String institution, String region, String item, LocalizedText description, Amount cost,
                           boolean sample, String note) {
    }

    static List<ScenarioOut> scenarios(ScenarioLibrary lib) {
        List<ScenarioOut> out = new ArrayList<>();
        for (Scenario s : lib.all()) {
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            List<ScenarioLineOut> lines = new ArrayList<>();
            for (CostLine l : s.lines()) {
                totals.merge(l.cost().currency().name(), l.cost().amount(), BigDecimal::add);
                lines.add(new ScenarioLineOut(l.id(), l.need().name(), l.institution(), l.region().name(), l.item(), l.description(), Amount.of(l.cost()),
                        l.sample(), l.sourceNote()));
            }
            totals.replaceAll((k, v) -> exact(v));
            out.add(new ScenarioOut(s.id(), s.name(), s.description(), s.durationDays(), s.sample() || s.lines().stream().anyMatch(CostLine::sample),
                    lib.isUser(s.id()), lib.isEditedCatalogEpisode(s.id()), s.asOf() == null ? null : s.asOf().value(),
                    s.confidence() == null ? null : s.confidence().name(), totals, lines, s.sources(), s.sourceNote()));
        }
        return out;
    }
}
