package hk.baycover.report;

import hk.baycover.compare.Cell;
import hk.baycover.compare.Column;
import hk.baycover.compare.ComparisonMatrix;
import hk.baycover.compare.Row;
import hk.baycover.compare.Texts;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;
import hk.baycover.model.UserError;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF line
 * ends, RFC 4180 quoting. One line per dimension: group, section, dimension, whether values differ, then one column
 * per product (sample figures prefixed with the sample label); the Sources rows carry URLs and as-of dates.
 */
public final class ComparisonCsv {

    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ComparisonCsv() {
    }

    public static String render(ComparisonMatrix m, Lang lang, boolean onlyDifferences) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(t(lang, "compare.csv.group"), t(lang, "compare.csv.section"),
                t(lang, "compare.col.dimension"), t(lang, "compare.csv.differs")));
        for (Column c : m.columns()) {
            String h = Texts.get(c.name(), lang) + " (" + c.productId() + ")";
            if (c.checked() && !c.eligible()) h += " — " + t(lang, "compare.ineligible");
            header.add(h);
        }
        line(sb, header);
        for (Row r : onlyDifferences ? m.differingRows() : m.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(t(lang, "compare.group." + r.group().name()));
            cells.add(r.section() == null ? "" : Texts.get(r.section(), lang));
            cells.add(r.label(lang));
            cells.add(t(lang, r.differs() ? "compare.csv.yes" : "compare.csv.no"));
            for (Column c : m.columns()) {
                Cell cell = r.cell(c.productId());
                cells.add((cell.sample() ? "[" + t(lang, "sample.badge") + "] " : "") + cell.text(lang));
            }
            line(sb, cells);
        }
        return sb.toString();
    }

    /** Writes the CSV atomically (temp file, then move). */
    public static void write(ComparisonMatrix m, Lang lang, boolean onlyDifferences, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".baycover-", ".csv.tmp");
            try {
                try (var os = Files.newOutputStream(tmp)) {
                    os.write(BOM);
                    try (Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8)) {
                        w.write(render(m, lang, onlyDifferences));
                    }
                }
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserError(e, "export.cannotWrite", file, e.getMessage());
        }
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(quote(cells.get(i)));
        }
        sb.append("\r\n");
    }

    static String quote(String s) {
        if (s == null) return "";
        // a leading = + - @ would make a spreadsheet evaluate the cell as a formula
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) return "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }

    private static String t(Lang lang, String key, Object... args) {
        return I18n.get(lang, key, args);
    }
}
