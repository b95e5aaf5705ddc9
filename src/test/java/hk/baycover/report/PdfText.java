package hk.baycover.report;

import hk.baycover.model.Catalog;
import hk.baycover.model.Product;
import hk.baycover.model.Source;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a client-facing PDF back as its reader would (PDFBox text extraction) and the checks every such document
 * must pass: no ids, no enum codes, no English beyond proper names in a Chinese document, every character drawn from a
 * glyph the embedded font has, body text size. Shared by the proposal, comparison and gap report tests.
 */
final class PdfText {
    private PdfText() {
    }

    /** The text of pages {@code from}..{@code to} (1-based, inclusive); {@code to} 0 means to the end. */
    static String text(byte[] pdf, int from, int to) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(from);
            s.setEndPage(to <= 0 ? d.getNumberOfPages() : to);
            return s.getText(d);
        }
    }

    static String text(byte[] pdf) throws IOException {
        return text(pdf, 1, 0);
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return d.getNumberOfPages();
        }
    }

    /** Font sizes (pt) of every non-blank character on the given page. */
    static List<Float> sizes(byte[] pdf, int page) throws IOException {
        List<Float> sizes = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper sizer = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) if (!p.getUnicode().isBlank()) sizes.add(p.getFontSizeInPt());
                }
            };
            sizer.setStartPage(page);
            sizer.setEndPage(page);
            sizer.getText(d);
        }
        return sizes;
    }

    /** Characters drawn without a glyph in their (embedded) font, "?" stand-ins outside web addresses, U+FFFD. */
    static List<String> missingGlyphs(byte[] pdf) throws IOException {
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
            if (withoutUrls(text).contains("?")) missing.add("a '?' stands for a character the font lacks");
        }
        return missing;
    }

    static String withoutUrls(String text) {
        return text.replaceAll("https?://\\S+", " ");
    }

    /** Every record id the catalog holds (products, institutions, items, scenarios and their lines, datasets). */
    static Set<String> ids(Catalog catalog) {
        Set<String> ids = new HashSet<>();
        catalog.products().forEach(p -> ids.add(p.id()));
        catalog.institutions().forEach(i -> ids.add(i.id()));
        catalog.items().forEach(i -> ids.add(i.id()));
        catalog.scenarios().forEach(sc -> {
            ids.add(sc.id());
            sc.lines().forEach(l -> ids.add(l.id()));
        });
        catalog.datasets().forEach(d -> ids.add(d.id()));
        return ids;
    }

    /** English proper names that may stand in a Chinese document: products, insurers, institutions, drugs and devices. */
    static Set<String> properNames(Catalog catalog) {
        Set<String> names = new LinkedHashSet<>();
        for (Product p : catalog.products()) {
            if (p.name().en() != null) names.add(p.name().en());
            if (p.provider() != null && p.provider().en() != null) names.add(p.provider().en());
            p.arrangement().parties().forEach(x -> {
                if (x.name() != null && x.name().en() != null) names.add(x.name().en());
            });
        }
        catalog.institutions().forEach(i -> {
            if (i.name().en() != null) names.add(i.name().en());
        });
        catalog.items().forEach(i -> {
            if (i.name().en() != null) names.add(i.name().en());
        });
        return names;
    }

    private static final Pattern ENUM_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\\b");
    private static final Pattern ENGLISH_RUN = Pattern.compile("[A-Za-z]{2,}(?:[ ,;:'’()-]+[A-Za-z]{2,}){2,}");

    /**
     * What a Chinese reader must not see in {@code text}: record ids, enum codes, and runs of three or more English words
     * that are not part of a proper name (web addresses are left out first).
     */
    static List<String> notForAChineseReader(String text, Catalog catalog) {
        String plain = withoutUrls(text);
        List<String> problems = new ArrayList<>();
        for (String id : ids(catalog)) if (id.length() > 3 && plain.contains(id)) problems.add("id: " + id);
        Matcher enumCode = ENUM_CODE.matcher(plain);
        while (enumCode.find()) problems.add("enum code: " + enumCode.group());
        // a currency is named in Chinese (港元 1,200.00), not by its code
        Matcher code = java.util.regex.Pattern.compile("\\b(HKD|CNY|MOP|RMB)( ?[0-9]|\\b)").matcher(plain);
        while (code.find()) problems.add("currency code: " + code.group());
        Set<String> names = properNames(catalog);
        Matcher words = ENGLISH_RUN.matcher(plain);
        while (words.find()) {
            String w = words.group();
            if (names.stream().noneMatch(n -> n.contains(w))) problems.add("English: " + w);
        }
        return problems;
    }

    /**
     * Source titles that a Chinese document printed although they are English-only (the title's first words appear in
     * the text); the shipped packs write most source titles in English.
     */
    static List<String> englishSourceTitles(String text, Iterable<Source> sources) {
        String flat = text.replaceAll("\\s+", " ");
        List<String> found = new ArrayList<>();
        for (Source s : sources) {
            String t = s.title();
            if (t == null || t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) continue;
            String head = t.length() > 24 ? t.substring(0, 24) : t;
            if (head.split("\\s+").length >= 3 && flat.contains(head)) found.add(t);
        }
        return found;
    }
}
