package hk.baycover.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import hk.baycover.lookup.DataAbout;
import hk.baycover.lookup.LookupAnswer;
import hk.baycover.lookup.LookupHit;
import hk.baycover.lookup.LookupQuery;
import hk.baycover.lookup.LookupResult;
import hk.baycover.lookup.LookupText;
import hk.baycover.lookup.ResultKind;
import hk.baycover.model.Approval;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@Command(name = "lookup", description = "Find 港澳藥械通 drugs, devices and designated institutions by any name in 繁, 简 or English "
        + "(one typo allowed in Latin names). Items list the institutions approved to use them.")
final class LookupCommand implements Runnable {

    @Mixin
    CommandContext root;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to look for; several words are searched as one phrase.")
    List<String> words;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only drug, device or institution.")
    String kind;

    @Option(names = "--city", paramLabel = "NAME", description = "Only institutions in this city, and items approved there (Shenzhen, 深圳, SHENZHEN...).")
    String city;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N results (default ${DEFAULT-VALUE}).", defaultValue = "" + LookupQuery.DEFAULT_LIMIT)
    String limit;

    @Mixin
    JsonOption json;

    /** The JSON shape of {@code lookup --json}. */
    record Output(String query, String normalizedQuery, Filters filters, int total, List<Result> results) {
    }

    record Filters(String kind, String city, int limit) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Names(String zhHant, String zhHans, String en) {
        static Names of(LocalizedText t) {
            return t == null ? new Names(null, null, null) : new Names(t.zhHant(), t.zhHans(), t.en());
        }
    }

    record Result(String kind, String id, Names names, String matchedField, String matchType, String matchedText, boolean sample,
                  String status, List<Approved> institutions, String city, Names district, Designation designation, String voucherPilotSince) {
    }

    record Approved(String id, Names names, String city, String date, String dateNote, String status) {
    }

    record Designation(Integer batch, String date, String status, String removed) {
    }

    @Override
    public void run() {
        Lang lang = root.lang();
        LookupQuery query = parse(lang);
        LookupAnswer answer = root.app().lookupOnce(query);
        Catalog catalog = answer.records();
        LookupResult result = answer.result();
        PrintWriter out = root.out();
        if (json.on) {
            List<Result> results = new ArrayList<>();
            for (LookupHit h : result.hits()) results.add(result(h, catalog));
            Json.print(out, new Output(query.text(), result.normalizedQuery(),
                    new Filters(kind == null ? null : ResultKind.parse(kind).orElseThrow().code(), query.city() == null ? null : query.city().name(), query.limit()),
                    result.total(), results));
            return;
        }
        printTable(out, lang, query, result, catalog, answer.about());
    }

    private LookupQuery parse(Lang lang) {
        String text = String.join(" ", words);
        Set<ResultKind> kinds = Set.of();
        if (kind != null) {
            kinds = Set.of(ResultKind.parse(kind).orElseThrow(() -> usage(root.text("lookup.cli.badKind", kind))));
        }
        City c = null;
        if (city != null) {
            c = LookupText.parseCity(city).orElseThrow(() -> usage(root.text("lookup.cli.badCity", city, LookupText.cityList(lang))));
        }
        int n;
        try {
            n = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > LookupQuery.MAX_LIMIT) throw usage(root.text("lookup.cli.badLimit", limit, LookupQuery.MAX_LIMIT));
        return new LookupQuery(text, kinds, c, null, null, n);
    }

    private CommandLine.ParameterException usage(String message) {
        return root.usage(message);
    }

