package hk.baycover.cli;

import hk.baycover.catalog.PackException;
import hk.baycover.catalog.Problem;
import hk.baycover.model.Pack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", description = "Check pack files without importing them. Prints every problem as FILE:POINTER: message; exit 1 if any.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    CommandContext root;

    @Mixin
    JsonOption json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pack files (JSON).")
    List<Path> files;

    record Report(boolean valid, List<Problem> problems) {
    }

    @Override
    public Integer call() {
        PrintWriter out = root.out();
        try {
            List<Pack> packs = root.app().datasets().validate(files, root.lang());
            if (json.on) {
                Json.print(out, new Report(true, List.of()));
            } else {
                for (Pack p : packs) out.println(root.text("cli.validate.ok", p.pack().id(), p.pack().version(), p.recordCount()));
            }
            return Cli.OK;
        } catch (PackException e) {
            if (json.on) {
                Json.print(out, new Report(false, e.problems()));
            } else {
                for (Problem p : e.problems()) out.println(p);
                root.err().println(root.text("pack.rejected", e.problems().size()));
            }
            return Cli.USER_ERROR;
        }
    }
}
