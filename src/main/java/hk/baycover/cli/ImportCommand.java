package hk.baycover.cli;

import hk.baycover.store.CatalogStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

@Command(name = "import", description = "Validate, then import pack files in one transaction: all of them or none.")
final class ImportCommand implements Runnable {

    @Mixin
    CommandContext root;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pack files (JSON).")
    List<Path> files;

    @Override
    public void run() {
        var done = root.app().datasets().importOnly(files, root.lang(), hk.baycover.model.ProgressMonitor.NONE);
        for (CatalogStore.Imported d : done.datasets()) {
            root.out().println(root.text(d.replaced() ? "cli.import.replaced" : "cli.import.added", d.datasetId(), d.version(), d.records()));
            root.out().println("  " + CatalogStore.Signer.label(root.lang(), CatalogStore.Origin.IMPORTED.name(), d.signer()));
        }
    }
}
