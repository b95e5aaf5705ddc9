package hk.baycover.report;

import hk.baycover.app.BayCover;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.planning.ClientFile;
import hk.baycover.planning.Plan;
import hk.baycover.planning.PlanReport;
import hk.baycover.planning.PlanTestData;
import hk.baycover.planning.Planner;
import hk.baycover.planning.Recommendation;
import hk.baycover.planning.ScenarioRun;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The proposal PDF: text extracted with PDFBox is in the chosen language; CJK font embedded; A4; page numbers. */
class ProposalPdfTest {

    @TempDir
    static Path dir;
    static BayCover app;
    static PlanReport report;
    static Recommendation rec;

    @BeforeAll
    static void setUp() {
        app = PlanTestData.open(dir.resolve("data"));
        ClientProfile t = ClientFile.templateProfile();
        ClientProfile client = new ClientProfile(t.id(), "陳大文", null, null, 68, t.sex(), t.smoker(), t.residency(), LivingPlace.SHENZHEN,
                t.city(), t.szMedicalInsurance(), null, false, false, false, false, t.existingProducts(), null, t.conditions(), null,
                t.preferredInstitutions(), t.needs(), t.budget(), t.horizonYears(), null);
        Planner planner = new Planner(app.catalog(), LocalDate.of(2026, 11, 29));
        Plan frame = planner.newPlan(client, List.of()).withRuns(List.of(ScenarioRun.of(PlanTestData.GBA_DRUG)));
        rec = planner.recommend(client, frame, Recommendation.Options.defaults(), ProgressMonitor.NONE);
        report = planner.analyse(client, frame.withProducts(rec.productIds()));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void traditionalChinese() throws IOException {
        byte[] pdf = new ProposalPdf(app.catalog(), Lang.ZH_HK).render(report, rec, ProgressMonitor.NONE);
        String text = text(pdf);
        assertTrue(text.contains("保障建議書"), "title in Traditional Chinese");
        assertTrue(text.contains("陳大文"), "client name");
        assertTrue(text.contains("逐年保費"), "projection heading");
        assertTrue(text.contains("如果……我要付多少"), "scenario heading");
        assertTrue(text.contains("示例數字"), "sample label");
        assertTrue(text.contains("重要提示"), "disclaimer");
        assertTrue(text.contains("第 1 頁"), "page numbers");
        assertTrue(text.contains("珠海希瑪林順潮眼科醫院"), "institution named in Chinese");
        assertFalse(text.contains("Cover proposal"), "no English headings");
        assertFalse(text.contains("Premiums year by year"));
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDPage first = d.getPage(0);
            assertEquals(PDRectangle.A4.getWidth(), first.getMediaBox().getWidth(), 0.5);
            assertEquals(PDRectangle.A4.getHeight(), first.getMediaBox().getHeight(), 0.5);
            boolean embedded = false;
            for (var name : first.getResources().getFontNames()) {
                PDFont f = first.getResources().getFont(name);
                embedded |= f.isEmbedded();
            }
            assertTrue(embedded, "CJK font embedded");
            assertTrue(text.contains("共 " + d.getNumberOfPages() + " 頁"));
        }
    }

    @Test
    void english() throws IOException {
        String text = text(new ProposalPdf(app.catalog(), Lang.EN).render(report, rec, ProgressMonitor.NONE));
        assertTrue(text.contains("Cover proposal"));
        assertTrue(text.contains("Premiums year by year"));
        assertTrue(text.contains("What would I pay if"));
        assertTrue(text.contains("Sample figure"));
        assertTrue(text.contains("Page 1 of"));
        assertTrue(text.contains("Brolucizumab") || text.contains("brolucizumab"), "the 港澳藥械通 drug named");
        assertFalse(text.contains("保障建議書"));
        assertFalse(text.contains("逐年保費"));
    }

    @Test
    void simplifiedChinese() throws IOException {
        String text = text(new ProposalPdf(app.catalog(), Lang.ZH_CN).render(report, rec, ProgressMonitor.NONE));
        assertTrue(text.contains("保障建议书"));
        assertTrue(text.contains("逐年保费"));
        assertFalse(text.contains("保障建議書"));
    }
}
