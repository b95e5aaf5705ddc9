package hk.baycover.report;

import hk.baycover.gaps.GapDiff;
import hk.baycover.gaps.GapEngine;
import hk.baycover.gaps.GapFixtures;
import hk.baycover.gaps.GapMatrix;
import hk.baycover.model.Catalog;
import hk.baycover.model.FxTable;
import hk.baycover.model.Lang;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import hk.baycover.i18n.I18n;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gap report PDF: Chinese text embedded and extractable, drafts labelled as samples, a clear error without a font. */
class GapReportPdfTest {

    @TempDir
    Path dir;

    @Test
    void reportInTraditionalChineseWithDraft() throws Exception {
        GapEngine engine = new GapEngine(GapFixtures.config(), LocalDate.of(2026, 11, 29), FxTable.defaults());
        Catalog catalog = new Catalog(List.of(), List.of(), List.of(), List.of(), GapFixtures.catalog(), List.of());
        GapMatrix base = engine.matrix(catalog.products(), ProgressMonitor.NONE);
        Product draft = GapFixtures.dentalDraft("draft-gba-dental");
        GapMatrix with = base.plus(List.of(engine.evaluate(draft, true)));
        GapDiff diff = with.diffFrom(base);
        Path pdf = dir.resolve("gaps.pdf");
        hk.baycover.io.SafeFiles.forDataDir(dir.resolve("data")).write(pdf, o -> GapReportPdf.write(with, diff, List.of(draft), catalog, Lang.ZH_HK, o));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("保障缺口報告"), text);
            assertTrue(text.contains("草擬產品只是示例"), text);
            assertTrue(text.contains(I18n.get(Lang.ZH_HK, "gaps.diff.summary", 12, 0, 36)), text);
            assertTrue(text.contains("牙科") || text.contains(I18n.get(Lang.ZH_HK, "need.DENTAL")), text);
            assertEquals("zh-HK", doc.getDocumentCatalog().getLanguage());
            assertTrue(doc.getNumberOfPages() >= 1);
            assertFalse(text.contains("gaps."), "no untranslated keys");
        }
    }

    /** The gap report over the shipped data in Traditional Chinese follows the proposal's rules. */
    @Test
    void shippedDataReportHasNoIdsCodesOrEnglishAndEveryGlyph() throws Exception {
        try (hk.baycover.app.BayCover app = hk.baycover.app.BayCover.open(dir.resolve("shipped"), Lang.ZH_HK, ProgressMonitor.NONE)) {
            Catalog catalog = app.catalog();
            GapEngine engine = new GapEngine(hk.baycover.gaps.SegmentConfig.defaults(), LocalDate.of(2026, 12, 5), FxTable.defaults());
            GapMatrix m = engine.matrix(catalog.products(), ProgressMonitor.NONE);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            GapReportPdf.write(m, null, List.of(), catalog, Lang.ZH_HK, out);
            byte[] pdf = out.toByteArray();
            String text = PdfText.text(pdf);
            assertEquals(List.of(), PdfText.notForAChineseReader(text, catalog));
            assertEquals(List.of(), PdfText.missingGlyphs(pdf));
            // datasets by their Chinese title and version, never by id
            String flat = text.replaceAll("\\s+", "");
            for (hk.baycover.model.DatasetInfo d : catalog.datasets()) {
                assertTrue(flat.contains(d.header().title().zhHant().replaceAll("\\s+", "")) && flat.contains(d.version()), d.id());
                assertFalse(flat.contains(d.id()), "dataset id printed: " + d.id());
            }
        }
    }

    @Test
    void theGapReportEmbedsTheFontEveryReportEmbeds() throws Exception {
        GapEngine engine = new GapEngine(GapFixtures.config(), LocalDate.of(2026, 11, 29), FxTable.defaults());
        GapMatrix m = engine.matrix(GapFixtures.catalog(), ProgressMonitor.NONE);
        Path gaps = dir.resolve("gaps.pdf");
        hk.baycover.io.TestFiles.write(gaps, o -> GapReportPdf.write(m, null, List.of(), Catalog.empty(), Lang.ZH_HK, o));
        Path other = dir.resolve("other.pdf");
        try (PdfBuilder pdf = new PdfBuilder(PdfBuilder.Orientation.LANDSCAPE, 36f)) {
            pdf.paragraph("保障 cover", 10, PdfBuilder.TEXT);
            hk.baycover.io.TestFiles.write(other, pdf::save);
        }
        assertEquals(fontNames(other), fontNames(gaps), "one font lookup (CjkFonts) for every document");
    }

    static java.util.Set<String> fontNames(Path pdf) throws Exception {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
                for (org.apache.pdfbox.cos.COSName n : page.getResources().getFontNames()) {
                    // a subset's name is "ABCDEF+Family": compare the family
                    String name = page.getResources().getFont(n).getName();
                    names.add(name.substring(name.indexOf('+') + 1));
                }
            }
        }
        return names;
    }

    @Test
    void missingFontIsAClearError() {
        String old = System.getProperty("baycover.pdf.font");
        System.setProperty("baycover.pdf.font", dir.resolve("no-such-font.ttc").toString());
        try {
            GapEngine engine = new GapEngine(GapFixtures.config(), LocalDate.of(2026, 11, 29), FxTable.defaults());
            GapMatrix m = engine.matrix(List.of(), ProgressMonitor.NONE);
            UserError e = assertThrows(UserError.class, () -> hk.baycover.io.SafeFiles.forDataDir(dir.resolve("data")).write(dir.resolve("x.pdf"), o -> GapReportPdf.write(m, null, List.of(), Catalog.empty(), Lang.EN, o)));
            assertEquals("report.fontMissing", e.key());
            assertTrue(I18n.message(Lang.EN, e).contains("fonts-wqy-zenhei"));
            assertTrue(I18n.message(Lang.EN, e).contains("no-such-font.ttc"), "names the file asked for");
            assertFalse(Files.exists(dir.resolve("x.pdf")));
        } finally {
            if (old == null) System.clearProperty("baycover.pdf.font");
            else System.setProperty("baycover.pdf.font", old);
        }
    }
}
