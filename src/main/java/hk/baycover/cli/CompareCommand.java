package hk.baycover.cli;

import hk.baycover.app.CompareUseCase;
import hk.baycover.compare.Cell;
import hk.baycover.compare.Column;
import hk.baycover.compare.ComparisonMatrix;
import hk.baycover.compare.ComparisonRequest;
import hk.baycover.compare.ComparisonService;
import hk.baycover.compare.Row;
import hk.baycover.compare.RowGroup;
import hk.baycover.compare.Texts;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientAge;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.model.Source;
import hk.baycover.model.SzInsurance;
import hk.baycover.model.UserError;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@Command(name = "compare", sortOptions = false,
        description = "Compare 2–6 products side by side: underwriting (承保協同), service links (服務聯動), eligibility, "
                + "benefits per need, premium at an age, 港澳藥械通 cover, elderly care, sources. Products stay in the order given.")
final class CompareCommand implements Runnable {

    @Mixin
    CommandContext root;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Product ids (2–6), as listed by 'products'.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--age", paramLabel = "N", description = "Client age (age last birthday): checks who can join and quotes premiums at that age.")
    Integer age;

    @Option(names = "--birth-date", paramLabel = "YYYY-MM-DD", description = "Client birth date instead of --age (each product's age basis is applied).")
    String birthDate;

    @Option(names = "--sex", paramLabel = "F|M", description = "Client sex for premiums (both shown when omitted).")
    Sex sex;

    @Option(names = "--residency", paramLabel = "R", description = "HK_PERMANENT_RESIDENT (default), HK_RESIDENT or OTHER.")
    ResidencyStatus residency;

    @Option(names = "--lives-in", paramLabel = "P", description = "HONG_KONG (default), SHENZHEN, OTHER_GBA or OTHER.")
    LivingPlace livesIn;

    @Option(names = "--sz-insurance", paramLabel = "S", description = "Shenzhen medical insurance: NONE (default), EMPLOYEE or RESIDENT.")
    SzInsurance szInsurance;

    @Option(names = "--only-differences", description = "Only the rows where the products differ.")
    boolean onlyDifferences;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Output output;

    static final class Output {
        @Option(names = "--json", description = "Print the comparison as JSON.")
        boolean json;

        @Option(names = "--csv", paramLabel = "FILE", description = "Write the comparison as CSV (UTF-8 with BOM).")
        Path csv;

        @Option(names = "--pdf", paramLabel = "FILE", description = "Write the comparison as a PDF (A4 landscape, in --lang).")
        Path pdf;
    }

    // ------------------------------------------------------------------ JSON shape of compare --json

    record Out(String lang, String on, String dataAsOf, ClientOut client, List<ProductOut> products, List<String> eligible,
               List<IneligibleOut> ineligible, boolean onlyDifferences, int rowsShown, int rowsTotal, boolean hasSample, List<GroupOut> groups) {
    }

    record ClientOut(Integer age, String birthDate, String sex, String residency, String livesIn, String szInsurance) {
    }

    record ProductOut(String id, LocalizedText names, String kind, LocalizedText provider, boolean sample, Boolean eligible,
                      Integer ageUsed, String ageBasis, List<ReasonOut> reasons) {
    }

    record ReasonOut(String severity, String key, String text) {
    }

    record IneligibleOut(String id, String name, List<String> why) {
    }

    record GroupOut(String group, String title, List<RowOut> rows) {
    }

    record RowOut(String key, String section, String label, boolean differs, List<CellOut> cells) {
    }

    record CellOut(String product, String text, Object value, boolean published, boolean differs, boolean sample,
                   List<Source> sources, String asOf, String confidence) {
    }

    @Override
    public void run() {
        Lang lang = root.lang();
        if (output != null && output.pdf != null) root.files().check(output.pdf);
        if (output != null && output.csv != null) root.files().check(output.csv);
        LocalDate born = null;
        if (birthDate != null) {
            if (age != null) throw new UserError("compare.ageAndBirthDate");
            born = ClientAge.parseBirthDate(birthDate);
            if (born == null) throw new UserError("compare.badBirthDate", birthDate);
        }
        // the one set of age rules (client file, profile form, Compare screen, CLI)
        List<ClientAge.Problem> problems = ClientAge.check(age, born, root.today(), false);
        if (!problems.isEmpty()) {
            ClientAge.Problem p = problems.get(0);
            throw new UserError("cli.compare.badClient", p.field().equals("age") ? "--age " + age : "--birth-date " + birthDate,
                    root.text(p.key(), p.args().toArray()));
        }
        if (ids.size() < ComparisonService.MIN_PRODUCTS || ids.size() > ComparisonService.MAX_PRODUCTS) {
            throw new UserError("compare.count", ids.size(), ComparisonService.MIN_PRODUCTS, ComparisonService.MAX_PRODUCTS);
        }
        CompareUseCase compare = root.app().compare();
        Catalog catalog = root.app().catalog();
        ComparisonRequest request = new ComparisonRequest(ids, age, born, sex, residency, livesIn, szInsurance);
        ComparisonMatrix m = compare.compare(catalog, request);
        String asOf = CompareUseCase.dataAsOf(catalog);
        PrintWriter out = root.out();
        if (output != null && output.pdf != null) {
            compare.exportPdf(m, catalog, lang, onlyDifferences, output.pdf, ProgressMonitor.NONE);
            out.println(root.text("cli.compare.wrote", output.pdf.toAbsolutePath()));
            return;
        }
        if (output != null && output.csv != null) {
            compare.exportCsv(m, lang, onlyDifferences, output.csv);
            out.println(root.text("cli.compare.wrote", output.csv.toAbsolutePath()));
            return;
        }
        if (output != null && output.json) {
            Json.print(out, json(m, lang, asOf));
            return;
        }
        text(m, lang, out);
    }

