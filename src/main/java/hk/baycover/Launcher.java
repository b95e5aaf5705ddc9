package hk.baycover;

import hk.baycover.app.BayCover;
import hk.baycover.app.PackFiles;
import hk.baycover.cli.Cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Entry point of the jar. With a sub-command it runs the CLI (no display needed: JavaFX is never loaded); without
 * one it starts the GUI. It does not extend Application on purpose, so a headless CLI run never touches JavaFX.
 */
public final class Launcher {

    private static final List<String> GUI_OPTIONS = List.of("--data-dir", "--lang");

    private Launcher() {
    }

    public static void main(String[] args) {
        hk.baycover.app.StartupProbe.mark(hk.baycover.app.StartupProbe.MAIN);
        hk.baycover.app.Logs.quietConsole();
        // the composition root: the one clock of this run, handed to the GUI or the command line
        Clock clock = BayCover.systemClock();
        if (isGui(args)) {
            hk.baycover.ui.GuiLauncher.launch(args, clock);
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(Cli.run(args, out, err, clock));
    }

    /**
     * The GUI starts when the arguments hold nothing but the global options (--data-dir DIR, --lang L) and at most one
     * file named {@code *.baycover.json} (opened from the file manager: the GUI offers it for import).
     */
    static boolean isGui(String[] args) {
        int files = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (PackFiles.isPackFile(a) && ++files == 1) continue;
            if (!GUI_OPTIONS.contains(name)) return false;
            if (!a.contains("=")) i++;
        }
        return true;
    }
}
