package hk.baycover.cli;

import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "export", description = "Write every loaded dataset as a pack file into DIR (re-importable as is).")
final class ExportCommand implements Runnable {

    @ParentCommand
    Cli root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder to write the packs into (created if missing).")
    Path dir;

    @Override
    public void run() {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserError("export.notDirectory", dir);
        for (Path p : root.app().catalogStore().exportAll(dir, ProgressMonitor.NONE)) {
            spec.commandLine().getOut().println(root.text("cli.export.wrote", p));
        }
    }
}
