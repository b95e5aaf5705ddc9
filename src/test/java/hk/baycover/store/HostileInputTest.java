package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.catalog.PackException;
import hk.baycover.catalog.Problem;
import hk.baycover.cli.Cli;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile corpus ({@code src/test/resources/hostile/}, listed in {@code expected.tsv}): every file is rejected with a
 * message that names the file and, where it applies, the JSON pointer; the database (every table) and the backups folder
 * are exactly as before. Plus the cases generated here: a 100 MB file and a 2 MB string.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    Path dir;
    Path files;
    BayCover app;

    record Case(String file, String fragment, String pointer) {
    }

    @BeforeAll
    void open(@TempDir Path tmp) throws IOException {
        dir = tmp.resolve("data");
        files = Files.createDirectories(tmp.resolve("files"));
        app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE);
    }

    @AfterAll
    void close() {
        app.close();
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/expected.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                out.add(new Case(f[0], f[1], f[2].strip()));
            }
        }
        return out;
    }

    static byte[] resource(String name) {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/" + name)) {
            if (in == null) throw new IllegalStateException("missing " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> backups() {
        Path b = dir.resolve(BackupService.DIR);
        if (!Files.isDirectory(b)) return List.of();
        try (Stream<Path> s = Files.list(b)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports {@code file}, expects a rejection naming it, and checks that nothing at all changed. */
    private List<Problem> rejected(Path file) {
        String before = DbFingerprint.of(dir);
        List<Path> backupsBefore = backups();
        PackException e = assertThrows(PackException.class,
                () -> app.catalogStore().importFiles(List.of(file), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE), file.toString());
        assertFalse(e.problems().isEmpty());
        for (Problem p : e.problems()) {
            assertEquals(file.toString(), p.file(), "every problem names the file");
            assertFalse(p.message().isBlank());
            assertFalse(p.message().contains("Exception"), p.message());
        }
        assertEquals(before, DbFingerprint.of(dir), file + ": the database is unchanged");
        assertEquals(backupsBefore, backups(), file + ": not even an automatic backup was taken");
        assertThrows(PackException.class, () -> app.catalogStore().validateFiles(List.of(file), Lang.EN));
        return e.problems();
    }

    @TestFactory
    Stream<DynamicTest> everyFileOfTheCorpusIsRejectedAndChangesNothing() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 40, "the corpus is all there");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> {
            Path file = files.resolve(c.file());
            Files.write(file, resource("cases/" + c.file()));
            List<Problem> problems = rejected(file);
            if (!c.fragment().isEmpty()) {
                assertTrue(problems.stream().anyMatch(p -> p.message().contains(c.fragment())), c.file() + ": " + problems);
            }
            if (!c.pointer().equals("-")) {
                assertTrue(problems.stream().anyMatch(p -> p.pointer().equals(c.pointer())), c.file() + ": " + problems);
            }
        }));
    }

    @Test
    void aHundredMegabyteFileIsRefusedUnread() throws IOException {
        Path big = files.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write("{\"pack\": ".getBytes(StandardCharsets.US_ASCII));
            f.setLength(100L * 1024 * 1024);
        }
        List<Problem> problems = rejected(big);
        assertEquals(1, problems.size());
        assertEquals("the file is 100 MB; a pack may be at most 50 MB", problems.get(0).message());
    }

    @Test
    void aHugeStringIsRefused() throws IOException {
        String pack = new String(resource("base-products.json"), StandardCharsets.UTF_8)
                .replace("\"confidence\": \"LOW\",", "\"confidence\": \"LOW\", \"note\": \"" + "x".repeat(2_000_000) + "\",");
        Path file = files.resolve("huge-string.json");
        Files.writeString(file, pack);
        assertTrue(rejected(file).get(0).message().contains("not valid JSON"));
    }

    @Test
    void theBasePacksThemselvesAreValidSoEveryRejectionIsDueToItsDamage(@TempDir Path other) throws IOException {
        try (BayCover fresh = BayCover.open(hk.baycover.trust.TestFolders.seeded(other), Lang.EN, ProgressMonitor.NONE)) {
            Path products = other.resolve("p.json");
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] base = resource("base-products.json");
            byte[] withBom = new byte[bom.length + base.length];
            System.arraycopy(bom, 0, withBom, 0, 3);
            System.arraycopy(base, 0, withBom, 3, base.length);
            Files.write(products, withBom);
            Path drugs = other.resolve("d.json");
            Files.write(drugs, resource("base-drugs.json"));
            var done = fresh.catalogStore().importFiles(List.of(products, drugs), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            assertEquals(2, done.size(), "one UTF-8 byte-order mark is tolerated (editors on Windows write it)");
        }
    }

    @Test
    void theCommandLineNamesEveryRejectedFileWithoutAStackTrace() throws IOException {
        List<String> args = new ArrayList<>(List.of("--lang", "en", "--data-dir", dir.toString(), "import"));
        for (String name : List.of("utf16le-bom.json", "negative-money.json", "deeply-nested.json")) {
            Path f = files.resolve("cli-" + name);
            Files.write(f, resource("cases/" + name));
            args.add(f.toString());
        }
        String before = DbFingerprint.of(dir);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(1, Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err)));
        String text = err.toString();
        for (String name : List.of("utf16le-bom.json", "negative-money.json", "deeply-nested.json")) assertTrue(text.contains("cli-" + name), text);
        assertTrue(text.contains("/products/0/benefits/0/deductible/amount"), text);
        assertTrue(text.contains("Nothing was changed."), text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), text);
        assertEquals(before, DbFingerprint.of(dir));
    }

    /** Found by the property test: a new version of a pack that drops a record still in use was reported without its file. */
    @Test
    void aNewVersionThatDropsARecordStillInUseIsRejectedAgainstItsFile(@TempDir Path other) throws IOException {
        try (BayCover fresh = BayCover.open(hk.baycover.trust.TestFolders.seeded(other.resolve("data")), Lang.EN, ProgressMonitor.NONE)) {
            Path v1 = other.resolve("drugs-v1.json");
            Files.write(v1, resource("base-drugs.json"));
            Path products = other.resolve("products.json");
            Files.writeString(products, new String(resource("base-products.json"), StandardCharsets.UTF_8)
                    .replace("\"confidence\": \"LOW\",", "\"confidence\": \"LOW\", \"service\": {\"directBilling\": [\"hostile-hospital\"]},"));
            fresh.catalogStore().importFiles(List.of(v1, products), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            String before = DbFingerprint.of(other.resolve("data"));
            // version 2 renames its hospital but still approves its drug at the old one, which only version 1 had
            Path v2 = other.resolve("drugs-v2.json");
            Files.writeString(v2, new String(resource("base-drugs.json"), StandardCharsets.UTF_8)
                    .replace("\"id\": \"hostile-hospital\"", "\"id\": \"hostile-hospital-2\"").replace("\"version\": \"1\"", "\"version\": \"2\""));
            PackException e = assertThrows(PackException.class,
                    () -> fresh.catalogStore().importFiles(List.of(v2), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE));
            for (Problem p : e.problems()) assertEquals(v2.toString(), p.file(), e.problems().toString());
            assertTrue(e.problems().stream().anyMatch(p -> p.pointer().equals("/items/0/approvals")
                    && p.message().equals("unknown institution \"hostile-hospital\" (not in this pack or the loaded data)")), e.problems().toString());
            assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("still referenced") && p.message().contains("hostile-products/products/0")),
                    e.problems().toString());
            assertEquals(before, DbFingerprint.of(other.resolve("data")));
        }
    }

    @Test
    void exportNeverWritesOutsideItsFolder(@TempDir Path other) throws Exception {
        try (BayCover fresh = BayCover.open(hk.baycover.trust.TestFolders.seeded(other.resolve("data")), Lang.EN, ProgressMonitor.NONE)) {
            // a dataset id that no pack could carry, planted directly (as a tampered database would hold it)
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fresh.database().file()); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO dataset SELECT '../escaped', kind, version, as_of, checksum, origin, imported_at, header_json "
                        + "FROM dataset LIMIT 1");
            }
            Path out = other.resolve("out");
            UserError e = assertThrows(UserError.class, () -> fresh.catalogStore().exportAll(out, ProgressMonitor.NONE));
            assertEquals("trust.export.badName", e.key());
            assertFalse(Files.exists(other.resolve("escaped.json")));
        }
    }
}
