package hk.baycover.lookup;

import hk.baycover.i18n.I18n;
import hk.baycover.io.CsvWriter;
import hk.baycover.model.Approval;
import hk.baycover.model.Catalog;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A result list as CSV ({@link CsvWriter}: RFC 4180 quoting, UTF-8 with a byte-order mark, formula guard).
 */
public final class ResultCsv {
    private ResultCsv() {
    }

    /** Streams the CSV to {@code out} (callers write files through {@code io.SafeFiles}); returns the number of data rows. */
    public static int write(List<LookupHit> hits, Catalog catalog, Lang lang, OutputStream out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row(List.of(I18n.get(lang, "lookup.csv.header").split(",", -1)));
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
            csv.row(cells);
        }
        csv.flush();
        return hits.size();
    }
}