    private static Result result(LookupHit h, Catalog catalog) {
        String field = h.field() == null ? null : h.field().code();
        String type = h.type() == null ? null : h.type().name().toLowerCase(java.util.Locale.ROOT);
        if (h.item() != null) {
            List<Approved> approved = new ArrayList<>();
            for (Approval a : h.item().approvals()) {
                Institution in = catalog.institution(a.institution()).orElse(null);
                approved.add(new Approved(a.institution(), in == null ? Names.of(null) : Names.of(in.name()),
                        in == null || in.city() == null ? null : in.city().name(), a.date() == null ? null : a.date().value(), a.dateNote(),
                        a.status().name()));
            }
            return new Result(h.kind().code(), h.id(), Names.of(h.name()), field, type, h.matchedText(), h.item().sample(),
                    h.item().status().name(), approved, null, null, null, null);
        }
        Institution in = h.institution();
        Designation d = in.designation() == null ? null : new Designation(in.designation().batch(),
                in.designation().date() == null ? null : in.designation().date().value(), in.designation().status().name(),
                in.designation().removed() == null ? null : in.designation().removed().value());
        return new Result(h.kind().code(), h.id(), Names.of(h.name()), field, type, h.matchedText(), in.sample(),
                d == null ? null : d.status(), null, in.city() == null ? null : in.city().name(),
                in.district() == null ? null : Names.of(in.district()), d,
                in.voucherPilot() == null || in.voucherPilot().since() == null ? null : in.voucherPilot().since().value());
    }

    private void printTable(PrintWriter out, Lang lang, LookupQuery query, LookupResult result, Catalog catalog, DataAbout about) {
        if (result.hits().isEmpty()) {
            out.println(root.text("lookup.cli.none", query.text()));
            out.println(LookupText.about(lang, about));
            return;
        }
        out.println(root.text("lookup.cli.found", result.total(), query.text())
                + (result.total() > result.hits().size() ? " " + root.text("lookup.cli.showing", result.hits().size()) : ""));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {root.text("lookup.col.no"), root.text("lookup.col.kind"), root.text("lookup.col.name"),
                root.text("lookup.col.matched"), root.text("lookup.col.where")});
        int n = 0;
        for (LookupHit h : result.hits()) {
            String name = LookupText.text(h.name(), lang);
            boolean sample = h.item() != null ? h.item().sample() : h.institution().sample();
            if (sample) name += " [" + root.text("lookup.sample") + "]";
            rows.add(new String[] {String.valueOf(++n), LookupText.kind(lang, h.kind()), name, LookupText.matched(lang, h), where(lang, h, catalog)});
        }
        int[] widths = new int[5];
        for (String[] r : rows) for (int i = 0; i < 4; i++) widths[i] = Math.max(widths[i], TextWidth.of(r[i]));
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 4; i++) b.append(TextWidth.pad(r[i], widths[i])).append("  ");
            b.append(r[4]);
            out.println(b.toString().stripTrailing());
        }
        out.println(LookupText.about(lang, about));
    }

    /** For an item: where it is approved; for an institution: city, district and designation. */
    private String where(Lang lang, LookupHit h, Catalog catalog) {
        if (h.item() != null) {
            List<String> parts = new ArrayList<>();
            for (Approval a : h.item().approvals()) {
                Institution in = catalog.institution(a.institution()).orElse(null);
                String name = in == null ? a.institution() : LookupText.text(in.name(), lang);
                String c = in == null ? "" : LookupText.city(lang, in.city());
                String date = a.date() == null ? "" : ", " + a.date().value();
                String status = a.status() == hk.baycover.model.DesignationStatus.CURRENT ? "" : ", " + LookupText.named(lang, "designationStatus", a.status());
                parts.add(name + " (" + c + date + status + ")");
            }
            return parts.isEmpty() ? root.text("lookup.cli.noApprovals") : String.join("; ", parts);
        }
        Institution in = h.institution();
        StringBuilder b = new StringBuilder(LookupText.city(lang, in.city()));
        if (in.district() != null && !in.district().isEmpty()) b.append(" · ").append(in.district().get(lang));
        if (in.designation() != null) {
            b.append(" · ").append(root.text("lookup.cli.batch", in.designation().batch() == null ? "?" : in.designation().batch(),
                    in.designation().date() == null ? "—" : in.designation().date().value(),
                    LookupText.named(lang, "designationStatus", in.designation().status())));
        }
        return b.toString();
    }
}
