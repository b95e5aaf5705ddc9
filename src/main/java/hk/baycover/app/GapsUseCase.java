package hk.baycover.app;

import hk.baycover.io.SafeFiles;
import hk.baycover.catalog.Problem;
import hk.baycover.gaps.DraftPacks;
import hk.baycover.gaps.GapCsv;
import hk.baycover.gaps.GapDiff;
import hk.baycover.gaps.GapEngine;
import hk.baycover.gaps.GapMatrix;
import hk.baycover.gaps.SegmentConfig;
import hk.baycover.model.Catalog;
import hk.baycover.model.FxTable;
import hk.baycover.model.Lang;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import hk.baycover.report.GapReportPdf;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The gap matrix: which client segments no product covers for which need, with what-if draft products; its exports.
 * The same for the {@code gaps} command and the Gaps screen; "today" is the application's clock.
 */
public final class GapsUseCase {

    private final Clock clock;
    private final SafeFiles files;

    GapsUseCase(Clock clock, SafeFiles files) {
        this.clock = clock;
        this.files = files;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The engine for a segment configuration (the screen keeps it to re-evaluate single drafts). */
    public GapEngine engine(SegmentConfig config) {
        return new GapEngine(config, today(), FxTable.defaults());
    }

    /** The matrix of the catalog's products, the same with the active drafts, and what the drafts change. */
    public record Matrix(GapEngine engine, GapMatrix base, GapMatrix withDrafts, GapDiff diff) {
    }

    public Matrix matrix(SegmentConfig config, Catalog catalog, List<Product> activeDrafts, ProgressMonitor monitor) {
        GapEngine engine = engine(config);
        GapMatrix base = engine.matrix(catalog.products(), monitor);
        if (activeDrafts.isEmpty()) return new Matrix(engine, base, base, null);
        GapMatrix with = base.plus(engine.evaluateAll(activeDrafts, true, monitor));
        return new Matrix(engine, base, with, with.diffFrom(base));
    }

    /** Reads draft packs strictly (every problem as FILE:POINTER: message); the drafts come back marked sample. */
    public List<Product> readDrafts(List<Path> files, Lang lang, Catalog catalog) {
        return DraftPacks.read(files, lang, catalog, today());
    }

    /** Checks a draft as it would be exported; empty when it is fine. */
    public List<Problem> validateDraft(Product draft, String name, Lang lang, Catalog catalog) {
        return DraftPacks.validate(draft, name, lang, catalog, today());
    }

    /** The draft marked as what it is (sample, low confidence), dated today when it has no date. */
    public Product asSample(Product draft) {
        return DraftPacks.asSample(draft, today());
    }

    public Path exportCsv(GapMatrix matrix, Lang lang, Path file) {
        files.write(file, out -> GapCsv.write(matrix, lang, out));
        return file;
    }

    public Path exportPdf(GapMatrix matrix, GapDiff diff, List<Product> activeDrafts, Catalog catalog, Lang lang, Path file) {
        files.write(file, out -> GapReportPdf.write(matrix, diff, activeDrafts, catalog, lang, out));
        return file;
    }

    /** The drafts as a products pack another BayCover can import. */
    public Path exportDrafts(List<Product> drafts, Path file) {
        if (drafts.isEmpty()) throw new UserError("gaps.draft.noneToExport");
        files.write(file, out -> DraftPacks.write(DraftPacks.pack(drafts, today()), out));
        return file;
    }
}
