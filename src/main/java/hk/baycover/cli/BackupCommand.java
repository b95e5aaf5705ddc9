package hk.baycover.cli;

import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.BackupService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;

@Command(name = "backup", description = "Write a consistent copy of the database to FILE (SQLite online backup: "
        + "others may keep working). Client data stays encrypted in the copy.")
final class BackupCommand implements Runnable {

    @Mixin
    CommandContext root;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file to write.")
    Path file;

    @Option(names = "--overwrite", description = "Replace FILE if it exists.")
    boolean overwrite;

    @Mixin
    JsonOption json;

    /** The JSON shape of {@code backup --json}. */
    record Result(String file, long bytes, String sha256, int schemaVersion, int datasets) {
    }

    @Override
    public void run() {
        BackupService.Report r = root.app().backup().backup(file, overwrite, ProgressMonitor.NONE);
        PrintWriter out = root.out();
        if (json.on) {
            Json.print(out, new Result(r.file().toString(), r.bytes(), r.sha256(), r.schemaVersion(), r.datasets()));
        } else {
            out.println(root.text("trust.cli.backup.done", r.file(), r.bytes() / 1024, r.schemaVersion(), r.datasets(), r.sha256()));
        }
    }
}
