package hk.baycover.cli;

import hk.baycover.app.GapsUseCase;
import hk.baycover.app.BayCover;
import hk.baycover.gaps.AgePolicy;
import hk.baycover.gaps.CellDetail;
import hk.baycover.gaps.CellSummary;
import hk.baycover.gaps.GapDiff;
import hk.baycover.gaps.GapMatrix;
import hk.baycover.gaps.GapReport;
import hk.baycover.gaps.GapTexts;
import hk.baycover.gaps.ReasonGroup;
import hk.baycover.gaps.SegmentConfig;
import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "gaps", description = {
        "Gap matrix for product teams: client segments (age band × where they live × Shenzhen medical insurance × declared conditions) "
                + "× needs, with the number of eligible products covering each cell, the best level, the cheapest premium, and why the "
                + "other products fail. With --with, the cells that draft products would close (diff)."})
final class GapsCommand implements Callable<Integer> {

    @Mixin
    CommandContext root;

    static final class Output {
        @Option(names = "--json", description = "Print the matrix as JSON (segments, needs, cells; reasons for uncovered cells; diff with --with).")
        boolean json;

        @Option(names = "--csv", paramLabel = "FILE", description = "Write the matrix as CSV (UTF-8 with BOM) to FILE.")
        Path csv;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Output output = new Output();

    @Option(names = "--with", paramLabel = "DRAFT.json", description = "A products pack with one or more draft products to add (repeatable).")
    List<Path> with = List.of();

    @Option(names = "--config", paramLabel = "FILE", description = "Segment configuration (JSON: bands, livesIn, szMedicalInsurance, conditions, needs, agePolicy, currency).")
    Path config;

    @Option(names = "--age-policy", paramLabel = "POLICY", description = "ALL_AGES (default: eligible at every age of the band) or ANY_AGE.")
    AgePolicy agePolicy;

    @Override
    public Integer call() {
        Lang lang = root.lang();
        if (output.csv != null) root.files().check(output.csv);
        SegmentConfig cfg = config == null ? SegmentConfig.defaults() : SegmentConfig.read(config, lang);
        if (agePolicy != null) cfg = cfg.withAgePolicy(agePolicy);
        BayCover app = root.app();
        // the matrix reads products only; draft packs are checked against the whole catalog (institutions, items)
        Catalog catalog = with.isEmpty() ? app.productsOnly() : app.catalog();
        List<Product> drafts = with.isEmpty() ? List.of() : app.gaps().readDrafts(with, lang, catalog);
        GapsUseCase.Matrix computed = app.gaps().matrix(cfg, catalog, drafts, ProgressMonitor.NONE);
        hk.baycover.io.Timeline.mark("gap matrix computed");
        GapMatrix matrix = computed.withDrafts();
        GapDiff diff = computed.diff();
        PrintWriter out = root.out();
        if (output.json) {
            try {
                GapReport.write(out, matrix, catalog, drafts, diff, lang);
                hk.baycover.io.Timeline.mark("gap report written");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Cli.OK;
        }
        if (output.csv != null) {
            app.gaps().exportCsv(matrix, lang, output.csv);
            out.println(root.text("gaps.cli.csvWritten", output.csv, matrix.cellCount()));
            if (diff != null) printDiff(out, lang, drafts, diff);
            return Cli.OK;
        }
        printText(out, lang, catalog, matrix);
        if (diff != null) printDiff(out, lang, drafts, diff);
        return Cli.OK;
    }

    private void printText(PrintWriter out, Lang lang, Catalog catalog, GapMatrix m) {
        out.println(root.text("gaps.cli.header", m.products().size(), m.segments().size(), m.needs().size(), m.cellCount(), m.uncoveredCount(),
                catalog.asOf().map(Object::toString).orElse("—")));
        out.println(root.text("gaps.cli.policy", GapTexts.name(lang, m.config().agePolicy())));
        for (int n = 0; n < m.needs().size(); n++) {
            int need = n;
            List<CellSummary> uncovered = m.segments().stream().map(s -> m.cell(s.index(), need)).filter(CellSummary::uncovered).toList();
            out.println();
            out.println(root.text("gaps.cli.need", GapTexts.name(lang, m.needs().get(n)), uncovered.size(), m.segments().size()));
            for (CellSummary c : uncovered) {
                CellDetail d = m.detail(c.segment().index(), need);
                String why = d.failing().isEmpty() ? root.text("gaps.reason.noProducts")
                        : d.failing().entrySet().stream().map(e -> GapTexts.group(lang, e.getKey()) + " " + e.getValue().size())
                        .collect(Collectors.joining(" · "));
                out.println("  ✕ " + GapTexts.segment(lang, c.segment()) + " — " + why);
            }
        }
    }

    private void printDiff(PrintWriter out, Lang lang, List<Product> drafts, GapDiff diff) {
        out.println();
        out.println(root.text("gaps.cli.diff", drafts.stream().map(p -> p.name().get(lang) + " (" + p.id() + ")").collect(Collectors.joining(", ")),
                diff.closes().size(), diff.improves().size(), diff.changes().size()));
        for (GapDiff.Change ch : diff.closes()) {
            out.println("  + " + GapTexts.segment(lang, ch.after().segment()) + " · " + GapTexts.name(lang, ch.after().need()) + ": "
                    + GapTexts.name(lang, ch.before().level()) + " → " + GapTexts.name(lang, ch.after().level()));
        }
    }

    static Map<ReasonGroup, Integer> counts(CellDetail d) {
        return d.failing().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
    }
}
