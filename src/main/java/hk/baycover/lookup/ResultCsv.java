package hk.baycover.lookup;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Approval;
import hk.baycover.model.Catalog;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.UserError;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A result list as CSV (RFC 4180 quoting), UTF-8 with a byte-order mark so spreadsheet programs read the Chinese
 * correctly. Written to a temporary file next to the target, then moved into place.
 */
public final class ResultCsv {
    private ResultCsv() {
    }

    public static String csv(List<LookupHit> hits, Catalog catalog, Lang lang) {
        StringBuilder b = new StringBuilder();
        b.append(I18n.get(lang, "lookup.csv.header")).append("\r\n");
        for (LookupHit h : hits) {
            LocalizedText n = h.name();
            List<String> cells = new ArrayList<>();
            cells.add(LookupText.kind(lang, h.kind()));
            cells.add(h.id());
            cells.add(n.zhHant());
            cells.add(n.zhHans());
            cells.add(n.en());
            cells.add(LookupText.field(lang, h.field()));
            cells.add(LookupText.type(lang, h.type()));
            cells.add(h.matchedText());
            if (h.item() != null) {
                List<String> cities = new ArrayList<>();
                List<String> at = new ArrayList<>();
                for (Approval a : h.item().approvals()) {
                    Institution in = catalog.institution(a.institution()).orElse(null);
                    String city = in == null ? "" : LookupText.city(lang, in.city());
                    if (!city.isEmpty() && !cities.contains(city)) cities.add(city);
                    at.add((in == null ? a.institution() : in.name().get(lang)) + (a.date() == null ? "" : " " + a.date().value())
                            + " " + LookupText.named(lang, "designationStatus", a.status()));
                }
                cells.add(String.join("; ", cities));
                cells.add(String.join("; ", at));
                cells.add(LookupText.named(lang, "designationStatus", h.item().status()));
                cells.add(h.item().sample() ? I18n.get(lang, "lookup.csv.yes") : "");
            } else {
                Institution in = h.institution();
                cells.add(LookupText.city(lang, in.city()));
                cells.add(in.designation() == null ? I18n.get(lang, "lookup.d.notDesignated")
                        : I18n.get(lang, "lookup.d.batch", in.designation().batch() == null ? "—" : in.designation().batch(),
                        in.designation().date() == null ? "—" : in.designation().date().value(),
                        LookupText.named(lang, "designationStatus", in.designation().status())));
                cells.add(in.designation() == null ? "" : LookupText.named(lang, "designationStatus", in.designation().status()));
                cells.add(in.sample() ? I18n.get(lang, "lookup.csv.yes") : "");
            }
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) b.append(',');
                b.append(quote(cells.get(i)));
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    static String quote(String s) {
        if (s == null) return "";
        // a leading = + - @ would make a spreadsheet evaluate the cell as a formula
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) return safe;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    /** Writes the CSV (with BOM) to {@code file}; returns the number of data rows. */
    public static int write(Path file, List<LookupHit> hits, Catalog catalog, Lang lang) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".lookup-", ".csv.tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                w.write(csv(hits, catalog, lang));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return hits.size();
        } catch (IOException e) {
            try {
                if (tmp != null) Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new UserError(e, "lookup.export.failed", file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
