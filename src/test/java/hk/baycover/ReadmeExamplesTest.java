package hk.baycover;

import hk.baycover.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README runs: its command-line table lists every sub-command once, with options that exist, and every command
 * the README shows ({@code java -jar target/baycover.jar ...}, in the table and in the examples) runs in-process, in
 * the order written, on a throw-away data folder, with the exit code the README states (0 unless an {@code echo $?}
 * line says otherwise). Read from README.md itself, so the file cannot drift from the program.
 */
class ReadmeExamplesTest {

    static final String JAR = "java -jar target/baycover.jar";
    static final String DEMO = "/tmp/baycover-demo";
    static final Pattern CODE = Pattern.compile("`([^`]+)`");

    record Example(String command, int exitCode, int line) {
    }

    static List<String> readme() throws IOException {
        return Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
    }

    /** The rows of the table in the "Command line" section: cells split on "|" (not on the escaped "\|"). */
    static List<List<String>> tableRows(List<String> lines) {
        List<List<String>> rows = new ArrayList<>();
        boolean inSection = false;
        for (String l : lines) {
            if (l.startsWith("## ")) inSection = l.equals("## Command line");
            if (!inSection || !l.startsWith("| `")) continue;
            List<String> cells = new ArrayList<>();
            for (String c : l.substring(1, l.length() - 1).split("(?<!\\\\)\\|")) cells.add(c.strip().replace("\\|", "|"));
            rows.add(cells);
        }
        return rows;
    }

    /** Every command the README shows, in order, with the exit code it states. */
    static List<Example> examples(List<String> lines) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("| `")) {
                List<List<String>> cells = tableRows(List.of("## Command line", l));
                if (cells.isEmpty() || cells.get(0).size() < 3) continue;
                Matcher m = CODE.matcher(cells.get(0).get(2));
                while (m.find()) if (m.group(1).startsWith(JAR + " ")) out.add(new Example(m.group(1), 0, i + 1));
                continue;
            }
            String t = l.startsWith("$ ") ? l.substring(2) : l;
            if (!t.startsWith(JAR + " ") || t.contains("<") || t.contains("[--")) continue;
            int code = 0;
            for (int k = i + 1; k < lines.size() && !lines.get(k).startsWith("```"); k++) {
                if (lines.get(k).equals("$ echo $?") && k + 1 < lines.size()) {
                    code = Integer.parseInt(lines.get(k + 1).strip());
                    break;
                }
                if (lines.get(k).startsWith("$ " + JAR)) break;
            }
            out.add(new Example(stripComment(t), code, i + 1));
        }
        return out;
    }

    static String stripComment(String command) {
        int hash = command.indexOf("  #");
        return (hash < 0 ? command : command.substring(0, hash)).strip();
    }

    /** Splits a command line as a shell would for these examples (quotes group words). */
    static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
                else w.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(w.toString());
        return out;
    }

    @Test
    void theTableListsEverySubCommandOnceWithOptionsThatExist() throws IOException {
        CommandLine cli = Cli.commandLine(hk.baycover.app.BayCover.systemClock());
        Set<String> commands = new TreeSet<>(cli.getSubcommands().keySet());
        commands.remove("help");
        List<String> listed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (List<String> row : tableRows(readme())) {
            assertEquals(3, row.size(), "three columns: " + row);
            Set<String> inRow = new LinkedHashSet<>();
            Matcher m = CODE.matcher(row.get(0));
            while (m.find()) {
                List<String> w = words(m.group(1));
                String sub = w.get(0);
                inRow.add(sub);
                CommandLine c = cli.getSubcommands().get(sub);
                if (c == null) {
                    problems.add("no sub-command " + sub);
                    continue;
                }
                Matcher o = Pattern.compile("--[a-z][a-z-]*").matcher(m.group(1));
                while (o.find()) {
                    if (!c.getCommandSpec().optionsMap().containsKey(o.group())) problems.add(sub + " has no option " + o.group());
                }
            }
            listed.addAll(inRow);
            Matcher e = CODE.matcher(row.get(2));
            boolean example = false;
            while (e.find()) example |= e.group(1).startsWith(JAR + " --data-dir " + DEMO + "/") && words(e.group(1)).containsAll(inRow);
            if (!example) problems.add(inRow + ": no example on the throw-away data folder");
        }
        assertEquals(List.of(), problems);
        assertEquals(new ArrayList<>(new TreeSet<>(listed)), listed.stream().sorted().toList(), "no sub-command listed twice: " + listed);
        assertEquals(commands, new TreeSet<>(listed), "every sub-command in the table, and only those");
    }

    @Test
    void everyCommandTheReadmeShowsRunsWithTheExitCodeItStates(@TempDir Path demo) throws IOException {
        List<Example> examples = examples(readme());
        assertTrue(examples.size() >= 16, "the README's commands are found (" + examples.size() + ")");
        List<String> problems = new ArrayList<>();
        for (Example ex : examples) {
            String command = ex.command().replace(DEMO, demo.toString());
            if (!ex.command().contains("--help")) {
                assertTrue(ex.command().contains("--data-dir " + DEMO + "/"), "README line " + ex.line() + " runs on a throw-away data folder: " + ex.command());
            }
            List<String> args = words(command.substring(JAR.length()));
            if (Launcher.isGui(args.toArray(String[]::new))) continue; // starts the window, not the command line
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
            if (code != ex.exitCode()) {
                problems.add("README line " + ex.line() + ": `" + ex.command() + "` exited " + code + ", the README says " + ex.exitCode()
                        + "\n" + err);
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(Files.exists(demo.resolve("proposal.pdf")) && Files.exists(demo.resolve("compare.pdf")) && Files.exists(demo.resolve("backup.db")),
                "the examples wrote what they say");
    }
}
