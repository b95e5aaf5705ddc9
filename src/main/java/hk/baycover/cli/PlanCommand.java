package hk.baycover.cli;

import hk.baycover.app.PlanUseCase;
import hk.baycover.app.BayCover;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Currency;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.FxRate;
import hk.baycover.model.FxTable;
import hk.baycover.model.Lang;
import hk.baycover.model.PartialDate;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.Reason;
import hk.baycover.model.UserError;
import hk.baycover.planning.Adjudicator;
import hk.baycover.planning.Amounts;
import hk.baycover.planning.ClientFile;
import hk.baycover.planning.Plan;
import hk.baycover.planning.PlanReport;
import hk.baycover.planning.PremiumProjection;
import hk.baycover.planning.Recommendation;
import hk.baycover.planning.ScenarioLibrary;
import hk.baycover.planning.ScenarioRun;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "plan",
        description = {"Build a layered cover plan for a client: eligibility, premiums year by year, coverage per need, "
                + "care episodes adjudicated line by line, an exact recommendation, a PDF proposal.",
                "  plan --template > client.json",
                "  plan client.json --recommend --scenario lung-cancer-lorlatinib-6m-hku-szh --json",
                "  plan client.json --products ID,ID --pdf proposal.pdf --save"})
final class PlanCommand implements Callable<Integer> {

    private static final Pattern FX = Pattern.compile("^([A-Za-z]{3}):([A-Za-z]{3})=([0-9]+(\\.[0-9]+)?)$");

    @Mixin
    CommandContext root;

    @Option(names = "--template", description = "Print an example client file (JSON) and exit.")
    boolean template;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CLIENT.json", description = "The client file (see data/README.md, 'Client file format').")
    Path clientFile;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    static final class Choice {
        @Option(names = "--products", split = ",", paramLabel = "ID", description = "The plan's products (comma-separated ids).")
        List<String> products;

        @Option(names = "--recommend", description = "Let BayCover find the cheapest set of eligible products that covers every must-have need within the budget.")
        boolean recommend;
    }

