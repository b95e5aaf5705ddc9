package hk.baycover.report;

import hk.baycover.compare.Cell;
import hk.baycover.compare.Column;
import hk.baycover.compare.ComparisonMatrix;
import hk.baycover.compare.Row;
import hk.baycover.compare.Texts;
import hk.baycover.i18n.I18n;
import hk.baycover.io.CsvWriter;
import hk.baycover.model.Lang;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison as CSV for spreadsheets (written by {@link CsvWriter}: UTF-8 with a byte-order mark, CRLF, RFC 4180
 * quoting, formula guard). One line per dimension: group, section, dimension, whether values differ, then one column
 * per product (sample figures prefixed with the sample label); the Sources rows carry URLs and as-of dates.
 */
public final class ComparisonCsv {

    private ComparisonCsv() {
    }

    /** Streams the CSV to {@code out} (callers write files through {@code io.SafeFiles}). */
    public static void write(ComparisonMatrix m, Lang lang, boolean onlyDifferences, OutputStream out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        List<String> header = new ArrayList<>(List.of(t(lang, "compare.csv.group"), t(lang, "compare.csv.section"),
                t(lang, "compare.col.dimension"), t(lang, "compare.csv.differs")));
        for (Column c : m.columns()) {
            String h = Texts.get(c.name(), lang) + " (" + c.productId() + ")";
            if (c.checked() && !c.eligible()) h += " — " + t(lang, "compare.ineligible");
            header.add(h);
        }
        csv.row(header);
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
            csv.row(cells);
        }
        csv.flush();
    }

    private static String t(Lang lang, String key, Object... args) {
        return I18n.get(lang, key, args);
    }
}
