package hk.baycover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.baycover.store.DbFingerprint;
import hk.baycover.trust.TestFolders;
import hk.baycover.trust.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signed packs end to end on the command line: a team makes a key and signs a pack; an agent trusts the team's public
 * key under a name, imports the pack and sees who signed it; a changed pack is refused; an unsigned pack is marked.
 */
class PackSigningTest {

    @TempDir
    Path dir;

    IssueCasesTest.Run run(Path data, String... args) {
        return IssueCasesTest.runIn(data, args);
    }

    @Test
    void aTeamSignsAnAgentTrustsImportsAndSeesWhoSigned() throws Exception {
        Path data = TestFolders.seeded(dir.resolve("data"));
        Path team = dir.resolve("team");
        Files.createDirectories(team);
        Path key = team.resolve("acme.key");
        IssueCasesTest.Run k = run(data, "pack", "keygen", key.toString());
        assertEquals(0, k.code(), k.err());
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(key), "the private key is the owner's only");
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(Files.readString(Path.of(key + ".pub")).startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals(1, run(data, "pack", "keygen", key.toString()).code(), "a key is never overwritten");

        Path pack = team.resolve("signed.json");
        Files.write(pack, TestPacks.drugsBytes("signed-pack", "1", 2, 3));
        assertEquals(0, run(data, "pack", "sign", pack.toString(), "--key", key.toString()).code());
        assertTrue(Files.exists(Path.of(pack + ".sig")));
        assertTrue(run(data, "pack", "verify", pack.toString()).out().contains("signed by an unknown key"));

        IssueCasesTest.Run t = run(data, "pack", "trust", key + ".pub", "--name", "Acme Health product team");
        assertEquals(0, t.code(), t.err());
        IssueCasesTest.Run imported = run(data, "import", pack.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("signed by Acme Health product team ("), imported.out());

        JsonNode info = new ObjectMapper().readTree(run(data, "info", "--json").out());
        JsonNode signed = null;
        JsonNode shipped = null;
        for (JsonNode d : info.get("datasets")) {
            if (d.get("id").asText().equals("signed-pack")) signed = d.get("signature");
            if (d.get("origin").asText().equals("SHIPPED")) shipped = d.get("signature");
        }
        assertEquals("signed", signed.get("status").asText());
        assertEquals("Acme Health product team", signed.get("publisher").asText());
        assertEquals(64, signed.get("fingerprint").asText().length());
        assertEquals("shipped", shipped.get("status").asText());

        JsonNode publishers = new ObjectMapper().readTree(run(data, "pack", "publishers", "--json").out());
        assertEquals(1, publishers.get("count").asInt());
        assertEquals(signed.get("fingerprint").asText(), publishers.get("publishers").get(0).get("fingerprint").asText());
        // no longer trusted: the dataset still shows who signed it, by fingerprint only
        assertEquals(0, run(data, "pack", "untrust", signed.get("fingerprint").asText()).code());
        assertTrue(run(data, "info").out().contains("signed by an unknown key"));
    }

    @Test
    void aSignedPackWhoseBytesChangedIsRefusedAndAnUnsignedOneIsMarked() throws Exception {
        Path data = TestFolders.seeded(dir.resolve("data"));
        Path key = dir.resolve("k.key");
        assertEquals(0, run(data, "pack", "keygen", key.toString()).code());
        Path pack = dir.resolve("tampered.json");
        byte[] bytes = TestPacks.drugsBytes("tampered-pack", "1", 2, 3);
        Files.write(pack, bytes);
        assertEquals(0, run(data, "pack", "sign", pack.toString(), "--key", key.toString()).code());
        // one byte changed after signing
        String text = new String(bytes, StandardCharsets.UTF_8).replaceFirst("Hospital 0", "Hospital 9");
        Files.writeString(pack, text);
        String err = IssueCasesTest.refusedIn(data, "import", pack.toString());
        assertTrue(err.contains(pack + ".sig:") && err.contains("its bytes changed after signing"), err);
        assertEquals(1, run(data, "pack", "verify", pack.toString()).code());
        assertEquals(1, run(data, "validate", pack.toString()).code());
        // a damaged signature file refuses too
        Files.writeString(Path.of(pack + ".sig"), "{\"not\": \"a signature\"}");
        assertTrue(IssueCasesTest.refusedIn(data, "import", pack.toString()).contains("cannot be read as a BayCover pack signature"));
        // without the signature the pack imports, marked unsigned
        Files.delete(Path.of(pack + ".sig"));
        IssueCasesTest.Run r = run(data, "import", pack.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("unsigned"), r.out());
        JsonNode info = new ObjectMapper().readTree(run(data, "info", "--json").out());
        for (JsonNode d : info.get("datasets")) {
            if (d.get("id").asText().equals("tampered-pack")) assertEquals("unsigned", d.get("signature").get("status").asText());
        }
    }

    @Test
    void keyFilesAreNeverWrittenOverTheDataFoldersOwnFiles() throws Exception {
        Path data = TestFolders.seeded(dir.resolve("data"));
        String before = DbFingerprint.of(data);
        for (Path target : java.util.List.of(data.resolve("baycover.db"), data.resolve("settings.json"), data.resolve("backups").resolve("k.key"),
                data.resolve("logs").resolve("k.key"))) {
            IssueCasesTest.Run r = run(data, "pack", "keygen", target.toString());
            assertEquals(1, r.code(), target.toString());
            assertTrue(r.err().contains("part of BayCover's data folder"), r.err());
        }
        // any name the database's companions could take (baycover.db-…) is refused in the data folder too
        assertEquals(1, run(data, "pack", "keygen", data.resolve("baycover.db-journal").toString()).code());
        Path key = dir.resolve("outside.key");
        assertEquals(0, run(data, "pack", "keygen", key.toString()).code());
        assertEquals(before, DbFingerprint.of(data));
        Path pack = dir.resolve("p.json");
        Files.write(pack, TestPacks.drugsBytes("p-pack", "1", 1, 1));
        Files.createSymbolicLink(dir.resolve("p.json.sig"), data.resolve("baycover.db"));
        assertEquals(1, run(data, "pack", "sign", pack.toString(), "--key", key.toString()).code(),
                "a signature never written through a link onto the database");
        assertEquals(before, DbFingerprint.of(data));
        assertFalse(Files.readString(pack).isEmpty());
    }
}
