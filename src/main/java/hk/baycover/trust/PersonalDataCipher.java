package hk.baycover.trust;

import hk.baycover.model.UserError;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts and decrypts client personal data (names, contact details, conditions, notes) with the folder's data key:
 * AES-256-GCM, a fresh random 12-byte nonce per call, and the record's id as associated data — so a value copied into
 * another record, or into another data folder, fails to decrypt instead of showing the wrong person's data.
 *
 * <p>Stored form (BLOB): {@code 0x01 | nonce(12) | ciphertext | tag(16)}. The text form is {@code "v1:" + Base64} of the
 * same bytes, for TEXT columns or JSON. Use a record id that names the field too when fields are stored separately
 * (e.g. {@code "client/42/name"}), so fields cannot be swapped either.
 *
 * <p>Every call needs the folder unlocked ({@code trust.locked} otherwise); after {@link KeyManager#lock()} an existing
 * cipher stops working too.
 */
public final class PersonalDataCipher {

    private static final byte FORMAT = 1;
    private static final String TEXT_PREFIX = "v1:";
    private static final int OVERHEAD = 1 + Crypto.NONCE_BYTES + Crypto.TAG_BITS / 8;

    private final KeyManager keys;

    PersonalDataCipher(KeyManager keys) {
        this.keys = keys;
    }

    public byte[] encrypt(byte[] plaintext, String recordId) {
        if (plaintext == null) return null;
        KeyManager.Held h = keys.held();
        byte[] nonce = Crypto.random(Crypto.NONCE_BYTES);
        byte[] sealed = Crypto.seal(h.key(), nonce, plaintext, aad(h, recordId));
        return ByteBuffer.allocate(1 + nonce.length + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
    }

    /** Decrypts what {@link #encrypt} made for the same record; {@code trust.recordDamaged} if it does not authenticate. */
    public byte[] decrypt(byte[] stored, String recordId) {
        if (stored == null) return null;
        KeyManager.Held h = keys.held();
        if (stored.length < OVERHEAD || stored[0] != FORMAT) throw new UserError("trust.recordDamaged", recordId);
        byte[] nonce = Arrays.copyOfRange(stored, 1, 1 + Crypto.NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(stored, 1 + Crypto.NONCE_BYTES, stored.length);
        try {
            return Crypto.open(h.key(), nonce, sealed, aad(h, recordId));
        } catch (Crypto.BadTag e) {
            throw new UserError("trust.recordDamaged", recordId);
        }
    }

    public byte[] encryptText(String plaintext, String recordId) {
        return plaintext == null ? null : encrypt(plaintext.getBytes(StandardCharsets.UTF_8), recordId);
    }

    public String decryptText(byte[] stored, String recordId) {
        byte[] plain = decrypt(stored, recordId);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }

    /** Text in, text out ({@code "v1:" + Base64}), for TEXT columns and JSON documents. */
    public String encryptString(String plaintext, String recordId) {
        return plaintext == null ? null : TEXT_PREFIX + Base64.getEncoder().encodeToString(encryptText(plaintext, recordId));
    }

    public String decryptString(String stored, String recordId) {
        if (stored == null) return null;
        if (!stored.startsWith(TEXT_PREFIX)) throw new UserError("trust.recordDamaged", recordId);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(TEXT_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new UserError("trust.recordDamaged", recordId);
        }
        return decryptText(bytes, recordId);
    }

    /**
     * A whole record (e.g. a {@code ClientProfile}) as encrypted JSON, written with the catalog's Jackson mapper: the
     * simplest way to keep every personal field of a record out of the database file. The plaintext JSON bytes are
     * wiped after sealing.
     */
    public byte[] sealJson(Object value, String recordId) {
        if (value == null) return null;
        byte[] json;
        try {
            json = hk.baycover.catalog.CatalogJson.mapper().writer()
                    .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
        try {
            return encrypt(json, recordId);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    /** Opens what {@link #sealJson} sealed for the same record. */
    public <T> T openJson(byte[] sealed, Class<T> type, String recordId) {
        byte[] json = decrypt(sealed, recordId);
        if (json == null) return null;
        try {
            return hk.baycover.catalog.CatalogJson.mapper().readValue(json, type);
        } catch (java.io.IOException e) {
            throw new UserError(e, "trust.recordDamaged", recordId);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    private static byte[] aad(KeyManager.Held h, String recordId) {
        if (recordId == null || recordId.isEmpty()) throw new IllegalArgumentException("a record id is required as associated data");
        return ("baycover/pd/v1/" + h.keyId() + "/" + recordId).getBytes(StandardCharsets.UTF_8);
    }
}
