package hk.baycover.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.baycover.io.BoundedInput;
import hk.baycover.model.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Signed packs (ADR 0058): a product team signs a pack file with an Ed25519 key (the JDK's own provider) and hands
 * agents the pack with a detached signature beside it, {@code PACK.sig}. The signature covers the pack file's bytes
 * exactly as they are, so any change — one byte — makes it fail. Key files are PEM (PKCS#8 for the private key, X.509
 * for the public one); a key is known by its fingerprint, the SHA-256 of the public key's X.509 encoding in hex.
 */
public final class PackSigning {

    public static final String ALGORITHM = "Ed25519";
    public static final String FORMAT = "baycover-pack-signature/1";
    /** The signature file sits beside the pack: {@code products.json} → {@code products.json.sig}. */
    public static final String SUFFIX = ".sig";
    /** Key and signature files are a few hundred bytes. */
    public static final long MAX_FILE_BYTES = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PackSigning() {
    }

    /** A detached signature as read from {@code PACK.sig}. */
    public record Detached(Path file, byte[] publicKey, String fingerprint, String packSha256, byte[] signature) {
    }

    /** What checking a pack's signature found. */
    public enum Outcome { UNSIGNED, VALID, BYTES_CHANGED, DAMAGED }

    /** The outcome, and for a signed pack the key that signed it. */
    public record Check(Outcome outcome, Detached signature) {
        public boolean refused() { return outcome == Outcome.BYTES_CHANGED || outcome == Outcome.DAMAGED; }
    }

    // ------------------------------------------------------------------ keys

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }

    /** The key's fingerprint: SHA-256 of its X.509 encoding, lowercase hex (64 characters). */
    public static String fingerprint(byte[] publicKeyX509) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKeyX509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first 16 hex digits in groups of four, as shown next to a publisher's name ("3f2a 9c01 77be 04d1"). */
    public static String shortFingerprint(String fingerprint) {
        String f = fingerprint.length() > 16 ? fingerprint.substring(0, 16) : fingerprint;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < f.length(); i += 4) b.append(i == 0 ? "" : " ").append(f, i, Math.min(f.length(), i + 4));
        return b.toString();
    }

    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Reads a private key file written by {@code pack keygen}; {@code sign.badKey} when it is not one. */
    public static PrivateKey readPrivateKey(Path file) {
        byte[] der = readPem(file, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new UserError(e, "sign.badKey", file);
        }
    }

    /** Reads a public key file ({@code KEYFILE.pub}); {@code sign.badKey} when it is not one. Returns its X.509 bytes. */
    public static byte[] readPublicKey(Path file) {
        byte[] der = readPem(file, "PUBLIC KEY");
        publicKey(der, file);
        return der;
    }

    private static PublicKey publicKey(byte[] x509, Object where) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new UserError(e, "sign.badKey", where);
        }
    }

    private static byte[] readPem(Path file, String type) {
        String text;
        try {
            text = new String(BoundedInput.readAll(file, MAX_FILE_BYTES), StandardCharsets.US_ASCII);
        } catch (BoundedInput.TooLarge e) {
            throw new UserError(e, "sign.badKey", file);
        } catch (NoSuchFileException e) {
            throw new UserError(e, "sign.noKey", file);
        } catch (IOException e) {
            throw new UserError(e, "sign.unreadable", file, hk.baycover.io.IoErrors.reason(e));
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) throw new UserError("sign.badKey", file);
        try {
            return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException bad) {
            throw new UserError(bad, "sign.badKey", file);
        }
    }

    // ------------------------------------------------------------------ signing

    /** The signature file's content for {@code pack} (the pack file's exact bytes), signed with {@code key}. */
    public static byte[] sign(byte[] pack, PrivateKey key, PublicKey publicKey) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(pack);
            byte[] sig = s.sign();
            // the key pair must match: check the fresh signature with the public key that will travel with it
            Signature v = Signature.getInstance(ALGORITHM);
            v.initVerify(publicKey);
            v.update(pack);
            if (!v.verify(sig)) throw new UserError("sign.keysDoNotMatch");
            ObjectNode o = JSON.createObjectNode();
            o.put("format", FORMAT);
            o.put("algorithm", ALGORITHM);
            o.put("publicKey", Base64.getEncoder().encodeToString(publicKey.getEncoded()));
            o.put("fingerprint", fingerprint(publicKey.getEncoded()));
            o.put("packSha256", PackReader.sha256(pack));
            o.put("signature", Base64.getEncoder().encodeToString(sig));
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key that belongs to a private key file's key ({@code KEYFILE.pub} beside it). */
    public static PublicKey publicKeyBeside(Path privateKeyFile) {
        Path pub = Path.of(privateKeyFile + ".pub");
        return publicKey(readPublicKey(pub), pub);
    }

    // ------------------------------------------------------------------ checking

    /** The signature file of a pack file, if there is one beside it. */
    public static Path signatureFile(Path pack) {
        return Path.of(pack + SUFFIX);
    }

    /**
     * Checks the signature beside {@code packFile} against the pack's bytes: {@code UNSIGNED} when there is none,
     * {@code VALID}, {@code BYTES_CHANGED} (the pack is not the one that was signed), or {@code DAMAGED} (the signature
     * file cannot be read as one).
     */
    public static Check check(Path packFile, byte[] pack) {
        Path sigFile = signatureFile(packFile);
        if (!java.nio.file.Files.exists(sigFile)) return new Check(Outcome.UNSIGNED, null);
        Detached d;
        try {
            d = parse(sigFile, BoundedInput.readAll(sigFile, MAX_FILE_BYTES));
        } catch (IOException | RuntimeException e) {
            return new Check(Outcome.DAMAGED, null);
        }
        if (d == null) return new Check(Outcome.DAMAGED, null);
        if (!d.packSha256().equals(PackReader.sha256(pack))) return new Check(Outcome.BYTES_CHANGED, d);
        try {
            Signature v = Signature.getInstance(ALGORITHM);
            v.initVerify(publicKey(d.publicKey(), sigFile));
            v.update(pack);
            return new Check(v.verify(d.signature()) ? Outcome.VALID : Outcome.BYTES_CHANGED, d);
        } catch (GeneralSecurityException | UserError e) {
            return new Check(Outcome.DAMAGED, d);
        }
    }

    private static Detached parse(Path file, byte[] bytes) throws IOException {
        JsonNode o = JSON.readTree(bytes);
        if (o == null || !o.isObject() || !FORMAT.equals(o.path("format").asText()) || !ALGORITHM.equals(o.path("algorithm").asText())) return null;
        byte[] key = Base64.getDecoder().decode(o.path("publicKey").asText());
        byte[] sig = Base64.getDecoder().decode(o.path("signature").asText());
        String fp = fingerprint(key);
        if (!fp.equals(o.path("fingerprint").asText().toLowerCase(Locale.ROOT))) return null;
        String sha = o.path("packSha256").asText().toLowerCase(Locale.ROOT);
        if (!sha.matches("[0-9a-f]{64}")) return null;
        return new Detached(file, key, fp, sha, sig);
    }

    /** Parses a public key given as X.509 bytes (for trusted publishers stored in the database). */
    public static boolean isPublicKey(byte[] x509) {
        try {
            publicKey(x509, "key");
            return true;
        } catch (UserError e) {
            return false;
        }
    }
}
