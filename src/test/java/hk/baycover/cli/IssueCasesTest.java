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
        return runIn(data, args);
    }

    static Run runIn(Path folder, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", folder.toString(), "--lang", "en"));
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
        return state(data);
    }

    static String state(Path folder) {
        return DbFingerprint.of(folder) + "|" + backups(folder);
    }

    static TreeMap<String, String> backups() {
        return backups(data);
    }

    static TreeMap<String, String> backups(Path folder) {
        TreeMap<String, String> out = new TreeMap<>();
        Path dir = folder.resolve("backups");
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

    /** Runs a hostile case: exit 1, a message without library internals, nothing changed. Returns what it printed. */
    static String refused(String... args) {
        return refusedIn(data, args);
    }

    static String refusedIn(Path folder, String... args) {
        String before = state(folder);
        Run r = runIn(folder, args);
        assertEquals(1, r.code(), String.join(" ", args) + "\nout: " + r.out() + "\nerr: " + r.err());
        assertFalse(r.err().isBlank(), "a message");
        String said = r.out() + r.err();
        for (String internal : List.of("Exception", "hk.baycover", "java.", "com.fasterxml", "JsonReadFeature", "$")) {
            assertFalse(said.contains(internal), "no library internals (" + internal + "): " + said);
        }
        assertEquals(before, state(folder), "database and backups unchanged by " + String.join(" ", args));
        return said;
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

    // ------------------------------------------------------------------ 2. device and endless inputs

    @Test
    void case2DevicesAndEndlessInputsStopAtTheLimit() throws Exception {
        String err = refused("import", "/dev/zero");
        assertTrue(err.contains("/dev/zero") && err.contains("more than 50 MB"), err);
        String v = refused("validate", "/dev/urandom");
        assertTrue(v.contains("more than 50 MB"), v);
        assertTrue(refused("plan", "/dev/zero").contains("larger than 1 MB"));
        assertTrue(refused("gaps", "--with", "/dev/zero").contains("more than 50 MB"));
        assertTrue(refused("gaps", "--config", "/dev/zero").contains("larger than 1 MB"));
        refused("restore", "/dev/zero");
        refused("--passphrase-file", "/dev/zero", "passphrase", "check");
        // a pipe that never ends
        Path fifo = root.resolve("endless.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = new Thread(() -> {
            byte[] chunk = "{\"pack\":[".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try (java.io.OutputStream o = Files.newOutputStream(fifo)) {
                while (true) o.write(chunk);
            } catch (IOException stoppedReading) {
                // the reader gave up: exactly what should happen
            }
        });
        writer.setDaemon(true);
        writer.start();
        assertTrue(refused("import", fifo.toString()).contains("more than 50 MB"));
        writer.join(60_000);
        assertFalse(writer.isAlive(), "BayCover stopped reading the pipe");
    }

    // ------------------------------------------------------------------ 3. terminal injection and odd text

    static Path corpus(String name) {
        return Path.of("src", "test", "resources", "hostile", "cases", name);
    }

    @Test
    void case3ControlCharactersOverridesSurrogatesAndHugeNamesAreRefusedAtTheDoor() throws IOException {
        for (String[] c : new String[][] {
                {"name-nul.json", "control character (U+0000)"},
                {"name-ansi-escape.json", "control character (U+001B)"},
                {"name-bel.json", "control character (U+0007)"},
                {"name-rtl-override.json", "text-direction override (U+202E)"},
                {"name-lone-surrogate.json", "lone surrogate"}}) {
            String err = refused("import", corpus(c[0]).toString());
            assertTrue(err.contains(corpus(c[0]) + ":/products/0/name/en: ") && err.contains(c[1]), err);
        }
        // a 1 MB product name
        String base = Files.readString(corpus("name-nul.json"));
        Path huge = root.resolve("huge-name.json");
        Files.writeString(huge, base.replace("Test\\u0000product", "名".repeat(350_000)));
        assertTrue(Files.size(huge) > 1_000_000);
        String err = refused("import", huge.toString());
        assertTrue(err.contains(":/products/0/name/en: is 350,000 characters long; this field may hold at most 300"), err);
        assertFalse(err.contains("名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名名"),
                "the message does not repeat the megabyte");
    }

    @Test
    void case3TheCommandLineNeverPrintsRawControlCharacters() {
        // a hostile argument echoed back in a message: escaped, not obeyed
        Run r = run("compare", "\u001b[2J\u0007evil\u202e", "bocg-gba-excellence");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("\\u001B[2J\\u0007evil\\u202E"), r.err());
        for (char c : (r.out() + r.err()).toCharArray()) {
            assertFalse(c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c >= 0x7f && c <= 0x9f || c == '\u202e', "raw U+" + Integer.toHexString(c));
        }
    }

    // ------------------------------------------------------------------ 4. impossible dates

    @Test
    void case4DatesWithoutSenseAreRefused() {
        String err = refused("import", corpus("asof-in-future.json").toString());
        assertTrue(err.contains(":/pack/asOf: as-of date 2099-01-01 is later than today"), err);
        err = refused("plan", client.toString(), "--start", "9999-12-31");
        assertTrue(err.contains("The plan start 9999-12-31 is out of range"), err);
        refused("plan", client.toString(), "--start", "1900-01-01");
        refused("compare", "bocg-gba-excellence", "axa-signature-network", "--birth-date", "1800-01-01");
        refused("compare", "bocg-gba-excellence", "axa-signature-network", "--birth-date", "2999-01-01");
    }

    // ------------------------------------------------------------------ 9. messages in the user's words

    @Test
    void case9MessagesNameNoLibraryInternals() throws IOException {
        String err = refused("import", corpus("nan-money.json").toString());
        assertTrue(err.contains("NaN and Infinity are not numbers in JSON"), err);
        Path config = root.resolve("bad-config.json");
        Files.writeString(config, "[1, 2]");
        err = refused("gaps", "--config", config.toString());
        assertTrue(err.contains("an object (named fields in curly brackets) is expected here"), err);
        Files.writeString(config, "{\"needs\": [\"FLYING\"]}");
        err = refused("gaps", "--config", config.toString());
        assertTrue(err.contains("\"FLYING\" is not one of"), err);
        Files.writeString(config, "{\"bands\": \"0-17\"}");
        assertTrue(refused("gaps", "--config", config.toString()).contains("a list [ … ] is expected here"));
        Files.writeString(config, "{\"bands\": [\"0-17\"], // comment\n}");
        assertTrue(refused("gaps", "--config", config.toString()).contains("comments are not allowed"));
        refused("import", corpus("comments.json").toString());
        refused("import", corpus("deeply-nested.json").toString());
        refused("import", corpus("huge-number.json").toString());
        refused("import", corpus("duplicate-key.json").toString());
        refused("import", corpus("trailing-garbage.json").toString());
        refused("import", corpus("control-char.json").toString());
        refused("import", corpus("truncated.json").toString());
        refused("plan", corpus("nan-money.json").toString());
    }

    // ------------------------------------------------------------------ 6. restore keeps history

    @Test
    void case6RestoreCarriesTheNewerHistoryAndNamesTheBackup(@TempDir Path own) throws Exception {
        Path folder = TestFolders.seeded(own.resolve("data"));
        Path pass = passphraseFile(own);
        Path backup = own.resolve("before.db");
        assertEquals(0, runIn(folder, "backup", backup.toString()).code());
        // after the backup: a plan saved, then changed, and another backup made
        Run saved = runIn(folder, "--passphrase-file", pass.toString(), "plan", client.toString(), "--save", "--json");
        assertEquals(0, saved.code(), saved.err());
        String planId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(saved.out()).at("/saved/planId").asText();
        assertEquals(0, runIn(folder, "--passphrase-file", pass.toString(), "plan", client.toString(), "--save", "--plan-id", planId).code());
        assertEquals(0, runIn(folder, "backup", own.resolve("later.db").toString()).code());
        com.fasterxml.jackson.databind.JsonNode before = json(runIn(folder, "audit", "--json"));

        Run restored = runIn(folder, "restore", backup.toString());
        assertEquals(0, restored.code(), restored.err());
        com.fasterxml.jackson.databind.JsonNode after = json(runIn(folder, "audit", "--json"));
        List<String> actions = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode e : after.get("entries")) actions.add(e.get("action").asText());
        assertEquals("BACKUP_RESTORED", actions.get(0), actions.toString());
        for (String kept : List.of("PLAN_CREATED", "PLAN_CHANGED", "PASSPHRASE_SET")) assertTrue(actions.contains(kept), kept + " kept: " + actions);
        assertTrue(actions.stream().filter("BACKUP_CREATED"::equals).count() >= 3, "both backups (and the copy's own record): " + actions);
        assertTrue(after.get("count").asInt() > before.get("count").asInt(), "nothing of the history lost");
        com.fasterxml.jackson.databind.JsonNode r = after.get("entries").get(0).get("details");
        assertTrue(r.hasNonNull("backupId") && r.hasNonNull("backupTakenAt"), r.toString());
        assertTrue(Integer.parseInt(r.get("carriedEntries").asText()) >= 4, r.toString());
        // the backup's own id is the one recorded when it was made
        String madeId = null;
        for (com.fasterxml.jackson.databind.JsonNode e : before.get("entries")) {
            if (e.get("action").asText().equals("BACKUP_CREATED") && e.get("details").path("file").asText().equals("before.db")) {
                madeId = e.get("details").get("backupId").asText();
            }
        }
        assertEquals(madeId, r.get("backupId").asText());
    }

    static com.fasterxml.jackson.databind.JsonNode json(Run r) throws IOException {
        assertEquals(0, r.code(), r.err());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    }

    static Path passphraseFile(Path dir) throws IOException {
        Path f = dir.resolve("passphrase.txt");
        Files.writeString(f, "a long enough passphrase\n");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    // ------------------------------------------------------------------ 7. plans keep their client

    @Test
    void case7ARevisionAlwaysBelongsToThePlansClient(@TempDir Path own) throws Exception {
        Path folder = TestFolders.seeded(own.resolve("data"));
        Path pass = passphraseFile(own);
        com.fasterxml.jackson.databind.JsonNode first = json(runIn(folder, "--passphrase-file", pass.toString(), "plan", client.toString(), "--save", "--json"));
        String planId = first.at("/saved/planId").asText();
        String clientId = first.at("/saved/clientId").asText();
        // revision 2 from the same file (no "id"): the same client, updated; no second client
        com.fasterxml.jackson.databind.JsonNode second = json(runIn(folder, "--passphrase-file", pass.toString(), "plan", client.toString(), "--save",
                "--plan-id", planId, "--json"));
        assertEquals(clientId, second.at("/saved/clientId").asText());
        assertEquals(2, second.at("/saved/revision").asInt());
        assertEquals(1, DbFingerprint.count(folder, "client"), "no second client");
        // a file naming another client is refused, and nothing changes
        Path other = own.resolve("other.json");
        Files.writeString(other, Files.readString(client).replaceFirst("\\{", "{\n  \"id\" : \"someone-else\","));
        String err = refusedIn(folder, "--passphrase-file", pass.toString(), "plan", other.toString(), "--save", "--plan-id", planId);
        assertTrue(err.contains("belongs to client \"" + clientId + "\", not to client \"someone-else\""), err);
        assertEquals(1, DbFingerprint.count(folder, "client"));
        // an unknown plan id creates nothing either
        refusedIn(folder, "--passphrase-file", pass.toString(), "plan", client.toString(), "--save", "--plan-id", "no-such-plan");
    }

    // ------------------------------------------------------------------ 8. client data never in plain text

    @Test
    void case8WithoutAPassphraseNothingIsSavedAndWithOneNothingIsPlain(@TempDir Path own) throws Exception {
        Path folder = TestFolders.seeded(own.resolve("data"));
        Path personal = personalClient(own);
        String err = refusedIn(folder, "plan", personal.toString(), "--save");
        assertTrue(err.contains("Client data is never stored unencrypted"), err);
        assertEquals(0, DbFingerprint.count(folder, "client"));
        Run r = runIn(folder, "--passphrase-file", passphraseFile(own).toString(), "plan", personal.toString(), "--save");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("Passphrase set at this first save"), r.err());
        assertEquals(1, DbFingerprint.count(folder, "client"));
        hk.baycover.store.PlaintextProbe.assertNoneOf(folder, PERSONAL);
    }

    static final List<String> PERSONAL = List.of("Wong Siu Ming Uniquename", "contact-4471-uniquely", "unique-condition-note-9911",
            "unique-existing-cover-note-2207", "unique-notes-about-the-client-5530");

    static Path personalClient(Path dir) throws IOException {
        String t = Files.readString(client)
                .replace("\"Chan Tai Man (example)\"", "\"" + PERSONAL.get(0) + "\",\n  \"contact\" : \"" + PERSONAL.get(1) + "\",\n  \"conditionNote\" : \""
                        + PERSONAL.get(2) + "\",\n  \"notes\" : \"" + PERSONAL.get(4) + "\"")
                .replace("\"none besides the Elderly Health Care Voucher\"", "\"" + PERSONAL.get(3) + "\"");
        Path f = dir.resolve("personal-client.json");
        Files.writeString(f, t);
        for (String p : PERSONAL) assertTrue(t.contains(p), p);
        return f;
    }
}
