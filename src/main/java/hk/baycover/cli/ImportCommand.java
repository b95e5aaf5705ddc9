package hk.baycover.cli;

import hk.baycover.store.CatalogStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;

@Command(name = "import", description = "Validate, then import pack files in one transaction: all of them or none.")
final class ImportCommand implements Runnable {

    @ParentCommand
    Cli root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pack files (JSON).")
    List<Path> files;

    @Override
    public void run() {
        List<CatalogStore.Imported> done = root.app().catalogStore().importFiles(files, CatalogStore.Origin.IMPORTED, root.lang(),
                hk.baycover.model.ProgressMonitor.NONE);
        for (CatalogStore.Imported d : done) {
            spec.commandLine().getOut().println(root.text(d.replaced() ? "cli.import.replaced" : "cli.import.added", d.datasetId(), d.version(), d.records()));
        }
    }
}
