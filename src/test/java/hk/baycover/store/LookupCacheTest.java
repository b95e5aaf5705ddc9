package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.bench.CliScaleBench;
import hk.baycover.cli.Cli;
import hk.baycover.lookup.DataAbout;
import hk.baycover.lookup.LookupAnswer;
import hk.baycover.lookup.LookupHit;
import hk.baycover.lookup.LookupIndex;
import hk.baycover.lookup.LookupQuery;
import hk.baycover.lookup.ResultKind;
import hk.baycover.model.Approval;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.DesignationStatus;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.RegulatedItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line's one-shot lookup ({@link LookupCache}, ADR 0069) gives exactly the index's answer — same hits,
 * same order, same reasons, same total, the same records and the same "about this data" — for every query shape the
 * lookup tests use and for generated ones (typed prefixes, substrings, typos, random characters, every filter), on the
 * shipped data and on a generated catalog of 7,000 records; and it stays exact after an import, a restore and a damaged
 * documents file.
 */
class LookupCacheTest {

    /** Every query text of the lookup tests (LookupIndexTest, LookupCommandTest, ShippedPackLookupTest and the bench). */
    private static final List<String> SHAPES = List.of("", "  ", "l", "lor", "lorx", "lorlatinib", "Lorlatinib", "LORLATINIB", "ＬＯＲＬＡＴＩＮＩＢ",
            "lorlatnib", "lorlatnb", "lorlatnib tablets", "lorltainib", "劳拉替尼", "勞拉替尼", "勞拉", "替尼", "nib", "cancer", "lung",
            "oncology", "lens", "eye-lens-sample", "cochlear-implant-new", "耳蜗", "耳蝸", "蜗", "醫", "醫院", "医院", "深圳", "中山", "佛山市",
            "東莞", "福田", "guangzhou", "Zhongshan", "hospital", "\"*(", "🙂", "x", "implant", "hospita", "hopsital");

    @TempDir
    Path dataDir;

    @Test
    void shippedDataGivesTheIndexAnswerForEveryQueryShape() {
        cli("info");
        assertSameAnswers(queries(new Random(1), 400));
        assertTrue(Files.isRegularFile(dataDir.resolve(LookupCache.FILE)), "the documents are kept beside the database");
    }

    @Test
    void generatedCatalogGivesTheIndexAnswerAndStaysExactAfterAnImportARestoreAndDamage() throws Exception {
        cli("info");
        Path packs = Files.createDirectories(dataDir.getParent().resolve(dataDir.getFileName() + "-packs"));
        List<String> files = CliScaleBench.generate(packs, 3000, 4000);
        assertEquals(1, files.size());
        Path backup = packs.resolve("before.db");
        cli("backup", backup.toString());
        cli("import", files.get(0));
        assertSameAnswers(queries(new Random(2), 500));

        // another pack imported after the documents were made: they are made again
        Path more = Files.createDirectories(packs.resolve("more"));
        Path second = Path.of(CliScaleBench.generate(more, 500, 700).get(0));
        Files.writeString(second, Files.readString(second).replace("\"gen-inst-0-", "\"gen-inst-9-").replace("\"gen-drug-0-", "\"gen-drug-9-")
                .replace("\"gen-device-0-", "\"gen-device-9-").replace("bench-gen-0", "bench-gen-9"));
        String before = fingerprint();
        cli("import", second.toString());
        assertNotEquals(before, fingerprint());
        assertSameAnswers(queries(new Random(3), 150));

        // the folder restored to before both imports
        cli("restore", backup.toString());
        assertSameAnswers(queries(new Random(4), 150));

        // a half-made file of a process that was killed is removed by the next making
        Path abandoned = dataDir.resolve(LookupCache.FILE + ".tmp-" + Long.MAX_VALUE + "-1");
        Files.writeString(abandoned, "half", StandardCharsets.UTF_8);
        // a damaged documents file is made again, not believed
        Files.writeString(dataDir.resolve(LookupCache.FILE), "not a database", StandardCharsets.UTF_8);
        assertSameAnswers(queries(new Random(5), 60));
        assertFalse(Files.exists(abandoned), "the abandoned temporary file is removed");
    }

