package hk.baycover.cli;

import hk.baycover.catalog.PackReader;
import hk.baycover.catalog.PackSigning;
import hk.baycover.io.BoundedInput;
import hk.baycover.model.UserError;
import hk.baycover.store.CatalogStore;
import hk.baycover.store.TrustedPublishers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;

/**
 * Signed packs (ADR 0058): a product team makes a key pair once ({@code keygen}), signs each pack it hands out
 * ({@code sign}), and agents trust the team's public key under a name ({@code trust}); {@code import} then shows who
 * signed a pack and refuses a signed pack whose bytes changed.
 */
@Command(name = "pack", description = "Sign packs and manage the publishers you trust.",
        subcommands = {PackCommand.Keygen.class, PackCommand.Sign.class, PackCommand.Verify.class, PackCommand.Trust.class,
                PackCommand.Untrust.class, PackCommand.Publishers.class})
final class PackCommand implements Runnable {

    @Mixin
    CommandContext root;

    @Override
    public void run() {
        throw root.usage("pack: give a sub-command: keygen, sign, verify, trust, untrust or publishers");
    }

    @Command(name = "keygen", description = "Make an Ed25519 key pair for signing packs: KEYFILE (private: keep it secret) and KEYFILE.pub (public: "
            + "give it to the agents). An existing file is never overwritten.")
    static final class Keygen implements Runnable {
        @Mixin
        CommandContext root;

        @Parameters(index = "0", paramLabel = "KEYFILE", description = "Where to write the private key (the public key goes to KEYFILE.pub).")
        Path keyFile;

        @Override
        public void run() {
            Path pub = Path.of(keyFile + ".pub");
            // key files are never written over the data folder's own files, and never over an existing key
            root.files().check(keyFile);
            root.files().check(pub);
            if (Files.exists(keyFile)) throw new UserError("sign.keyExists", keyFile);
            if (Files.exists(pub)) throw new UserError("sign.keyExists", pub);
            KeyPair pair = PackSigning.generate();
            byte[] secret = PackSigning.privatePem(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII);
            root.files().batch()
                    .add(pub, out -> out.write(PackSigning.publicPem(pair.getPublic()).getBytes(StandardCharsets.US_ASCII)))
                    .commit();
            root.files().writePrivate(keyFile, secret);
            root.out().println(root.text("cli.pack.keygen", keyFile, pub, PackSigning.fingerprint(pair.getPublic().getEncoded())));
        }
    }

    @Command(name = "sign", description = "Sign a pack: writes PACK.sig beside it (a detached Ed25519 signature of the pack's exact bytes).")
    static final class Sign implements Runnable {
        @Mixin
        CommandContext root;

        @Parameters(index = "0", paramLabel = "PACK", description = "The pack file to sign.")
        Path pack;

        @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "The private key file (its KEYFILE.pub must be beside it).")
        Path key;

        @Override
        public void run() {
            Path sig = PackSigning.signatureFile(pack);
            root.files().check(sig);
            PrivateKey privateKey = PackSigning.readPrivateKey(key);
            PublicKey publicKey = PackSigning.publicKeyBeside(key);
            byte[] bytes;
            try {
                bytes = BoundedInput.readAll(pack, PackReader.MAX_BYTES);
            } catch (IOException e) {
                throw new hk.baycover.catalog.PackException(List.of(new hk.baycover.catalog.Problem(pack.toString(), "", PackReader.unreadable(root.lang(), e))));
            }
            byte[] signature = PackSigning.sign(bytes, privateKey, publicKey);
            root.files().write(sig, signature);
            root.out().println(root.text("cli.pack.signed", sig, pack, PackSigning.fingerprint(publicKey.getEncoded())));
        }
    }

    @Command(name = "verify", description = "Check a pack's signature (PACK.sig) and say who signed it; exit 1 if the pack changed after signing.")
    static final class Verify implements Runnable {
        @Mixin
        CommandContext root;

        @Parameters(index = "0", paramLabel = "PACK", description = "The pack file.")
        Path pack;

        @Override
        public void run() {
            byte[] bytes;
            try {
                bytes = BoundedInput.readAll(pack, PackReader.MAX_BYTES);
            } catch (IOException e) {
                throw new hk.baycover.catalog.PackException(List.of(new hk.baycover.catalog.Problem(pack.toString(), "", PackReader.unreadable(root.lang(), e))));
            }
            PackSigning.Check check = PackSigning.check(pack, bytes);
            if (check.refused()) {
                String sig = PackSigning.signatureFile(pack).toString();
                throw new hk.baycover.catalog.PackException(List.of(new hk.baycover.catalog.Problem(sig, "",
                        check.outcome() == PackSigning.Outcome.BYTES_CHANGED
                                ? root.text("sign.bytesChanged", PackSigning.shortFingerprint(check.signature().fingerprint()))
                                : root.text("sign.damaged"))));
            }
            CatalogStore.Signer signer = null;
            if (check.outcome() == PackSigning.Outcome.VALID) {
                String fp = check.signature().fingerprint();
                signer = new CatalogStore.Signer(fp, root.app().publishers().byFingerprint(fp).map(TrustedPublishers.Publisher::name).orElse(null));
            }
            root.out().println(root.text("cli.pack.verifyValid", pack, CatalogStore.Signer.label(root.lang(), CatalogStore.Origin.IMPORTED.name(), signer)));
        }
    }

    @Command(name = "trust", description = "Trust a publisher's public key (KEY.pub) under a name you choose; packs it signed then show that name.")
    static final class Trust implements Runnable {
        @Mixin
        CommandContext root;

        @Parameters(index = "0", paramLabel = "KEY.pub", description = "The publisher's public key file.")
        Path key;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Your name for this publisher (one line, at most 100 characters).")
        String name;

        @Override
        public void run() {
            TrustedPublishers.Publisher p = root.app().publishers().trust(PackSigning.readPublicKey(key), name);
            root.out().println(root.text("cli.pack.trusted", p.name(), p.fingerprint()));
        }
    }

    @Command(name = "untrust", description = "Stop trusting a publisher's key (by its fingerprint, as 'publishers' lists it).")
    static final class Untrust implements Runnable {
        @Mixin
        CommandContext root;

        @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "The key's fingerprint (64 hex digits).")
        String fingerprint;

        @Override
        public void run() {
            root.app().publishers().remove(fingerprint.strip().toLowerCase(java.util.Locale.ROOT));
            root.out().println(root.text("cli.pack.removed", fingerprint));
        }
    }

    @Command(name = "publishers", description = "List the publishers you trust: name, key fingerprint, when added.")
    static final class Publishers implements Runnable {
        @Mixin
        CommandContext root;

        @Mixin
        JsonOption json;

        /** The JSON shape of {@code pack publishers --json}. */
        record Out(int count, List<TrustedPublishers.Publisher> publishers) {
        }

        @Override
        public void run() {
            List<TrustedPublishers.Publisher> list = root.app().publishers().list();
            if (json.on) {
                Json.print(root.out(), new Out(list.size(), list));
                return;
            }
            for (TrustedPublishers.Publisher p : list) root.out().println(p.name() + "  " + p.fingerprint() + "  " + p.addedAt());
            if (list.isEmpty()) root.out().println(root.text("cli.pack.noPublishers"));
        }
    }
}
