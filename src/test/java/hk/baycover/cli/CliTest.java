package hk.baycover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;
import hk.baycover.store.Database;
import hk.baycover.testsupport.DbContent;
import hk.baycover.testsupport.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line, run in-process exactly as {@code java -jar baycover.jar ...} runs it, on a real data folder. */
class CliTest {

    @TempDir
    Path dataDir;

    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.isBlank() ? List.of() : Arrays.asList(out.strip().split("\\R"));
        }
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path db() {
        return dataDir.resolve(Database.FILE_NAME);
    }

    private static JsonNode json(String text) throws Exception {
        return CatalogJson.mapper().readTree(text);
    }

    @Test
    void infoJsonListsDatasetsWithCountsAndAsOf() throws Exception {
        Run r = run("--lang", "en", "info", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode info = json(r.out());
        assertEquals(Database.latestMigration(), info.get("schemaVersion").asInt());
        assertEquals(db().toString(), info.get("database").asText());
        JsonNode shipped = null;
        for (JsonNode d : info.get("datasets")) if (d.get("id").asText().equals("gba-drugs-devices")) shipped = d;
        assertTrue(shipped != null, r.out());
        assertEquals("drugs-devices", shipped.get("kind").asText());
        assertEquals("SHIPPED", shipped.get("origin").asText());
        assertTrue(shipped.get("asOf").asText().matches("\\d{4}(-\\d{2}(-\\d{2})?)?"), shipped.toString());
        assertTrue(shipped.get("counts").get("institutions").asInt() > 0);
        assertTrue(shipped.get("counts").get("drugs").asInt() > 0);
        assertTrue(shipped.get("counts").get("devices").asInt() > 0);

        assertEquals(0, run("import", TestPacks.DRUGS.toString()).code());
        JsonNode after = json(run("info", "--json").out());
        JsonNode test = null;
        for (JsonNode d : after.get("datasets")) if (d.get("id").asText().equals("test-drugs-devices")) test = d;
        assertTrue(test != null);
        assertEquals("2025-06", test.get("asOf").asText());
        assertEquals("1.0.0", test.get("version").asText());
        assertEquals("IMPORTED", test.get("origin").asText());
        assertEquals(json("{\"institutions\":3,\"drugs\":1,\"devices\":1,\"totals\":1}"), test.get("counts"));
        assertEquals(info.get("datasets").size() + 1, after.get("datasets").size());
    }

    @Test
    void infoAsTextNamesEveryDataset() {
        Run r = run("--lang", "en", "info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Schema version " + Database.latestMigration()), r.out());
        assertTrue(r.out().contains("gba-drugs-devices  v"), r.out());
        assertTrue(r.out().contains("institutions "), r.out());
    }

    @Test
    void validatePrintsEveryProblemAsFilePointerMessageAndExitsOne() {
        Path bad = TestPacks.bad("multiple-problems.json");
        Run r = run("--lang", "en", "validate", bad.toString());
        assertEquals(1, r.code());
        List<String> lines = r.outLines();
        assertEquals(7, lines.size(), r.out());
        for (String line : lines) assertTrue(line.startsWith(bad + ":/"), line);
        assertEquals(bad + ":/items/0/approvals/0/institution: unknown institution \"nowhere\" (not in this pack or the loaded data)", lines.get(5));
        assertTrue(r.err().contains("7 problem(s) found. Nothing was changed."), r.err());
    }

    @Test
    void validateReportsSyntaxErrorsWithLineAndColumn() {
        Path bad = TestPacks.bad("malformed-json.json");
        Run r = run("--lang", "en", "validate", bad.toString(), TestPacks.DRUGS.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.outLines().size(), r.out());
        assertTrue(r.outLines().get(0).startsWith(bad + ":5:5: not valid JSON: "), r.out());
    }

    @Test
    void validateAcceptsAGoodPackAndWritesNothing() {
        run("info");
        String before = DbContent.hash(db());
        Run r = run("--lang", "en", "validate", TestPacks.DRUGS.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("OK  test-drugs-devices v1.0.0: 6 records", r.out().strip());
        assertEquals(before, DbContent.hash(db()));
    }

    @Test
    void validateJson() throws Exception {
        Path bad = TestPacks.bad("premium-gap.json");
        Run r = run("--lang", "en", "validate", "--json", bad.toString());
        assertEquals(1, r.code());
        JsonNode report = json(r.out());
        assertFalse(report.get("valid").asBoolean());
        assertEquals(1, report.get("problems").size());
        JsonNode p = report.get("problems").get(0);
        assertEquals(bad.toString(), p.get("file").asText());
        assertEquals("/products/0/premiums/rows/1/ageFrom", p.get("pointer").asText());
        assertEquals("no premium for ages 41–44 (gap between bands)", p.get("message").asText());
    }

    @Test
    void importOfABrokenPackExitsOneAndChangesNothing() {
        run("info");
        String before = DbContent.hash(db());
        Path bad = TestPacks.bad("unknown-approval-institution.json");
        Run r = run("--lang", "en", "import", TestPacks.DRUGS.toString(), bad.toString());
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains(bad + ":/items/0/approvals/1/institution: unknown institution \"no-such-hospital\""), r.err());
        assertTrue(r.err().contains("Nothing was changed"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals(before, DbContent.hash(db()));
    }

    @Test
    void importThenExportRoundTrips(@TempDir Path out) throws Exception {
        Run imported = run("--lang", "en", "import", TestPacks.DRUGS.toString(), TestPacks.PRODUCTS.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("Imported test-drugs-devices v1.0.0: 6 records"), imported.out());
        assertTrue(imported.out().contains("Imported test-products v1.0.0: 2 records"), imported.out());

        Run again = run("--lang", "en", "import", TestPacks.DRUGS.toString());
        assertEquals("Replaced test-drugs-devices with v1.0.0: 6 records\n  unsigned", again.out().strip().replace("\r\n", "\n"));

        Run exported = run("--lang", "en", "export", out.resolve("packs").toString());
        assertEquals(0, exported.code(), exported.err());
        assertTrue(Files.exists(out.resolve("packs").resolve("test-products.json")));
        assertTrue(Files.exists(out.resolve("packs").resolve("gba-drugs-devices.json")));
        assertTrue(exported.out().contains("Wrote "), exported.out());
    }

    @Test
    void exportIntoAFileIsAUserError(@TempDir Path out) throws Exception {
        Path file = out.resolve("not-a-folder.txt");
        Files.writeString(file, "x");
        Run r = run("--lang", "en", "export", file.toString());
        assertEquals(1, r.code());
        assertEquals("Error: " + file + " is a file, not a folder", r.err().strip());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("info", "--no-such-option").code());
        assertEquals(2, run("import").code(), "a FILE is required");
        assertEquals(2, run("frobnicate").code());
        Run badLang = run("--lang", "klingon", "info");
        assertEquals(2, badLang.code(), badLang.err());
        assertTrue(badLang.err().contains("Unknown language 'klingon'"), badLang.err());
        Run lateLang = run("info", "--lang", "xx");
        assertEquals(2, lateLang.code(), lateLang.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("info", "validate", "import", "export")) {
            Run r = run(command, "--help");
            assertEquals(0, r.code(), command);
            assertTrue(r.out().contains("Usage: baycover " + command), r.out());
        }
        Run root = run("--help");
        assertEquals(0, root.code());
        for (String command : List.of("info", "validate", "import", "export")) assertTrue(root.out().contains(command), root.out());
    }

    @Test
    void messagesFollowLang() {
        Path missing = TestPacks.bad("no-such-file.json");
        Run hk = run("--lang", "zh-HK", "import", missing.toString());
        assertEquals(1, hk.code());
        assertTrue(hk.err().contains(missing + ":/: 找不到檔案"), hk.err());
        assertTrue(hk.err().contains(I18n.get(Lang.ZH_HK, "pack.rejected", 1)), hk.err());
        assertTrue(hk.err().contains("資料沒有任何改動"), "Traditional Chinese: " + hk.err());

        Run cn = run("--lang", "zh-CN", "import", missing.toString());
        assertTrue(cn.err().contains(missing + ":/: 找不到文件"), cn.err());
        assertTrue(cn.err().contains(I18n.get(Lang.ZH_CN, "pack.rejected", 1)), cn.err());

        Run info = run("--lang", "zh-HK", "info");
        assertTrue(info.out().startsWith("資料庫結構版本 " + Database.latestMigration()), info.out());
        Run bad = run("--lang", "zh-HK", "validate", TestPacks.bad("unknown-field.json").toString());
        assertTrue(bad.out().contains("架構中未定義屬性"), "schema messages in Traditional Chinese too: " + bad.out());
    }
}
