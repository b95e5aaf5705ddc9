package hk.baycover.cli;

import hk.baycover.testsupport.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An ordinary run builds picocli's model of the one sub-command it names only; whatever the arguments, the run must
 * print exactly what it prints with every sub-command known — help, versions, usage errors, suggestions, output.
 */
class OneCommandModelTest {

    @TempDir
    Path dataDir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneId.of("Asia/Hong_Kong"));

    private record Outcome(int code, String out, String err) {
    }

    private Outcome run(boolean everyCommand, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err), CLOCK, everyCommand);
        return new Outcome(code, out.toString(), err.toString().replace(dataDir.toString(), "DIR"));
    }

    @Test
    void everyRunPrintsWhatItPrintsWithEveryCommandKnown() {
        String dir = dataDir.toString();
        List<String[]> cases = new ArrayList<>();
        for (Class<?> c : Cli.COMMANDS) {
            String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
            cases.add(new String[] {name, "--help"});
            cases.add(new String[] {"--lang", "en", name, "-h"});
            cases.add(new String[] {"help", name});
        }
        cases.addAll(List.of(
                new String[] {"--help"}, new String[] {"-V"}, new String[] {},
                new String[] {"gapz"}, new String[] {"gaps", "--jsn"}, new String[] {"--lang", "xx", "info"},
                new String[] {"--lang=zh-HK", "gaps", "--json", "--csv", "x.csv"}, new String[] {"import"},
                new String[] {"pack", "keygen", "--help"}, new String[] {"pack", "nope"}, new String[] {"--", "info"},
                new String[] {"--data-dir", dir, "--lang", "en", "info", "--json"},
                new String[] {"--data-dir=" + dir, "--lang", "zh-CN", "info"},
                new String[] {"--data-dir", dir, "--lang", "en", "validate", TestPacks.DRUGS.toString()},
                new String[] {"--data-dir", dir, "--lang", "en", "products", "--json"},
                new String[] {"--data-dir", dir, "--lang", "en", "gaps", "--age-policy", "any_age"},
                new String[] {"--data-dir", dir, "info", "--lang", "en", "--json"}));
        for (String[] args : cases) {
            Outcome all = run(true, args);
            Outcome one = run(false, args);
            assertEquals(all, one, String.join(" ", args));
        }
    }

    @Test
    void onlyAPlainRunNamesOneCommand() {
        assertEquals("gaps", Cli.namedCommand(new String[] {"--data-dir", "d", "--lang=en", "gaps", "--json"}));
        assertEquals("info", Cli.namedCommand(new String[] {"info"}));
        assertNull(Cli.namedCommand(new String[] {"help", "gaps"}));
        assertNull(Cli.namedCommand(new String[] {"--help"}));
        assertNull(Cli.namedCommand(new String[] {"gapz"}));
        assertNull(Cli.namedCommand(new String[] {"@args.txt"}));
        assertNull(Cli.namedCommand(new String[] {"--", "info"}));
        assertNull(Cli.namedCommand(new String[] {}));
    }
}
