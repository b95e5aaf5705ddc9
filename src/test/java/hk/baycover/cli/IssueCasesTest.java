package hk.baycover.cli;

import hk.baycover.store.DbFingerprint;
import hk.baycover.trust.TestFolders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The numbered cases at the top of issue 14, run on the command line exactly as the issue describes them: each gets a
 * clear message and exit 1, and leaves the database (content of every table) and the backups folder (every file, byte
 * for byte) as they were.
 */
class IssueCasesTest {

    @TempDir
    static Path root;
    static Path data;
    static Path client;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString(), "--lang", "en"));
        all.addAll(List.of(args));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(all.toArray(new String[0]), new PrintWriter(o), new PrintWriter(e));
        return new Run(code, o.toString(), e.toString());
    }

    @BeforeAll
    static void folder() throws IOException {
        data = TestFolders.seeded(root.resolve("data"));
        // an import, so the backups folder holds an automatic backup
        Path pack = root.resolve("extra.json");
        Files.writeString(pack, hk.baycover.trust.TestPacks.drugs("issue14-extra", "1", 2, 3).toString());
        assertEquals(0, run("import", pack.toString()).code());
        assertTrue(backups().size() >= 1);
        client = root.resolve("client.json");
        Run t = run("plan", "--template");
        Files.writeString(client, t.out());
    }

    /** Database content and every file in the backups folder. */
    static String state() {
        return DbFingerprint.of(data) + "|" + backups();
    }

    static TreeMap<String, String> backups() {
        TreeMap<String, String> out = new TreeMap<>();
        Path dir = data.resolve("backups");
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) out.put(p.getFileName().toString(), HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Runs a hostile case: exit 1, a message without library internals, nothing changed. Returns stderr. */
    static String refused(String... args) {
        String before = state();
        Run r = run(args);
        assertEquals(1, r.code(), String.join(" ", args) + "\nout: " + r.out() + "\nerr: " + r.err());
        assertFalse(r.err().isBlank(), "a message");
        for (String internal : List.of("Exception", "hk.baycover", "java.", "com.fasterxml", "JsonReadFeature", "$")) {
            assertFalse(r.err().contains(internal), "no library internals (" + internal + "): " + r.err());
        }
        assertEquals(before, state(), "database and backups unchanged by " + String.join(" ", args));
        return r.err();
    }

    // ------------------------------------------------------------------ 1. an output path can destroy the live database

    @Test
    void case1OutputOntoTheDatabaseIsRefused() throws IOException {
        String db = data.resolve("baycover.db").toString();
        String err = refused("compare", "bocg-gba-excellence", "axa-signature-network", "--csv", db);
        assertTrue(err.contains("part of BayCover's data folder (the database)"), err);
        refused("compare", "bocg-gba-excellence", "axa-signature-network", "--pdf", db);
        refused("compare", "bocg-gba-excellence", "axa-signature-network", "--csv", db + "-wal");
        refused("gaps", "--csv", db);
        refused("gaps", "--csv", data.resolve("backups").resolve("gaps.csv").toString());
        refused("audit", "--csv", db);
        refused("audit", "--csv", data.resolve(".lock").toString());
        refused("audit", "--csv", data.resolve("logs").resolve("audit.csv").toString());
        refused("plan", client.toString(), "--pdf", db);
        refused("plan", client.toString(), "--pdf", data.resolve("settings.json").toString());
        refused("backup", db + "-shm");
        refused("export", data.resolve("backups").toString());
        // through a link and through ..
        Path link = Files.createSymbolicLink(root.resolve("innocent.csv"), data.resolve("baycover.db"));
        refused("compare", "bocg-gba-excellence", "axa-signature-network", "--csv", link.toString());
        refused("gaps", "--csv", data.resolve("logs").resolve("..").resolve("baycover.db").toString());
        // the database still opens and answers
        assertEquals(0, run("info").code());
    }

    // ------------------------------------------------------------------ 5. export is all or nothing

    @Test
    void case5ExportWithOneUnwritableTargetWritesNothing() throws IOException {
        Path out = root.resolve("export5");
        Files.createDirectories(out.resolve("issue14-extra.json"));   // where one pack should go, a folder
        long exportsBefore = DbFingerprint.count(data, "audit_log");
        String err = refused("export", out.toString());
        assertTrue(err.contains("issue14-extra.json"), err);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("issue14-extra.json"), s.map(p -> p.getFileName().toString()).toList(), "no pack written");
        }
        assertEquals(exportsBefore, DbFingerprint.count(data, "audit_log"), "no audit row for packs not written");
    }
}
