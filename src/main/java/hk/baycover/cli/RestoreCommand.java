package hk.baycover.cli;

import hk.baycover.app.BayCover;
import hk.baycover.store.BackupService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;

@Command(name = "restore", description = "Replace the database with a backup FILE. The backup is checked first (integrity, "
        + "schema version, schema shape, records) and applied completely or not at all; the current database is kept as an "
        + "automatic backup. Refused while BayCover or another command uses the data folder. Works on a corrupt database too.")
final class RestoreCommand implements Runnable {

    @Mixin
    CommandContext root;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file.")
    Path file;

    @Option(names = "--check", description = "Only check FILE; change nothing.")
    boolean checkOnly;

    @Mixin
    JsonOption json;

    /** The JSON shape of {@code restore --json}. */
    record Result(String file, String sha256, int schemaVersion, int datasets, long auditEntries, boolean passphraseSet, boolean restored) {
    }

    @Override
    public void run() {
        Path dataDir = root.dataDirectory();
        hk.baycover.app.Logs.toDataDir(dataDir);
        // the current database is never opened through BayCover (it may be corrupt): the swap checks it itself
        BackupService.Candidate c = checkOnly ? BackupService.inspect(file, dataDir, root.clock()) : BayCover.restoreUnopened(dataDir, file, root.clock());
        PrintWriter out = root.out();
        if (json.on) {
            Json.print(out, new Result(c.file().toString(), c.sha256(), c.schemaVersion(), c.datasets(), c.auditEntries(), c.passphraseSet(), !checkOnly));
        } else {
            out.println(root.text(checkOnly ? "trust.cli.restore.checked" : "trust.cli.restore.done", c.file(), c.schemaVersion(), c.datasets(), c.sha256()));
            if (!checkOnly && c.passphraseSet()) out.println(root.text("trust.cli.restore.passphrase"));
        }
    }
}