    @Option(names = "--scenario", paramLabel = "ID", description = "Run a care episode through the plan (repeatable). See 'scenarios'.")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--event-day", paramLabel = "N", defaultValue = "365",
            description = "Day after the plan starts on which each episode begins (default ${DEFAULT-VALUE}: the first day of policy year 2).")
    int eventDay;

    @Option(names = "--pre-existing", description = "The episodes arise from a condition the client had before joining (pre-existing rules apply).")
    boolean preExisting;

    @Option(names = "--fx", paramLabel = "FROM:TO=RATE", description = "Set an exchange rate, e.g. CNY:HKD=1.09 (repeatable; dated today).")
    List<String> fx = new ArrayList<>();

    @Option(names = "--currency", paramLabel = "CUR", description = "Currency for premiums and totals (default: the client's budget currency).")
    String currency;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "Plan start date (default: today).")
    String start;

    @Option(names = "--allow-unknown-premiums", hidden = true,
            description = "No longer needed: products whose premium is still to be quoted are always considered, ranked after every plan of fully known cost.")
    boolean allowUnknown;

    @Option(names = "--ceiling", paramLabel = "AMOUNT",
            description = "With --recommend: keep the first --scenario's out-of-pocket at or under AMOUNT (plan currency).")
    BigDecimal ceiling;

    @Mixin
    JsonOption json;

    @Option(names = "--pdf", paramLabel = "FILE", description = "Write the proposal as a PDF (A4, in the client's language).")
    Path pdf;

    @Option(names = "--save", description = "Save the client and the plan in the data folder (a new plan, or a new revision with --plan-id).")
    boolean save;

    @Option(names = "--plan-id", paramLabel = "ID", description = "With --save: save as the next revision of this saved plan.")
    String planId;

    @Override
    public Integer call() {
        PrintWriter out = root.out();
        Lang lang = root.lang();
        if (template) {
            out.println(ClientFile.template(root.langGiven() ? lang : Lang.EN));
            return Cli.OK;
        }
        if (clientFile == null) throw new UserError("cli.plan.noClient");
        if (pdf != null) root.files().check(pdf);
        BayCover app = root.app();
        Catalog catalog = app.catalog();
        PlanUseCase plans = app.plan();
        LocalDate today = root.today();
        ClientFile.Read read = plans.readClient(clientFile, lang, catalog);
        if (!root.langGiven() && read.language() != null) lang = read.language();
        ClientProfile client = read.profile();
        List<hk.baycover.model.Scenario> user = plans.savedScenarios();
        ScenarioLibrary library = plans.library(catalog, user);

        LocalDate startDate = today;
        if (start != null) {
            try {
                startDate = LocalDate.parse(start);
            } catch (DateTimeParseException e) {
                throw new UserError("cli.plan.badStart", start);
            }
            hk.baycover.planning.PlanDates.checkStart(startDate, today);
        }
        Currency cur = client.budget() == null ? Currency.HKD : client.budget().currency();
        if (currency != null) {
            try {
                cur = Currency.valueOf(currency.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserError("cli.plan.badCurrency", currency);
            }
        }
        FxTable table = FxTable.defaults();
        for (String f : fx) table = table.with(parseFx(f, today));
        if (eventDay < 0 || eventDay > 365 * 40) throw new UserError("cli.plan.badEventDay", eventDay);
        List<ScenarioRun> runs = new ArrayList<>();
        for (String id : scenarios) {
            if (library.find(id).isEmpty()) throw new UserError("plan.unknownScenario", id);
            runs.add(new ScenarioRun(id, eventDay, preExisting));
        }
        if (ceiling != null && (choice == null || !choice.recommend)) throw new UserError("cli.plan.ceilingNeedsRecommend");
        if (ceiling != null && runs.isEmpty()) throw new UserError("cli.plan.ceilingNeedsScenario");
        if (ceiling != null && ceiling.signum() < 0) throw new UserError("cli.plan.badCeiling", ceiling);

        Plan frame = new Plan(null, List.of(), null, startDate, cur, table, runs, null, null);
        Recommendation rec = null;
        String source;
        List<String> productIds;
        if (choice != null && choice.recommend) {
            Recommendation.Options opts = new Recommendation.Options(ceiling == null ? null : runs.get(0).scenarioId(),
                    ceiling == null ? null : runs.get(0), ceiling, 3);
            rec = plans.recommend(catalog, user, client, frame, opts, ProgressMonitor.NONE);
            productIds = rec.productIds();
            source = "recommend";
        } else if (choice != null && choice.products != null) {
            productIds = new ArrayList<>();
            for (String id : choice.products) {
                String t = id.strip();
                if (t.isEmpty()) continue;
                if (catalog.product(t).isEmpty()) throw new UserError("plan.unknownProduct", t);
                productIds.add(t);
            }
            source = "products";
        } else {
            productIds = client.existingProducts();
            source = "existingCover";
        }
        Plan plan = frame.withProducts(productIds);
        PlanReport report = plans.analyse(catalog, user, client, plan);

        PlanJson.Saved saved = null;
        if (save) {
            root.appForClientData();
            PlanUseCase.Saved s = plans.save(client, read.language(), planId, plan, catalog);
            saved = new PlanJson.Saved(s.clientId(), s.plan().id(), s.plan().revision());
        }
        String pdfPath = null;
        if (pdf != null) {
            plans.exportProposal(catalog, report, rec, lang, saved == null ? null : saved.planId(), pdf, ProgressMonitor.NONE);
            pdfPath = pdf.toString();
        }
        if (json.on) {
            PlanJson.print(out, PlanJson.output(lang, catalog, report, source, rec, saved, pdfPath));
        } else {
            text(out, lang, catalog, report, rec, saved, pdfPath);
        }
        return Cli.OK;
    }

    static FxRate parseFx(String text, LocalDate today) {
        Matcher m = FX.matcher(text.strip());
        if (!m.matches()) throw new UserError("cli.plan.badFx", text);
        Currency from;
        Currency to;
        try {
            from = Currency.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
            to = Currency.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("cli.plan.badFx", text);
        }
        BigDecimal rate = new BigDecimal(m.group(3));
        if (from == to || rate.signum() <= 0) throw new UserError("cli.plan.badFx", text);
        return new FxRate(from, to, rate, PartialDate.of(today), "--fx", false);
    }

    private void text(PrintWriter out, Lang lang, Catalog catalog, PlanReport r, Recommendation rec, PlanJson.Saved saved, String pdfPath) {
        java.util.function.BiFunction<String, Object[], String> t = (k, a) -> I18n.get(lang, k, a);
        java.util.function.Function<String, String> name = id -> catalog.product(id).map(p -> p.name().get(lang)).orElse(id);
        out.println(t.apply("cli.plan.header", new Object[] {r.datasetAsOf() == null ? "—" : r.datasetAsOf().value(), I18n.enumName(lang, r.careRegion())}));
        if (rec != null) {
            out.println(t.apply(rec.toBeQuoted().isEmpty() ? "cli.plan.recommended" : "cli.plan.recommendedToBeQuoted",
                    new Object[] {Amounts.format(rec.total(), lang), rec.perYear().size(), hk.baycover.compare.Format.join(lang, rec.toBeQuoted().stream().map(name).toList())}));
            if (!rec.unconfirmed().isEmpty()) {
                out.println("  " + t.apply("cli.plan.unconfirmed", new Object[] {hk.baycover.compare.Format.join(lang, rec.unconfirmed().stream().map(name).toList())}));
            }
            for (Recommendation.Uncovered u : rec.uncovered()) {
                out.println("  " + t.apply("cli.plan.uncovered", new Object[] {I18n.enumName(lang, u.need())}));
                for (Reason m : u.reasons()) out.println("    - " + I18n.reason(lang, m));
            }
            for (Reason m : rec.missing()) out.println("  - " + I18n.reason(lang, m));
            for (Recommendation.Alternative a : rec.alternatives()) {
                out.println("  " + t.apply(a.textKey(), new Object[] {name.apply(a.without()),
                        hk.baycover.compare.Format.join(lang, a.productIds().stream().map(name).toList()), Amounts.format(a.total(), lang), Amounts.format(a.extra(), lang), a.unknownPremiums()}));
            }
        }
        out.println();
        out.println(t.apply("pdf.plan", new Object[0]));
        if (r.layered().isEmpty()) out.println("  " + t.apply("pdf.plan.empty", new Object[0]));
        for (Product p : r.layered()) {
            EligibilityResult e = r.eligibilityOf(p.id());
            out.println("  [" + I18n.enumName(lang, p.layer()) + "] " + p.id() + "  " + p.name().get(lang)
                    + (e != null && !e.eligible() && !r.enrolled().contains(p.id()) ? "  (" + I18n.enumName(lang, e.status()) + ")" : "")
                    + (r.enrolled().contains(p.id()) ? "  (" + t.apply("plan.enrolled", new Object[0]) + ")" : "")
                    + (p.sample() || p.premiums().sample() ? "  [" + t.apply("sample.badge", new Object[0]) + "]" : ""));
        }
        out.println();
        out.println(t.apply("pdf.projection", new Object[0]) + " (" + r.projection().currency() + ")");
        for (PremiumProjection.Year y : r.projection().years()) {
            out.println(String.format("  %2d  %s  %3d  %s%s%s", y.year(), y.from(), y.age(), Amounts.format(y.total(), lang),
                    y.complete() ? "" : " + " + t.apply("plan.toBeQuoted", new Object[] {y.toBeQuoted().size()}),
                    y.overBudget() ? "  ! " + t.apply("pdf.overBudget", new Object[0]) : ""));
        }
        out.println("  " + t.apply("pdf.projection.total", new Object[] {Amounts.format(r.projection().total(), lang), r.projection().years().size()}));
        out.println();
        out.println(t.apply("pdf.coverage", new Object[0]));
        for (PlanReport.NeedCover nc : r.coverage()) {
            out.println("  " + I18n.enumName(lang, nc.need()) + ": " + I18n.enumName(lang, nc.level())
                    + (nc.decidingProduct() == null ? "" : " — " + name.apply(nc.decidingProduct()))
                    + (nc.rules().isEmpty() ? "" : " (" + String.join("; ", nc.rules().stream().map(x -> I18n.reason(lang, x)).toList()) + ")"));
        }
        for (Adjudicator.EpisodeResult e : r.episodes()) {
            out.println();
            out.println(e.scenario().name().get(lang) + "  " + t.apply("pdf.episode.totals",
                    new Object[] {Amounts.format(e.totalCost(), lang), Amounts.range(e.totalPaid(), lang), Amounts.range(e.totalOutOfPocket(), lang)}));
            for (Adjudicator.LineResult l : e.lines()) {
                String what = l.line().description() == null ? l.line().id() : l.line().description().get(lang);
                out.println("  " + what + "  " + Amounts.format(l.cost(), lang));
                for (Adjudicator.Payment p : l.payments()) {
                    if (!p.max().isPositive() && p.rule().refusal()) continue;
                    out.println("    " + name.apply(p.product()) + ": " + Amounts.range(p.range(), lang) + "  " + I18n.enumName(lang, p.rule()));
                }
                out.println("    " + t.apply("pdf.youPay", new Object[] {Amounts.range(l.outOfPocket(), lang)}));
                for (Adjudicator.Dependency d : l.dependsOn()) {
                    out.println("      " + t.apply("plan.dependsOn", new Object[] {d.productName().get(lang), I18n.reason(lang, d.text())}));
                }
            }
        }
        if (!r.gaps().isEmpty()) {
            out.println();
            out.println(t.apply("pdf.gaps", new Object[0]));
            for (PlanReport.Gap g : r.gaps()) out.println("  - " + I18n.reason(lang, g.reason()));
        }
        if (saved != null) out.println(t.apply("cli.plan.saved", new Object[] {saved.clientId(), saved.planId(), saved.revision()}));
        if (pdfPath != null) out.println(t.apply("cli.plan.pdf", new Object[] {pdfPath}));
    }
}
