package hk.baycover.ui;

import hk.baycover.app.BayCover;
import hk.baycover.app.DataDirs;
import hk.baycover.app.Logs;
import hk.baycover.app.StartupProbe;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.SettingsStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the GUI needs from disk before it can be useful — the data folder, the settings file, the opened (migrated,
 * seeded) database and its catalog — read on a background thread that starts before the JavaFX toolkit, so the disk
 * work overlaps the toolkit's own start and the FX thread never does blocking I/O. {@link #settings()} completes within
 * milliseconds (a small JSON file); {@link #app()} when the catalog is loaded.
 */
final class Preload {

    /** The data folder and the settings as the user left them (plus {@code --lang}). */
    record Boot(Path dataDir, SettingsStore store, Settings settings) {
    }

    private static volatile Preload current;

    private final List<String> args;
    private final Clock clock;
    private final CompletableFuture<Boot> settings = new CompletableFuture<>();
    private final CompletableFuture<BayCover> app = new CompletableFuture<>();

    private Preload(List<String> args, Clock clock) {
        this.args = List.copyOf(args);
        this.clock = clock;
    }

    /** Starts reading for these arguments on the application's clock (the launcher calls this before Application.launch). */
    static synchronized Preload start(List<String> args, Clock clock) {
        Preload p = new Preload(args, clock);
        // the start-up probe (benches only) records the phases of opening the data folder too
        if (StartupProbe.enabled()) hk.baycover.io.Timeline.listen(phase -> StartupProbe.mark(StartupProbe.PHASE_PREFIX + phase));
        Thread t = new Thread(p::run, "baycover-preload");
        t.setDaemon(true);
        t.start();
        current = p;
        return p;
    }

    /** The preload started for exactly these arguments, else a new one (tests start BayCoverApp directly). */
    static synchronized Preload forArgs(List<String> args) {
        Preload p = current;
        current = null;
        if (p != null && p.args.equals(List.copyOf(args))) return p;
        return start(args, BayCover.systemClock());
    }

    CompletableFuture<Boot> settings() { return settings; }

    CompletableFuture<BayCover> app() { return app; }

    Clock clock() { return clock; }

    private void run() {
        Boot boot;
        try {
            Path dataDir = DataDirs.resolve(option(args, "--data-dir").map(Path::of).orElse(null));
            Settings s = new Settings();
            SettingsStore store = new SettingsStore(dataDir);
            // the first frame waits for the settings: read the usual small file without starting Jackson (a cold
            // ObjectMapper costs 0.3 s and more); anything unusual goes through SettingsStore as before
            if (!QuickSettings.read(store.file(), s)) store.load(s);
            option(args, "--lang").flatMap(Lang::parse).ifPresent(s.langProperty()::set);
            boot = new Boot(dataDir, store, s);
            StartupProbe.mark(StartupProbe.SETTINGS);
            settings.complete(boot);
        } catch (RuntimeException | Error e) {
            settings.completeExceptionally(e);
            app.completeExceptionally(e);
            return;
        }
        try {
            Logs.toDataDir(boot.dataDir());
            // the whole-file check runs in the background once the window is up (BayCoverApp, ADR 0065)
            BayCover opened = BayCover.openForWindow(boot.dataDir(), boot.settings().lang(), ProgressMonitor.NONE, clock);
            StartupProbe.mark(StartupProbe.CATALOG);
            app.complete(opened);
        } catch (RuntimeException | Error e) {
            app.completeExceptionally(e);
        }
    }

    static Optional<String> option(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(name) && i + 1 < args.size()) return Optional.of(args.get(i + 1));
            if (a.startsWith(name + "=")) return Optional.of(a.substring(name.length() + 1));
        }
        return Optional.empty();
    }
}
