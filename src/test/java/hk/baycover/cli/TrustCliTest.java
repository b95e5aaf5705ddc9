package hk.baycover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.baycover.Launcher;
import hk.baycover.store.DbFingerprint;
import hk.baycover.trust.ChildJvm;
import hk.baycover.trust.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** backup, restore, audit and passphrase exactly as a user types them. */
class TrustCliTest {

    @TempDir
    Path dir;
    @TempDir
    Path work;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        hk.baycover.trust.TestFolders.seeded(dir);
        List<String> all = new ArrayList<>(List.of("--lang", "en", "--data-dir", dir.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void backupThenRestoreRoundTripsFromTheCommandLine() throws Exception {
        Path pack1 = work.resolve("p1.json");
        Files.write(pack1, TestPacks.drugsBytes("cli-pack", "1", 2, 5));
        Path pack2 = work.resolve("p2.json");
        Files.write(pack2, TestPacks.drugsBytes("cli-pack", "2", 2, 9));
        assertEquals(0, run("import", pack1.toString()).code());
        Path backup = work.resolve("b.db");
        Run b = run("backup", backup.toString(), "--json");
        assertEquals(0, b.code(), b.err());
        JsonNode bj = json(b.out());
        assertEquals(backup.toString(), bj.get("file").asText());
        assertEquals(64, bj.get("sha256").asText().length());
        String atBackup = DbFingerprint.ofFile(backup, List.of("audit_log"));

        Run again = run("backup", backup.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());

        assertEquals(0, run("import", pack2.toString()).code());
        Run check = run("restore", "--check", backup.toString());
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().contains("passed every check"), check.out());
        assertFalse(atBackup.equals(DbFingerprint.ofFile(dir.resolve("baycover.db"), List.of("audit_log"))), "--check changed nothing");

        Run r = run("restore", backup.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode rj = json(r.out());
        assertTrue(rj.get("restored").asBoolean());
        assertEquals(bj.get("sha256").asText(), rj.get("sha256").asText());
        assertEquals(atBackup, DbFingerprint.ofFile(dir.resolve("baycover.db"), List.of("audit_log")));

        Run audit = run("audit", "--json");
        assertEquals(0, audit.code(), audit.err());
        JsonNode entries = json(audit.out()).get("entries");
        assertEquals("BACKUP_RESTORED", entries.get(0).get("action").asText());
        assertEquals(json(audit.out()).get("count").asInt(), entries.size());
        Run only = run("audit", "--action", "PACK_IMPORTED", "--limit", "1", "--csv", work.resolve("a.csv").toString());
        assertEquals(0, only.code(), only.err());
        assertEquals(2, Files.readAllLines(work.resolve("a.csv")).size(), "header and one entry");
        assertEquals(1, run("audit", "--since", "yesterday").code());
        assertEquals(2, run("audit", "--action", "NOPE").code(), "usage error");

        Path notDb = work.resolve("nope.db");
        Files.writeString(notDb, "hello");
        String before = DbFingerprint.of(dir);
        Run bad = run("restore", notDb.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("is not a BayCover backup") && bad.err().contains("Nothing was changed"), bad.err());
        assertFalse(bad.err().contains("Exception"), "no stack trace");
        assertEquals(before, DbFingerprint.of(dir));
    }

    @Test
    void passphraseFromAFileSetsChecksAndChanges() throws Exception {
        Path p1 = work.resolve("pass1");
        Files.writeString(p1, "first passphrase\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p1, PosixFilePermissions.fromString("rw-------"));
        Path p2 = work.resolve("pass2");
        Files.writeString(p2, "第二個密碼短語很長\r\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p2, PosixFilePermissions.fromString("rw-r--r--"));
        Path empty = work.resolve("empty");
        Files.writeString(empty, "\n");

        assertTrue(run("passphrase", "status").out().contains("No passphrase is set"));
        assertEquals(0, run("--passphrase-file", p1.toString(), "passphrase", "set").code());
        assertTrue(run("passphrase", "status").out().contains("client data is encrypted"));
        assertEquals(0, run("passphrase", "check", "--passphrase-file", p1.toString()).code(), "per-command form");
        Run wrong = run("--passphrase-file", p2.toString(), "passphrase", "check");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("Wrong passphrase."), wrong.err());
        assertTrue(wrong.err().contains("other users can read the passphrase file"), wrong.err());
        Run missing = run("passphrase", "check");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("--passphrase-file FILE or set BAYCOVER_PASSPHRASE"), missing.err());
        assertTrue(run("--passphrase-file", empty.toString(), "passphrase", "check").err().contains("is empty"));

        Run change = run("--passphrase-file", p1.toString(), "passphrase", "change", "--new-passphrase-file", p2.toString());
        assertEquals(0, change.code(), change.err());
        assertEquals(1, run("--passphrase-file", p1.toString(), "passphrase", "check").code());
        assertEquals(0, run("--passphrase-file", p2.toString(), "passphrase", "check").code());
        JsonNode entries = json(run("audit", "--json").out()).get("entries");
        List<String> actions = new java.util.ArrayList<>();
        for (JsonNode e : entries) actions.add(e.get("action").asText());
        // newest first: the check with the old passphrase failed (audited), the change, the earlier wrong one, the set
        assertEquals("PASSPHRASE_FAILED", actions.get(0));
        assertEquals("PASSPHRASE_CHANGED", actions.get(1));
        assertEquals(List.of("PASSPHRASE_SET"), actions.stream().filter(a -> a.equals("PASSPHRASE_SET")).toList());
        assertEquals(2, actions.stream().filter(a -> a.equals("PASSPHRASE_FAILED")).count(), "each wrong passphrase is audited");
    }

    @Test
    void passphraseFromTheEnvironment() throws Exception {
        assertEquals("from env", new String(Passphrases.read(null, Passphrases.ENV, Map.of("BAYCOVER_PASSPHRASE", "from env"), p -> { })));
        assertEquals("trust.passphraseNeeded", assertThrows(hk.baycover.model.UserError.class,
                () -> Passphrases.read(null, Passphrases.ENV, Map.of(), p -> { })).key());
        // and end to end through the real launcher, in its own process with its own environment (folder seeded here first)
        hk.baycover.trust.TestFolders.seeded(dir);
        Path log = work.resolve("child.log");
        Process set = ChildJvm.builder(Launcher.class, List.of("--lang", "en", "--data-dir", dir.toString(), "passphrase", "set"),
                Map.of("BAYCOVER_PASSPHRASE", "environment passphrase")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(set.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, set.exitValue(), Files.readString(log));
        assertTrue(Files.readString(log).contains("Passphrase set."), Files.readString(log));
        Path p = work.resolve("p");
        Files.writeString(p, "environment passphrase");
        assertEquals(0, run("--passphrase-file", p.toString(), "passphrase", "check").code());
    }
}
