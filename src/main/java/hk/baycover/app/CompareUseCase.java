package hk.baycover.app;

import hk.baycover.compare.ComparisonMatrix;
import hk.baycover.compare.ComparisonRequest;
import hk.baycover.compare.ComparisonService;
import hk.baycover.io.SafeFiles;
import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.report.ComparisonCsv;
import hk.baycover.report.ComparisonPdf;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/** Compare products side by side, and export the comparison: the same for the {@code compare} command and the Compare screen. */
public final class CompareUseCase {

    private final Clock clock;
    private final SafeFiles files;

    CompareUseCase(Clock clock, SafeFiles files) {
        this.clock = clock;
        this.files = files;
    }

    /** The comparison of the request's products on {@code catalog}, as of today by the application's clock. */
    public ComparisonMatrix compare(Catalog catalog, ComparisonRequest request) {
        return new ComparisonService(LocalDate.now(clock)).compare(catalog, request);
    }

    /** Writes the comparison as a PDF in {@code lang}. */
    public Path exportPdf(ComparisonMatrix matrix, Catalog catalog, Lang lang, boolean onlyDifferences, Path file, ProgressMonitor monitor) {
        files.write(file, out -> ComparisonPdf.write(matrix, new ComparisonPdf.Options(lang, onlyDifferences, dataAsOf(catalog)), out, monitor));
        return file;
    }

    /** Writes the comparison as CSV in {@code lang}. */
    public Path exportCsv(ComparisonMatrix matrix, Lang lang, boolean onlyDifferences, Path file) {
        files.write(file, out -> ComparisonCsv.write(matrix, lang, onlyDifferences, out));
        return file;
    }

    /** The catalog's as-of date as shown on exports (null when no dataset says). */
    public static String dataAsOf(Catalog catalog) {
        return catalog.asOf().map(Object::toString).orElse(null);
    }
}
