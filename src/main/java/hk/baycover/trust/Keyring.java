package hk.baycover.trust;

/**
 * The stored key material of a data folder (one row of {@code keyring}). The data key is random; it is kept only
 * wrapped (AES-GCM) under a key derived from the passphrase, so changing the passphrase re-wraps one row and never
 * touches the data. {@code checkValue} is a known text sealed under the data key: a key that unwraps but fails it
 * belongs to some other data.
 */
public record Keyring(
        int format,
        String keyId,
        String kdf,
        int iterations,
        byte[] salt,
        byte[] wrapNonce,
        byte[] wrappedKey,
        byte[] checkNonce,
        byte[] checkValue,
        String createdAt,
        String changedAt) {

    public static final int FORMAT = 1;
}
