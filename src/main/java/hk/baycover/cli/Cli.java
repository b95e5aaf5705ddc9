package hk.baycover.cli;

import hk.baycover.app.BayCover;
import hk.baycover.app.DataDirs;
import hk.baycover.catalog.PackException;
import hk.baycover.catalog.Problem;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The command line: the same jar, the same services as the GUI. Exit 0 on success, 1 on a user error (a clear message
 * on stderr), 2 on a usage error.
 */
@Command(name = "baycover",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "BayCover 灣區北上保障規劃 — offline planner for Shenzhen–Hong Kong cross-border health and elderly-care cover.%n"
                + "Without a sub-command the GUI starts.")
public final class Cli {

    /**
     * The sub-commands, in the order help lists them. They are added to the command line by {@link #commandLine}: all
     * of them for help, a usage error or anything unusual, only the one named for an ordinary run (building picocli's
     * model of every command cost a fresh JVM a quarter of a second).
     */
    static final List<Class<?>> COMMANDS = List.of(
            InfoCommand.class,
            ValidateCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            PlanCommand.class,
            ScenariosCommand.class,
            LookupCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            AuditCommand.class,
            PassphraseCommand.class,
            ProductsCommand.class,
            CompareCommand.class,
            GapsCommand.class,
            PackCommand.class,
            CommandLine.HelpCommand.class);

    /** The root options that take a value (as {@code --lang en} or {@code --lang=en}). */
    private static final Set<String> ROOT_OPTIONS_WITH_VALUE = Set.of("--data-dir", "--lang", "--passphrase-file");

    public static final int OK = 0;
    public static final int USER_ERROR = 1;
    public static final int USAGE = 2;
    private static final Logger LOG = Logger.getLogger(Cli.class.getName());

    @Option(names = "--data-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Data folder (default: $BAYCOVER_HOME or the per-user data folder).")
    Path dataDir;

    @Option(names = "--lang", paramLabel = "LANG", scope = CommandLine.ScopeType.INHERIT,
            description = "Language of messages and output: zh-HK (default in the GUI), zh-CN or en. Default: the system's.")
    String lang;

    @Option(names = "--passphrase-file", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "File whose first line is the passphrase that unlocks client data (else $BAYCOVER_PASSPHRASE).")
    Path passphraseFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private BayCover app;
    private final Clock clock;

    Cli(Clock clock) {
        this.clock = clock;
    }

    /** The application's one clock for this run (made by the launcher; tests pass a fixed one). */
    public Clock clock() { return clock; }

    /** Today by {@link #clock()}. */
    public LocalDate today() { return LocalDate.now(clock); }

    public Lang lang() {
        if (lang == null) return Lang.parse(Locale.getDefault().toLanguageTag()).orElse(Lang.EN);
        return Lang.parse(lang).orElseThrow(() -> new CommandLine.ParameterException(spec != null ? spec.commandLine() : new CommandLine(this),
                "Unknown language '" + lang + "': use zh-HK, zh-CN or en"));
    }

    public Path dataDirectory() {
        return DataDirs.resolve(dataDir);
    }

    /**
     * The one way a command writes a file the user named (refuses the data folder's own files; atomic). Commands call
     * {@code files().check(target)} before any work, so a refused target costs nothing and changes nothing.
     */
    public hk.baycover.io.SafeFiles files() {
        return hk.baycover.io.SafeFiles.forDataDir(dataDirectory());
    }

    /** Opens (and seeds) the data folder once per run. */
    public BayCover app() {
        if (app == null) {
            hk.baycover.app.Logs.toDataDir(dataDirectory());
            hk.baycover.io.Timeline.mark("log set up");
            // the catalog snapshot is read when a command first asks for it (info, export, backup need none)
            // and the whole database is checked before the first write, not at open (ADR 0065)
            app = BayCover.openForCommandLine(dataDirectory(), lang(), ProgressMonitor.NONE, clock);
            hk.baycover.io.Timeline.mark("data folder open");
        }
        return app;
    }

