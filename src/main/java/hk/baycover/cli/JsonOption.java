package hk.baycover.cli;

import picocli.CommandLine.Option;

/** The {@code --json} option, worded the same in every command that prints JSON (a picocli mixin). */
final class JsonOption {

    @Option(names = "--json", description = "Print JSON.")
    boolean on;
}
