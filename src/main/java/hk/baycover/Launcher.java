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
        hk.baycover.io.Timeline.mark("launcher entered");
        hk.baycover.app.StartupProbe.mark(hk.baycover.app.StartupProbe.MAIN);
        hk.baycover.app.Logs.quietConsole();
        // the composition root: the one clock of this run, handed to the GUI or the command line
        Clock clock = BayCover.systemClock();
        if (isGui(args)) {
            if (!hasDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"))) {
                noDisplay();
                return;
            }
            try {
                hk.baycover.ui.GuiLauncher.launch(args, clock);
            } catch (RuntimeException | Error e) {
                // a DISPLAY that names no reachable X server: the toolkit cannot start (GTK has said why on stderr)
                if (!hk.baycover.ui.GuiLauncher.isToolkitStartFailure(e)) throw e;
                noDisplay();
            }
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(Cli.run(args, out, err, clock));
    }

    /** The one line a GUI start without a display prints (in English: the desktop language is not known yet); exit 1. */
    static final String NO_DISPLAY = "no display found: run a sub-command, or start from a desktop session";

    private static void noDisplay() {
        System.err.println(NO_DISPLAY);
        System.err.flush();
        System.exit(1);
    }

    /**
     * Whether a window can be shown: on Linux and the other X11/Wayland systems a DISPLAY or WAYLAND_DISPLAY must be
     * set; Windows and macOS always have one; the headless Monocle platform (tests) needs none.
     */
    static boolean hasDisplay(java.util.Map<String, String> env, String osName, String glassPlatform) {
        if ("Monocle".equalsIgnoreCase(glassPlatform)) return true;
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) return true;
        return !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
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