    @Test
    void theCommandPrintsWhatTheIndexPrintsWhetherTheDocumentsAreMadeOrFound() throws Exception {
        cli("info");
        Path packs = Files.createDirectories(dataDir.getParent().resolve(dataDir.getFileName() + "-packs"));
        cli("import", CliScaleBench.generate(packs, 600, 900).get(0));
        Path file = dataDir.resolve(LookupCache.FILE);
        for (String[] args : List.of(new String[] {"lookup", "劳拉替尼", "--json"}, new String[] {"lookup", "醫院", "--kind", "institution", "--city", "深圳", "--limit", "3"},
                new String[] {"--lang", "zh-HK", "lookup", "lorlatnib"}, new String[] {"--lang", "zh-CN", "lookup", "医院", "--limit", "400"},
                new String[] {"lookup", "nib", "--kind", "drug", "--city", "zhongshan", "--json"}, new String[] {"lookup", "\"*("})) {
            // a folder where the documents' file should be: they cannot be made, and the snapshot's index answers
            Files.deleteIfExists(file);
            Files.createDirectories(file.resolve("in-the-way"));
            String index = cli(args);
            Files.delete(file.resolve("in-the-way"));
            Files.delete(file);
            String made = cli(args);
            assertTrue(Files.isRegularFile(file));
            assertEquals(index, made, String.join(" ", args));
            assertEquals(index, cli(args), String.join(" ", args));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Compares the documents' answer with a fresh snapshot's index for every query, in one opening of the folder. */
    private void assertSameAnswers(List<LookupQuery> queries) {
        try (BayCover app = BayCover.openForCommandLine(dataDir, Lang.EN, ProgressMonitor.NONE, Clock.systemUTC())) {
            Catalog full = app.catalogStore().snapshot();
            LookupIndex index = LookupIndex.build(full);
            DataAbout about = DataAbout.of(full);
            LookupCache documents = new LookupCache(app.database());
            int found = 0;
            for (LookupQuery q : queries) {
                LookupAnswer a = documents.search(q).orElseThrow(() -> new AssertionError("no answer from the documents for " + q));
                assertEquals(index.search(q), a.result(), q.toString());
                assertEquals(about, a.about(), "about, " + q);
                for (LookupHit h : a.result().hits()) {
                    if (h.item() != null) {
                        assertEquals(full.item(h.id()), a.records().item(h.id()), q.toString());
                        for (Approval ap : h.item().approvals()) {
                            assertEquals(full.institution(ap.institution()), a.records().institution(ap.institution()), q + " " + ap.institution());
                        }
                    } else {
                        assertEquals(full.institution(h.id()), a.records().institution(h.id()), q.toString());
                    }
                }
                if (a.result().total() > 0) found++;
            }
            assertTrue(found > queries.size() / 3, "most queries should find something: " + found + " of " + queries.size());
        }
    }

    /** The query shapes, with and without filters, plus generated ones from the folder's own names. */
    private List<LookupQuery> queries(Random r, int generated) {
        List<String> texts = new ArrayList<>();
        Catalog full;
        try (BayCover app = BayCover.openForCommandLine(dataDir, Lang.EN, ProgressMonitor.NONE, Clock.systemUTC())) {
            full = app.catalogStore().snapshot();
        }
        for (RegulatedItem i : full.items()) {
            texts.addAll(i.name().all());
            if (i.brand() != null) texts.add(i.brand());
            if (i.genericName() != null) texts.add(i.genericName());
            if (i.indication() != null) texts.addAll(i.indication().all());
        }
        for (Institution i : full.institutions()) {
            texts.addAll(i.name().all());
            if (i.district() != null) texts.addAll(i.district().all());
        }
        List<LookupQuery> out = new ArrayList<>();
        for (String s : SHAPES) {
            out.add(LookupQuery.of(s));
            out.add(LookupQuery.of(s).withLimit(3));
            out.add(filters(LookupQuery.of(s), r, full));
        }
        for (ResultKind k : ResultKind.values()) out.add(LookupQuery.of("").withKinds(Set.of(k)).withLimit(1 + r.nextInt(200)));
        for (City c : City.values()) out.add(LookupQuery.of("").withCity(c));
        out.add(LookupQuery.of("a").withLimit(LookupQuery.MAX_LIMIT));
        for (int n = 0; n < generated; n++) {
            String t = texts.get(r.nextInt(texts.size()));
            int from = r.nextInt(100) < 50 ? 0 : r.nextInt(t.length());
            String q = t.substring(from, Math.min(t.length(), from + 1 + r.nextInt(12)));
            if (r.nextInt(100) < 20 && q.length() > 2) q = typo(q, r);
            if (r.nextInt(100) < 10) q = q.toUpperCase(java.util.Locale.ROOT);
            out.add(filters(LookupQuery.of(q).withLimit(1 + r.nextInt(60)), r, full));
        }
        return out;
    }

    private static LookupQuery filters(LookupQuery q, Random r, Catalog full) {
        if (r.nextInt(100) < 20) q = q.withKinds(Set.of(ResultKind.values()[r.nextInt(ResultKind.values().length)]));
        if (r.nextInt(100) < 15) q = q.withCity(City.values()[r.nextInt(City.values().length)]);
        if (r.nextInt(100) < 10) q = q.withStatus(DesignationStatus.values()[r.nextInt(DesignationStatus.values().length)]);
        if (r.nextInt(100) < 5) q = q.withInstitution(full.institutions().get(r.nextInt(full.institutions().size())).id());
        return q;
    }

    private static String typo(String q, Random r) {
        int i = r.nextInt(q.length() - 1);
        switch (r.nextInt(4)) {
            case 0: return q.substring(0, i) + q.substring(i + 1);
            case 1: return q.substring(0, i) + 'x' + q.substring(i);
            case 2: return q.substring(0, i) + 'q' + q.substring(i + 1);
            default: return q.substring(0, i) + q.charAt(i + 1) + q.charAt(i) + q.substring(i + 2);
        }
    }

    private String fingerprint() {
        try (BayCover app = BayCover.openForCommandLine(dataDir, Lang.EN, ProgressMonitor.NONE, Clock.systemUTC())) {
            return app.database().read(LookupCache::fingerprint);
        }
    }

    private String cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, String.join(" ", args) + ": " + err);
        assertFalse(out.toString().isEmpty() && err.toString().contains("Exception"), err.toString());
        return out.toString();
    }
}
