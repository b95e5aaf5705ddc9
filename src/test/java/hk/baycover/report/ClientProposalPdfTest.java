package hk.baycover.report;

import hk.baycover.app.BayCover;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Currency;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.model.SzInsurance;
import hk.baycover.planning.Plan;
import hk.baycover.planning.PlanReport;
import hk.baycover.planning.Planner;
import hk.baycover.planning.Recommendation;
import hk.baycover.planning.ScenarioRun;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proposal as the client reads it: a 72-year-old Hong Kong permanent resident living in Shenzhen, in Traditional
 * Chinese, on the shipped data, with the lung-cancer scenario (a 港澳藥械通 drug, monthly lines) and the recommended plan.
 * The PDF's text is read back: page 1 is the plain-language summary in large type; nowhere an id, an enum code or
 * English beyond proper names; every character drawn from a glyph the embedded font has.
 */
class ClientProposalPdfTest {

    @TempDir
    static Path dir;
    static BayCover app;
    static Catalog catalog;
    static byte[] pdf;
    static PlanReport report;

    @BeforeAll
    static void render() throws IOException {
        app = BayCover.open(dir.resolve("data"), Lang.ZH_HK, ProgressMonitor.NONE);
        catalog = app.catalog();
        ClientProfile client = new ClientProfile(null, "李美玲", null, null, 72, Sex.F, false, ResidencyStatus.HK_PERMANENT_RESIDENT,
                LivingPlace.SHENZHEN, City.SHENZHEN, SzInsurance.NONE, null, false, false, false, false, List.of(), null, List.of(), null,
                List.of(), Map.of(Need.INPATIENT, Priority.MUST_HAVE, Need.CANCER_TREATMENT, Priority.MUST_HAVE, Need.GBA_DRUG, Priority.NICE_TO_HAVE),
                new Money(new BigDecimal("30000"), Currency.HKD), 10, null);
        Planner planner = new Planner(catalog, LocalDate.of(2026, 12, 5));
        Plan frame = planner.newPlan(client, List.of()).withRuns(List.of(ScenarioRun.of("lung-cancer-lorlatinib-6m-hku-szh")));
        Recommendation rec = planner.recommend(client, frame, Recommendation.Options.defaults(), ProgressMonitor.NONE);
        report = planner.analyse(client, frame.withProducts(rec.productIds()));
        pdf = new ProposalPdf(catalog, Lang.ZH_HK).render(report, rec, ProgressMonitor.NONE);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "proposal-72-zh-HK.pdf"), pdf);
    }

    @AfterAll
    static void close() {
        app.close();
    }

    @Test
    void pageOneIsThePlainLanguageSummaryInLargeType() throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(1);
            s.setEndPage(1);
            String page1 = s.getText(d);
            for (String expected : List.of("保障建議書", "李美玲", "72 歲", "這份計劃保障甚麼", "每年保費", "第一年", "你要自付",
                    "沒有保障的地方及建議", "代理人仍須向保險公司確認")) {
                assertTrue(page1.contains(expected), "page 1 says '" + expected + "':\n" + page1);
            }
            assertTrue(page1.contains("肺癌"), "the chosen scenario is on page 1");
            // body text of page 1 at 12 pt or more (the page footer and number aside)
            List<Float> sizes = PdfText.sizes(pdf, 1);
            long body = sizes.stream().filter(f -> f >= 12f).count();
            assertTrue(body >= 0.85 * sizes.size(), body + " of " + sizes.size() + " characters on page 1 are 12 pt or more");
        }
    }

    @Test
    void noIdsNoEnumCodesNoEnglishBeyondProperNames() throws IOException {
        assertEquals(List.of(), PdfText.notForAChineseReader(PdfText.text(pdf), catalog));
    }

    @Test
    void everyCharacterHasAGlyph() throws IOException {
        assertEquals(List.of(), PdfText.missingGlyphs(pdf));
    }

    @Test
    void sourcesKeepTheirAddressAndDateButNoEnglishOnlyTitle() throws IOException {
        String text = PdfText.text(pdf).replaceAll("\\s+", "");
        List<hk.baycover.model.Source> sources = report.sources().stream().flatMap(s -> s.sources().stream()).toList();
        assertTrue(sources.stream().anyMatch(s -> s.title() != null && s.title().matches("[^\\p{IsHan}]*[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}.*")),
                "the plan rests on sources with English-only titles (else this test proves nothing)");
        assertEquals(List.of(), PdfText.englishSourceTitles(PdfText.text(pdf), sources));
        for (hk.baycover.model.Source s : sources) {
            assertTrue(text.contains(s.url().replaceAll("\\s+", "")), "URL printed: " + s.url());
            assertTrue(text.contains(hk.baycover.i18n.SourceText.date(s, Lang.ZH_HK).replaceAll("\\s+", "")), "date printed: " + s.url());
        }
        assertTrue(text.contains("網頁（"), "an English-only title is replaced by the site's name with a label");
        // the datasets by name, version and as-of date, never by id
        for (hk.baycover.model.DatasetInfo d : catalog.datasets()) {
            assertTrue(text.contains(d.header().title().zhHant().replaceAll("\\s+", "")) && text.contains(d.version()), "dataset named: " + d.id());
        }
    }

    @Test
    void identicalMonthlyLinesAreOneRowAndOnlyPayersThatPayAreNamed() throws IOException {
        String text;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(d);
        }
        assertTrue(text.contains("× "), "repeated lines are grouped with their count");
        assertTrue(text.contains("港元 "), "amounts are printed, their currency named in Chinese");
        assertTrue(!text.contains("港元 0.00 — ") && !text.contains("人民幣 0.00 — "), "no payer is named for paying nothing");
    }
}
