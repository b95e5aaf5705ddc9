package hk.baycover.trust;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import hk.baycover.store.DbFingerprint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key manager and the personal-data cipher on a real data folder (real keyring row, real PBKDF2 at 600,000). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyManagerTest {

    Path dir;
    BayCover app;

    @BeforeAll
    void open(@TempDir Path tmp) {
        dir = tmp;
        app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE);
        app.keys().setUp("correct horse battery".toCharArray(), "correct horse battery".toCharArray());
    }

    @AfterAll
    void close() {
        app.close();
    }

    private static UserError error(Runnable r) {
        return assertThrows(UserError.class, r::run);
    }

    @Test
    void newPassphrasesAreChecked() {
        assertEquals("trust.passphraseEmpty", error(() -> KeyManager.checkNew("   ".toCharArray(), null)).key());
        assertEquals("trust.passphraseTooShort", error(() -> KeyManager.checkNew("short".toCharArray(), null)).key());
        assertEquals("trust.passphraseMismatch", error(() -> KeyManager.checkNew("long enough".toCharArray(), "long enougH".toCharArray())).key());
        // eight characters counted as characters, not bytes: 八個中文字就足夠了
        KeyManager.checkNew("八個中文字就夠了".toCharArray(), null);
        assertEquals("trust.alreadySet", error(() -> app.keys().setUp("another passphrase".toCharArray(), null)).key());
    }

    @Test
    void encryptsWithRecordBoundNonceFreshCiphertext() {
        app.keys().unlock("correct horse battery".toCharArray());
        PersonalDataCipher cipher = app.keys().cipher();
        byte[] a = cipher.encryptText("陳大文 Chan Tai Man", "client/1/name");
        byte[] b = cipher.encryptText("陳大文 Chan Tai Man", "client/1/name");
        assertFalse(Arrays.equals(a, b), "a fresh nonce every time");
        assertEquals(1 + 12 + "陳大文 Chan Tai Man".getBytes(StandardCharsets.UTF_8).length + 16, a.length);
        assertEquals("陳大文 Chan Tai Man", cipher.decryptText(a, "client/1/name"));
        // the record id is associated data: a value moved to another record does not decrypt
        assertEquals("trust.recordDamaged", error(() -> cipher.decryptText(a, "client/2/name")).key());
        byte[] tampered = a.clone();
        tampered[20] ^= 1;
        assertEquals("trust.recordDamaged", error(() -> cipher.decryptText(tampered, "client/1/name")).key());
        assertEquals("trust.recordDamaged", error(() -> cipher.decrypt(new byte[5], "client/1/name")).key());
        String s = cipher.encryptString("+852 9123 4567", "client/1/contact");
        assertTrue(s.startsWith("v1:"));
        assertFalse(s.contains("9123"));
        assertEquals("+852 9123 4567", cipher.decryptString(s, "client/1/contact"));
        assertEquals("trust.recordDamaged", error(() -> cipher.decryptString("v1:@@@", "client/1/contact")).key());
        assertEquals(null, cipher.encryptText(null, "client/1/notes"));
    }

    @Test
    void aWholeClientProfileSealsAsJson() {
        app.keys().unlock("correct horse battery".toCharArray());
        PersonalDataCipher cipher = app.keys().cipher();
        hk.baycover.model.ClientProfile p = new hk.baycover.model.ClientProfile("c-1", "李小梅", "+852 6123 4567",
                java.time.LocalDate.of(1957, 3, 8), null, null, false, null, null, null, null, null, false, false, false, false,
                java.util.List.of(), null, java.util.List.of(hk.baycover.model.HealthCondition.DIABETES), "type 2 since 2015",
                java.util.List.of(), java.util.Map.of(), null, 10, "prefers Cantonese");
        byte[] sealed = cipher.sealJson(p, "client/c-1");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("6123"));
        assertEquals(p, cipher.openJson(sealed, hk.baycover.model.ClientProfile.class, "client/c-1"));
        assertEquals("trust.recordDamaged", error(() -> cipher.openJson(sealed, hk.baycover.model.ClientProfile.class, "client/c-2")).key());
    }

    @Test
    void lockedMeansNoCipherAndWrongPassphraseRevealsNothing() {
        app.keys().unlock("correct horse battery".toCharArray());
        PersonalDataCipher cipher = app.keys().cipher();
        byte[] sealed = cipher.encryptText("diabetes", "client/9/conditions");
        app.keys().lock();
        assertEquals(KeyManager.State.LOCKED, app.keys().state());
        assertEquals("trust.locked", error(() -> cipher.decryptText(sealed, "client/9/conditions")).key());
        UserError wrong = error(() -> app.keys().unlock("correct horse batterY".toCharArray()));
        assertEquals("trust.wrongPassphrase", wrong.key());
        assertEquals(0, wrong.args().length, "the refusal carries no detail");
        assertFalse(app.keys().isUnlocked());
        app.keys().unlock("correct horse battery".toCharArray());
        assertEquals("diabetes", cipher.decryptText(sealed, "client/9/conditions"));
    }

    @Test
    void keyringUsesPbkdf2At600kWithRandomSaltAndDetectsTampering() throws Exception {
        Keyring ring = new hk.baycover.store.KeyringStore(app.database()).load().orElseThrow();
        assertEquals(Crypto.KDF, ring.kdf());
        assertTrue(ring.iterations() >= 600_000);
        assertEquals(16, ring.salt().length);
        assertEquals(12, ring.wrapNonce().length);
        assertEquals(32 + 16, ring.wrappedKey().length);
        // a tampered key-check value: the passphrase unwraps a key, but the key is refused as not this folder's
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.database().file()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE keyring SET check_value = zeroblob(length(check_value))");
        }
        try {
            assertEquals("trust.keyringDamaged", error(() -> app.keys().unlock("correct horse battery".toCharArray())).key());
        } finally {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.database().file());
                 java.sql.PreparedStatement ps = c.prepareStatement("UPDATE keyring SET check_value = ?")) {
                ps.setBytes(1, ring.checkValue());
                ps.executeUpdate();
            }
        }
        app.keys().unlock("correct horse battery".toCharArray());
    }

    @Test
    void changingThePassphraseRewrapsTheSameKeyAtomically(@TempDir Path own) {
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(own), Lang.EN, ProgressMonitor.NONE)) {
            changeOn(app, own);
        }
    }

    private static void changeOn(BayCover app, Path dir) {
        app.keys().setUp("correct horse battery".toCharArray(), null);
        byte[] sealed = app.keys().cipher().encryptText("Chan Siu Ming", "client/3/name");
        Keyring before = new hk.baycover.store.KeyringStore(app.database()).load().orElseThrow();
        String fingerprint = DbFingerprint.ofFile(dir.resolve(hk.baycover.store.Database.FILE_NAME), List.of("audit_log"));
        // wrong current passphrase: refused, nothing written but the audit entry of the failed attempt
        assertEquals("trust.wrongPassphrase", error(() -> app.keys().change("not the one!".toCharArray(),
                "new passphrase 2".toCharArray(), null)).key());
        assertEquals(fingerprint, DbFingerprint.ofFile(dir.resolve(hk.baycover.store.Database.FILE_NAME), List.of("audit_log")));
        assertEquals(1, app.audit().list(new hk.baycover.trust.AuditQuery(hk.baycover.trust.AuditAction.PASSPHRASE_FAILED, null, null, null, null, 0)).size());
        app.keys().change("correct horse battery".toCharArray(), "new passphrase 2".toCharArray(), "new passphrase 2".toCharArray());
        Keyring after = new hk.baycover.store.KeyringStore(app.database()).load().orElseThrow();
        assertEquals(before.keyId(), after.keyId(), "same data key");
        assertFalse(Arrays.equals(before.salt(), after.salt()), "new salt");
        assertFalse(Arrays.equals(before.wrappedKey(), after.wrappedKey()));
        app.keys().lock();
        assertEquals("trust.wrongPassphrase", error(() -> app.keys().unlock("correct horse battery".toCharArray())).key());
        app.keys().unlock("new passphrase 2".toCharArray());
        assertEquals("Chan Siu Ming", app.keys().cipher().decryptText(sealed, "client/3/name"), "data encrypted before still reads");
        assertNotEquals(0, app.audit().list(new AuditQuery(AuditAction.PASSPHRASE_CHANGED, null, null, null, null, 0)).size());
    }
}