    /** The passphrase from {@code --passphrase-file} or {@code BAYCOVER_PASSPHRASE}; {@code trust.passphraseNeeded} if neither. */
    public char[] passphrase() {
        return Passphrases.read(passphraseFile, Passphrases.ENV, System.getenv(), this::warnReadable);
    }

    void warnReadable(Path file) {
        if (spec != null) spec.commandLine().getErr().println(text("trust.passphraseFileReadable", file));
    }

    /** The data folder opened and unlocked with {@link #passphrase()}, for commands that read or write client data. */
    public BayCover unlockedApp() {
        BayCover a = app();
        if (!a.keys().isUnlocked()) {
            char[] p = passphrase();
            try {
                a.keys().unlock(p);
            } finally {
                java.util.Arrays.fill(p, '\0');
            }
            a.ensureSealed();
        }
        return a;
    }

    /**
     * The data folder ready to store client data: unlocked with {@link #passphrase()}, or — at the very first save —
     * with that passphrase set as the folder's first one (client data is never stored in plain text). Without a
     * passphrase file or {@code BAYCOVER_PASSPHRASE}: {@code cli.passphraseFirst}, and nothing is saved.
     */
    public BayCover appForClientData() {
        BayCover a = app();
        if (a.keys().state() != hk.baycover.trust.KeyManager.State.NOT_SET) return unlockedApp();
        char[] p;
        try {
            p = passphrase();
        } catch (UserError none) {
            throw new UserError("cli.passphraseFirst", Passphrases.ENV);
        }
        try {
            BayCover.Sealed sealed = a.setPassphrase(p, null);
            if (spec != null) {
                spec.commandLine().getErr().println(text("cli.passphraseSetAtFirstSave"));
                if (sealed.records() > 0) spec.commandLine().getErr().println(text("trust.cli.passphrase.sealed", sealed.records(), sealed.automaticBackupsReplaced()));
            }
        } finally {
            java.util.Arrays.fill(p, '\0');
        }
        return a;
    }

    /** Releases the data folder (its lock) at the end of a run. */
    void closeApp() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    public String text(String key, Object... args) {
        return I18n.get(lang(), key, args);
    }

    /** The command line with every sub-command. */
    public static CommandLine commandLine(Clock clock) {
        return commandLine(clock, null);
    }

