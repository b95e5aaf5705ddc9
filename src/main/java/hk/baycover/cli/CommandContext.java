package hk.baycover.cli;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/**
 * What every sub-command shares, as a picocli mixin ({@code @Mixin CommandContext root}): the root command's global
 * options ({@code --data-dir}, {@code --lang}, {@code --passphrase-file}), the data folder opened once per run with its
 * use cases, the run's clock, messages in the user's language and the output streams.
 */
@CommandLine.Command
final class CommandContext {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Cli cli() {
        return (Cli) mixee.root().userObject();
    }

    /** The data folder, opened (and seeded) once per run. */
    BayCover app() { return cli().app(); }

    /** The data folder opened and unlocked for client data. */
    BayCover unlockedApp() { return cli().unlockedApp(); }

    /** The data folder ready to store client data (at the very first save, the passphrase given is set). */
    BayCover appForClientData() { return cli().appForClientData(); }

    Path dataDirectory() { return cli().dataDirectory(); }

    /** The one way to write a file the user named (refuses the data folder's own files; atomic); needs no open folder. */
    hk.baycover.io.SafeFiles files() { return cli().files(); }

    Lang lang() { return cli().lang(); }

    /** True when {@code --lang} was given (else a client file may choose the language). */
    boolean langGiven() { return cli().lang != null; }

    char[] passphrase() { return cli().passphrase(); }

    /** Warns that a passphrase file can be read by others. */
    void warnReadable(Path file) { cli().warnReadable(file); }

    Clock clock() { return cli().clock(); }

    LocalDate today() { return cli().today(); }

    String text(String key, Object... args) { return cli().text(key, args); }

    PrintWriter out() { return mixee.commandLine().getOut(); }

    PrintWriter err() { return mixee.commandLine().getErr(); }

    /** A usage error (exit code 2) about this command. */
    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(mixee.commandLine(), message);
    }
}
