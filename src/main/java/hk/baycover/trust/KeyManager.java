package hk.baycover.trust;

import hk.baycover.model.UserError;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The passphrase and the data key of one data folder. A random 256-bit data key encrypts client personal data; it is
 * stored only wrapped under a key derived from the passphrase (PBKDF2-HMAC-SHA256, random 16-byte salt,
 * {@link Crypto#MIN_ITERATIONS} iterations). Unlocking derives that key and unwraps the data key; a wrong passphrase
 * fails the AES-GCM tag and is refused with one message that says nothing more. Changing the passphrase re-wraps the
 * same data key under a new salt in one transaction, so the data never has to be rewritten and a crash leaves either
 * the old passphrase or the new one working. Locking forgets the key.
 */
public final class KeyManager {

    public enum State {
        NOT_SET("trust.cli.passphrase.status.NOT_SET"),
        LOCKED("trust.cli.passphrase.status.LOCKED"),
        UNLOCKED("trust.cli.passphrase.status.UNLOCKED");

        private final String messageKey;

        State(String messageKey) {
            this.messageKey = messageKey;
        }

        /** The message that describes this state to the user. */
        public String messageKey() { return messageKey; }
    }

    /** Shortest passphrase accepted, in characters. */
    public static final int MIN_LENGTH = 8;

    private static final Logger LOG = Logger.getLogger(KeyManager.class.getName());
    private static final byte[] CHECK_TEXT = "BayCover key check v1".getBytes(StandardCharsets.US_ASCII);

    private final KeyringRepository repository;
    private final int iterations;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** The unlocked key and its keyring id, swapped as one (null while locked). */
    private volatile Held held;

    record Held(SecretKey key, String keyId) {
    }

    /** Waits before an attempt is checked (a real sleep in the application; tests record the delays). */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration d);

        Pause SLEEP = d -> {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Wrong passphrases allowed in {@link #FAILURE_WINDOW} before attempts are slowed down. */
    public static final int FREE_ATTEMPTS = 3;
    /** How long a wrong passphrase counts towards the slow-down. */
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    /** The longest wait before an attempt is checked. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final Pause pause;

    public KeyManager(KeyringRepository repository, Clock clock) {
        this(repository, Crypto.MIN_ITERATIONS, clock, Pause.SLEEP);
    }

    public KeyManager(KeyringRepository repository, Clock clock, Pause pause) {
        this(repository, Crypto.MIN_ITERATIONS, clock, pause);
    }

    KeyManager(KeyringRepository repository, int iterations, Clock clock) {
        this(repository, iterations, clock, Pause.SLEEP);
    }

    KeyManager(KeyringRepository repository, int iterations, Clock clock, Pause pause) {
        if (iterations < Crypto.MIN_ITERATIONS) throw new IllegalArgumentException("at least " + Crypto.MIN_ITERATIONS + " iterations");
        this.repository = repository;
        this.iterations = iterations;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * The wait before an attempt is checked, after {@code recentFailures} wrong passphrases within
     * {@link #FAILURE_WINDOW}: none for the first {@value #FREE_ATTEMPTS}, then 1, 2, 4, 8, 16 seconds, then
     * {@link #MAX_DELAY}. Counted from the audit log, so restarting BayCover or using the command line does not reset it.
     */
    public static Duration delayAfter(int recentFailures) {
        if (recentFailures < FREE_ATTEMPTS) return Duration.ZERO;
        int n = recentFailures - FREE_ATTEMPTS;
        return n >= 5 ? MAX_DELAY : Duration.ofSeconds(Math.min(MAX_DELAY.toSeconds(), 1L << n));
    }

    /** Opens the keyring with {@code passphrase}, slowed down after repeated failures; a wrong one is audited. */
    private Unwrapped attempt(Keyring ring, char[] passphrase, String what) {
        int recent = repository.failuresSince(Instant.now(clock).minus(FAILURE_WINDOW));
        Duration wait = delayAfter(recent);
        if (!wait.isZero()) {
            LOG.info(() -> recent + " wrong passphrases recently; waiting " + wait.toSeconds() + " s");
            pause.pause(wait);
        }
        try {
            return unwrap(ring, passphrase);
        } catch (UserError e) {
            if ("trust.wrongPassphrase".equals(e.key())) {
                repository.recordFailure(AuditEntry.of(AuditAction.PASSPHRASE_FAILED, "keyring", ring.keyId(), null,
                        Map.of("attempt", what, "recentFailures", String.valueOf(recent + 1))));
            }
            throw e;
        }
    }

    /** Whether a passphrase has been set, and whether the data key is in memory now (reads the keyring: off the FX thread). */
    public State state() {
        if (held != null) return State.UNLOCKED;
        return repository.load().isPresent() ? State.LOCKED : State.NOT_SET;
    }

    public boolean isUnlocked() {
        return held != null;
    }

    /** Called after every lock, unlock, set-up and restore (on whatever thread did it). */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Checks a new passphrase; throws a {@link UserError} naming what is wrong. */
    public static void checkNew(char[] passphrase, char[] confirmation) {
        if (passphrase == null || new String(passphrase).isBlank()) throw new UserError("trust.passphraseEmpty");
        if (String.valueOf(passphrase).codePointCount(0, passphrase.length) < MIN_LENGTH) {
            throw new UserError("trust.passphraseTooShort", MIN_LENGTH);
        }
        if (confirmation != null && !Arrays.equals(passphrase, confirmation)) throw new UserError("trust.passphraseMismatch");
    }

    /** Sets the first passphrase: creates a random data key, wraps it, stores it; the folder is then unlocked. */
    public void setUp(char[] passphrase, char[] confirmation) {
        checkNew(passphrase, confirmation);
        if (repository.load().isPresent()) throw new UserError("trust.alreadySet");
        byte[] raw = Crypto.random(Crypto.KEY_BYTES);
        try {
            String id = HexFormat.of().formatHex(Crypto.random(8));
            SecretKey key = Crypto.aesKey(raw);
            String now = Instant.now(clock).toString();
            Keyring ring = wrap(key, raw, id, passphrase, now, now);
            repository.create(ring, AuditEntry.of(AuditAction.PASSPHRASE_SET, "keyring", id, null, Map.of("kdf", Crypto.KDF,
                    "iterations", String.valueOf(iterations))));
            this.held = new Held(key, id);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        LOG.info("passphrase set; client data key created");
        fire();
    }

    /** Unlocks with the passphrase; {@code trust.wrongPassphrase} if it is not the one. */
    public void unlock(char[] passphrase) {
        Keyring ring = repository.load().orElseThrow(() -> new UserError("trust.notSet"));
        Unwrapped u = attempt(ring, passphrase, "unlock");
        this.held = new Held(u.key(), ring.keyId());
        fire();
    }

    /** Whether {@code passphrase} opens this folder's keyring (does not unlock). */
    public boolean verify(char[] passphrase) {
        Optional<Keyring> ring = repository.load();
        if (ring.isEmpty()) return false;
        try {
            attempt(ring.get(), passphrase, "check");
            return true;
        } catch (UserError e) {
            return false;
        }
    }

    /** Forgets the data key. */
    public void lock() {
        boolean was = held != null;
        held = null;
        if (was) fire();
    }

    /** The keyring may have been replaced (restore): forget the key and tell the listeners. */
    public void reset() {
        held = null;
        fire();
    }

    /**
     * Replaces the passphrase: the current one must be right; the same data key is wrapped again under a new salt and
     * stored in one transaction with its audit entry. Data already encrypted stays as it is and stays readable.
     */
    public void change(char[] current, char[] next, char[] confirmation) {
        checkNew(next, confirmation);
        Keyring ring = repository.load().orElseThrow(() -> new UserError("trust.notSet"));
        Unwrapped u = attempt(ring, current, "change");
        byte[] raw = u.key().getEncoded();
        try {
            Keyring next2 = wrap(u.key(), raw, ring.keyId(), next, ring.createdAt(), Instant.now(clock).toString());
            repository.replace(next2, ring.changedAt(), AuditEntry.of(AuditAction.PASSPHRASE_CHANGED, "keyring", ring.keyId(), null,
                    Map.of("kdf", Crypto.KDF, "iterations", String.valueOf(iterations))));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        this.held = new Held(u.key(), ring.keyId());
        LOG.info("passphrase changed; data key re-wrapped");
        fire();
    }

    /** The cipher for client personal data; every call fails with {@code trust.locked} while the folder is locked. */
    public PersonalDataCipher cipher() {
        return new PersonalDataCipher(this);
    }

    Held held() {
        Held h = held;
        if (h == null) throw new UserError("trust.locked");
        return h;
    }

    private Keyring wrap(SecretKey key, byte[] raw, String id, char[] passphrase, String createdAt, String changedAt) {
        byte[] salt = Crypto.random(Crypto.SALT_BYTES);
        SecretKey kek = Crypto.deriveKey(passphrase, salt, iterations);
        byte[] wrapNonce = Crypto.random(Crypto.NONCE_BYTES);
        byte[] wrapped = Crypto.seal(kek, wrapNonce, raw, wrapAad(id));
        byte[] checkNonce = Crypto.random(Crypto.NONCE_BYTES);
        byte[] check = Crypto.seal(key, checkNonce, CHECK_TEXT, checkAad(id));
        return new Keyring(Keyring.FORMAT, id, Crypto.KDF, iterations, salt, wrapNonce, wrapped, checkNonce, check, createdAt, changedAt);
    }

    private record Unwrapped(SecretKey key) {
    }

    private static Unwrapped unwrap(Keyring ring, char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) throw new UserError("trust.passphraseEmpty");
        if (ring.format() != Keyring.FORMAT || !Crypto.KDF.equals(ring.kdf()) || ring.iterations() < Crypto.MIN_ITERATIONS
                || ring.salt().length != Crypto.SALT_BYTES) {
            throw new UserError("trust.keyringDamaged");
        }
        SecretKey kek = Crypto.deriveKey(passphrase, ring.salt(), ring.iterations());
        byte[] raw;
        try {
            raw = Crypto.open(kek, ring.wrapNonce(), ring.wrappedKey(), wrapAad(ring.keyId()));
        } catch (Crypto.BadTag e) {
            throw new UserError("trust.wrongPassphrase");
        }
        try {
            SecretKey key = Crypto.aesKey(raw);
            byte[] check;
            try {
                check = Crypto.open(key, ring.checkNonce(), ring.checkValue(), checkAad(ring.keyId()));
            } catch (Crypto.BadTag e) {
                throw new UserError("trust.keyringDamaged");
            }
            if (!Arrays.equals(check, CHECK_TEXT)) throw new UserError("trust.keyringDamaged");
            return new Unwrapped(key);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static byte[] wrapAad(String keyId) {
        return ("baycover/keyring/v1/" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] checkAad(String keyId) {
        return ("baycover/check/v1/" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private void fire() {
        for (Runnable r : listeners) r.run();
    }
}