    /**
     * The command line for {@code args}: with only the sub-command they name when that is plain (root options, then a
     * known sub-command's name other than {@code help}); with every sub-command otherwise (help, version, usage errors,
     * {@code @file} arguments), so what picocli prints is the same either way.
     */
    static CommandLine commandLine(Clock clock, String[] args) {
        CommandLine cl = new CommandLine(new Cli(clock));
        String only = args == null ? null : namedCommand(args);
        for (Class<?> c : COMMANDS) {
            if (only == null || only.equals(nameOf(c))) cl.addSubcommand(c);
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        addHelpOptions(cl);
        cl.setExecutionStrategy(Cli::checkOptionsThenRun);
        cl.setExecutionExceptionHandler(Cli::handle);
        return cl;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** The sub-command {@code args} name after the root options, when that is all plain; null to take them all. */
    static String namedCommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("@")) return null;
            if (a.startsWith("-")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (!ROOT_OPTIONS_WITH_VALUE.contains(name)) return null;
                if (!a.contains("=")) i++;
                continue;
            }
            if (a.equals("help")) return null;
            for (Class<?> c : COMMANDS) if (a.equals(nameOf(c))) return a;
            return null;
        }
        return null;
    }

    /** Every sub-command (also those added later) answers -h/--help and -V/--version. */
    private static void addHelpOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (!spec.mixinStandardHelpOptions() && !spec.optionsMap().containsKey("--help") && !spec.optionsMap().containsKey("-h")) {
                spec.mixinStandardHelpOptions(true);
            }
            addHelpOptions(sub);
        }
    }

    /**
     * Global options are checked before any command runs: an unknown --lang is a usage error (exit 2) reported on this
     * run's stderr, not something a command trips over half-way.
     */
    private static int checkOptionsThenRun(CommandLine.ParseResult parsed) {
        CommandLine rootLine = parsed.commandSpec().commandLine();
        Cli root = (Cli) parsed.commandSpec().userObject();
        if (root.lang != null && Lang.parse(root.lang).isEmpty()) {
            throw new CommandLine.ParameterException(rootLine, "Unknown language '" + root.lang + "': use zh-HK, zh-CN or en");
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** Runs the CLI on the system clock; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, BayCover.systemClock());
    }

    /** Runs the CLI on the given clock; returns the exit code. */
    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr, Clock clock) {
        return run(args, rawOut, rawErr, clock, false);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter, Clock)}; with {@code everyCommand}, picocli knows them all (tests compare). */
    static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr, Clock clock, boolean everyCommand) {
        hk.baycover.io.Timeline.mark("cli entered");
        CommandLine cl = commandLine(clock, everyCommand ? null : args);
        hk.baycover.io.Timeline.mark("picocli model built");
        // nothing printed may steer the terminal: control characters, bidi overrides, lone surrogates are escaped
        PrintWriter out = new PrintWriter(new TerminalSafeWriter(rawOut), true);
        PrintWriter err = new PrintWriter(new TerminalSafeWriter(rawErr), true);
        cl.setOut(out);
        cl.setErr(err);
        // a usage error of the root command prints the root's usage, which lists every sub-command: with only one known,
        // nothing was run yet (the root's errors come before any command's work), so the run starts again knowing all
        boolean[] again = {false};
        if (cl.getSubcommands().size() < COMMANDS.size()) {
            CommandLine.IParameterExceptionHandler usual = cl.getParameterExceptionHandler();
            CommandLine root = cl;
            cl.setParameterExceptionHandler((ex, a) -> {
                if (ex.getCommandLine() != root) return usual.handleParseException(ex, a);
                again[0] = true;
                return USAGE;
            });
        }
        int code;
        try {
            code = cl.execute(args);
        } finally {
            ((Cli) cl.getCommand()).closeApp();
        }
        if (again[0]) {
            cl = commandLine(clock, null);
            cl.setOut(out);
            cl.setErr(err);
            try {
                code = cl.execute(args);
            } finally {
                ((Cli) cl.getCommand()).closeApp();
            }
        }
        out.flush();
        hk.baycover.io.Timeline.mark("output flushed, folder closed");
        for (String line : hk.baycover.io.Timeline.lines()) err.println(line);
        err.flush();
        return code;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        Lang lang;
        try {
            lang = cl.getCommandSpec().root().userObject() instanceof Cli root ? root.lang() : Lang.EN;
        } catch (RuntimeException bad) {
            lang = Lang.EN;
        }
        PrintWriter err = cl.getErr();
        if (e instanceof PackException) {
            PackException pe = (PackException) e;
            for (Problem p : pe.problems()) err.println(p);
            err.println(I18n.message(lang, pe));
            return USER_ERROR;
        }
        if (e instanceof UserError && !(e instanceof hk.baycover.app.CorruptDatabase) && "store.corrupt".equals(((UserError) e).key())
                && cl.getCommandSpec().root().userObject() instanceof Cli root) {
            // met after the open (checked before the first write, or a damaged page read): the same advice as at open
            e = hk.baycover.app.CorruptDatabase.of((UserError) e, root.dataDirectory());
        }
        if (e instanceof UserError) {
            err.println(I18n.get(lang, "cli.error", I18n.message(lang, (UserError) e)));
            return USER_ERROR;
        }
        LOG.log(Level.SEVERE, "unexpected failure", e);
        err.println(I18n.get(lang, "cli.unexpected"));
        return USER_ERROR;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"BayCover " + (v == null ? "(development build)" : v)};
        }
    }
}