    private Out json(ComparisonMatrix m, Lang lang, String asOf) {
        ComparisonRequest r = m.request();
        ClientOut client = r.hasClient() ? new ClientOut(r.age(), r.birthDate() == null ? null : r.birthDate().toString(),
                r.sex() == null ? null : r.sex().name(), r.residency().name(), r.livesIn().name(), r.szInsurance().name()) : null;
        List<ProductOut> products = new ArrayList<>();
        for (Column c : m.columns()) {
            var e = c.eligibility();
            products.add(new ProductOut(c.productId(), c.name(), c.kind().name(), c.provider(), c.sample(),
                    e == null ? null : e.eligible(), e == null ? null : e.ageUsed(), e == null ? null : e.ageBasis().name(),
                    e == null ? null : e.reasons().stream().map(x -> new ReasonOut(x.severity().name(), x.key(), I18n.reason(lang, x))).toList()));
        }
        List<String> eligible = r.hasClient() ? m.columns().stream().filter(Column::eligible).map(Column::productId).toList() : null;
        List<IneligibleOut> ineligible = r.hasClient() ? m.ineligible().stream().map(c -> new IneligibleOut(c.productId(),
                Texts.get(c.name(), lang), c.why().stream().map(w -> Texts.get(w, lang)).toList())).toList() : null;
        List<Row> rows = onlyDifferences ? m.differingRows() : m.rows();
        List<GroupOut> groups = new ArrayList<>();
        for (RowGroup g : RowGroup.values()) {
            List<RowOut> out = rows.stream().filter(x -> x.group() == g).map(x -> new RowOut(x.key(),
                    x.section() == null ? null : Texts.get(x.section(), lang), x.label(lang), x.differs(),
                    x.cells().stream().map(c -> new CellOut(c.productId(), c.text(lang), c.value(), c.published(), c.differs(), c.sample(),
                            c.sources(), c.asOf() == null ? null : c.asOf().value(), c.confidence() == null ? null : c.confidence().name())).toList())).toList();
            if (!out.isEmpty()) groups.add(new GroupOut(g.name(), I18n.get(lang, "compare.group." + g.name()), out));
        }
        return new Out(lang.tag(), m.on().toString(), asOf, client, products, eligible, ineligible, onlyDifferences, rows.size(),
                m.rows().size(), m.hasSample(), groups);
    }

    private void text(ComparisonMatrix m, Lang lang, PrintWriter out) {
        for (int i = 0; i < m.columns().size(); i++) {
            Column c = m.columns().get(i);
            String line = "[" + (i + 1) + "] " + c.productId() + "  " + Texts.get(c.name(), lang) + "  (" + I18n.enumName(lang, c.kind()) + ")";
            if (c.sample()) line += "  [" + root.text("sample.badge") + "]";
            out.println(line);
            if (c.checked()) {
                out.println("    " + (c.eligible() ? root.text("compare.eligible")
                        : root.text("compare.ineligible") + ": " + String.join("; ", c.why().stream().map(w -> Texts.get(w, lang)).toList())));
            }
        }
        out.println(root.text("compare.neutral"));
        List<Row> rows = onlyDifferences ? m.differingRows() : m.rows();
        RowGroup group = null;
        LocalizedText section = null;
        for (Row r : rows) {
            if (r.group() != group) {
                group = r.group();
                section = null;
                out.println();
                out.println("== " + root.text("compare.group." + group.name()));
            }
            if (r.section() != null && !Objects.equals(section, r.section())) {
                section = r.section();
                out.println("-- " + Texts.get(section, lang));
            }
            out.println(r.label(lang) + (r.differs() ? "  *" : ""));
            for (int i = 0; i < m.columns().size(); i++) {
                Cell cell = r.cells().get(i);
                String text = cell.text(lang).replace("\n", "\n        ");
                out.println("  [" + (i + 1) + "] " + (cell.sample() ? "[" + root.text("sample.badge") + "] " : "") + text);
            }
        }
        out.println();
        out.println(root.text("cli.compare.rows", rows.size(), m.rows().size()));
    }
}
