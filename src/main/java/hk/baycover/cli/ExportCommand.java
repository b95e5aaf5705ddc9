package hk.baycover.cli;

import hk.baycover.model.ProgressMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "export", description = "Write every loaded dataset as a pack file into DIR (re-importable as is).")
final class ExportCommand implements Runnable {

    @Mixin
    CommandContext root;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder to write the packs into (created if missing).")
    Path dir;

    @Override
    public void run() {
        for (Path p : root.app().datasets().exportAll(dir, ProgressMonitor.NONE)) {
            root.out().println(root.text("cli.export.wrote", p));
        }
    }
}
