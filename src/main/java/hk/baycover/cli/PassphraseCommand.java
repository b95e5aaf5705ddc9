package hk.baycover.cli;

import hk.baycover.app.BayCover;
import hk.baycover.model.UserError;
import hk.baycover.trust.KeyManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "passphrase", description = "Manage the passphrase that protects client data: 'status'; 'set' the first one "
        + "(from --passphrase-file or $BAYCOVER_PASSPHRASE); 'check' it (exit 1 if wrong); 'change' it (the new one from "
        + "--new-passphrase-file or $BAYCOVER_NEW_PASSPHRASE). Passphrases are never taken as arguments.")
final class PassphraseCommand implements Callable<Integer> {

    enum Action { status, set, check, change }

    @Mixin
    CommandContext root;

    @Parameters(index = "0", paramLabel = "ACTION", description = "${COMPLETION-CANDIDATES}")
    Action action;

    @Option(names = "--new-passphrase-file", paramLabel = "FILE", description = "For 'change': file whose first line is the new passphrase.")
    Path newFile;

    @Override
    public Integer call() {
        BayCover app = root.app();
        KeyManager keys = app.keys();
        PrintWriter out = root.out();
        switch (action) {
            case status:
                out.println(root.text(keys.state().messageKey()));
                return Cli.OK;
            case set: {
                char[] p = root.passphrase();
                BayCover.Sealed sealed;
                try {
                    sealed = app.setPassphrase(p, null);
                } finally {
                    Arrays.fill(p, '\0');
                }
                out.println(root.text("trust.cli.passphrase.set"));
                if (sealed.records() > 0) out.println(root.text("trust.cli.passphrase.sealed", sealed.records(), sealed.automaticBackupsReplaced()));
                return Cli.OK;
            }
            case check: {
                if (keys.state() == KeyManager.State.NOT_SET) throw new UserError("trust.notSet");
                char[] p = root.passphrase();
                try {
                    keys.unlock(p);
                } finally {
                    Arrays.fill(p, '\0');
                }
                app.ensureSealed();
                out.println(root.text("trust.cli.passphrase.ok"));
                return Cli.OK;
            }
            case change: {
                char[] current = root.passphrase();
                char[] next = Passphrases.read(newFile, Passphrases.NEW_ENV, System.getenv(), root::warnReadable);
                try {
                    keys.change(current, next, null);
                } finally {
                    Arrays.fill(current, '\0');
                    Arrays.fill(next, '\0');
                }
                out.println(root.text("trust.cli.passphrase.changed"));
                return Cli.OK;
            }
            default:
                return Cli.USAGE;
        }
    }
}
