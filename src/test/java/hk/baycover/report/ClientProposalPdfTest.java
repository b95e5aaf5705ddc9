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
import hk.baycover.model.Product;
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
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            List<Float> sizes = new ArrayList<>();
            PDFTextStripper sizer = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) if (!p.getUnicode().isBlank()) sizes.add(p.getFontSizeInPt());
                }
            };
            sizer.setStartPage(1);
            sizer.setEndPage(1);
            sizer.getText(d);
            long body = sizes.stream().filter(f -> f >= 12f).count();
            assertTrue(body >= 0.85 * sizes.size(), body + " of " + sizes.size() + " characters on page 1 are 12 pt or more");
        }
    }

    @Test
    void noIdsNoEnumCodesNoEnglishBeyondProperNames() throws IOException {
        String text;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(d);
        }
        String plain = text.replaceAll("https?://\\S+", " ");
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        catalog.products().forEach(p -> ids.add(p.id()));
        catalog.institutions().forEach(i -> ids.add(i.id()));
        catalog.items().forEach(i -> ids.add(i.id()));
        catalog.scenarios().forEach(sc -> {
            ids.add(sc.id());
            sc.lines().forEach(l -> ids.add(l.id()));
        });
        for (String id : ids) if (id.length() > 3 && plain.contains(id)) problems.add("id: " + id);
        Matcher enumCode = Pattern.compile("\\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\\b").matcher(plain);
        while (enumCode.find()) problems.add("enum code: " + enumCode.group());
        // English proper names (products, insurers, institutions, drugs, source titles) may stand in a Chinese document
        Set<String> names = new LinkedHashSet<>();
        for (Product p : catalog.products()) {
            if (p.name().en() != null) names.add(p.name().en());
            if (p.provider() != null && p.provider().en() != null) names.add(p.provider().en());
        }
        catalog.institutions().forEach(i -> {
            if (i.name().en() != null) names.add(i.name().en());
        });
        catalog.items().forEach(i -> {
            if (i.name().en() != null) names.add(i.name().en());
        });
        Matcher words = Pattern.compile("[A-Za-z]{2,}(?:[ ,;:'’()-]+[A-Za-z]{2,}){2,}").matcher(plain);
        while (words.find()) {
            String w = words.group();
            if (names.stream().noneMatch(n -> n.contains(w))) problems.add("English: " + w);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyCharacterHasAGlyph() throws IOException {
        List<String> missing = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        PDFont f = p.getFont();
                        for (int code : p.getCharacterCodes()) {
                            if (f instanceof PDType0Font t0 && !t0.hasGlyph(code)) missing.add(p.getUnicode());
                        }
                        if (p.getUnicode().equals("\uFFFD")) missing.add("replacement character");
                    }
                }
            };
            String text = s.getText(d);
            // a character the font lacks would be drawn as "?": none outside web addresses
            if (text.replaceAll("https?://\\S+", " ").contains("?")) missing.add("a '?' stands for a character the font lacks");
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void identicalMonthlyLinesAreOneRowAndOnlyPayersThatPayAreNamed() throws IOException {
        String text;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(d);
        }
        assertTrue(text.contains("× "), "repeated lines are grouped with their count");
        assertTrue(!text.contains("HKD 0.00 — ") && !text.contains("HKD 0.00–HKD 0.00 —"), "no payer is named for paying nothing");
    }
}
