package hk.baycover.trust;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The only cryptography BayCover does, all through the standard JCA: AES-256-GCM (12-byte random nonce, 128-bit tag)
 * and PBKDF2WithHmacSHA256. Nothing home-made: these helpers only fix the parameters in one place.
 */
public final class Crypto {

    public static final String KDF = "PBKDF2WithHmacSHA256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; keyrings are never created with fewer. */
    public static final int MIN_ITERATIONS = 600_000;
    public static final int SALT_BYTES = 16;
    public static final int NONCE_BYTES = 12;
    public static final int KEY_BYTES = 32;
    public static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Crypto() {
    }

    public static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }

    /** Derives the 256-bit key-encryption key from a passphrase. Slow on purpose (≈0.3 s at 600,000 iterations). */
    public static SecretKey deriveKey(char[] passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, KEY_BYTES * 8);
        try {
            byte[] raw = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            try {
                return new SecretKeySpec(raw, "AES");
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JCA lacks " + KDF, e);
        } finally {
            spec.clearPassword();
        }
    }

    public static SecretKey aesKey(byte[] raw) {
        if (raw.length != KEY_BYTES) throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        return new SecretKeySpec(raw, "AES");
    }

    /** AES-GCM encryption; returns ciphertext followed by the 16-byte tag. */
    public static byte[] seal(SecretKey key, byte[] nonce, byte[] plaintext, byte[] aad) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            if (aad != null) c.updateAAD(aad);
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * AES-GCM decryption. Throws {@link BadTag} when the key, nonce, associated data or ciphertext do not match: the
     * caller learns only that, never which part.
     */
    public static byte[] open(SecretKey key, byte[] nonce, byte[] sealed, byte[] aad) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            if (aad != null) c.updateAAD(aad);
            return c.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new BadTag();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** Authentication failed: wrong key or tampered data. Carries no detail on purpose. */
    public static final class BadTag extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadTag() {
            super("authentication failed", null, false, false);
        }
    }
}
