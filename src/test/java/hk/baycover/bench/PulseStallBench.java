package hk.baycover.bench;

import hk.baycover.app.BayCover;
import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.Scenario;
import hk.baycover.planning.ClientFile;
import hk.baycover.planning.Recommendation;
import hk.baycover.planning.ScenarioRun;
import hk.baycover.ui.PulseStallMonitor;
import hk.baycover.ui.Styles;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.UiContext;
import hk.baycover.ui.compare.CompareView;
import hk.baycover.ui.gaps.GapsView;
import hk.baycover.ui.lookup.LookupView;
import hk.baycover.ui.plan.PlanView;
import hk.baycover.ui.shell.MainWindow;
import hk.baycover.ui.shell.Screen;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pulse-stall bench (issue 12, "never freeze"): the real main window over the shipped data runs a scripted flow — start,
 * every screen, four products compared, a lookup, a client with an episode, the recommendation, the gap matrix and the
 * proposal PDF — while a {@link PulseStallMonitor} records the longest time the FX thread went without a pulse, overall
 * and per step. Headless (Monocle) unless {@code -Dbench.display} is given. Prints a table; exit 1 when a step did not
 * finish.
 *
 * <pre>mvn -B -q exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath hk.baycover.bench.PulseStallBench 3"</pre>
 */
public final class PulseStallBench {

    /** One run: the longest pulse gap per step (ms), overall, and the steps that did not finish. */
    public record Result(Map<String, Double> longestByStep, double longest, long pulses, List<String> unfinished,
                         Map<String, Double> longestCpuByStep, double longestCpu, Map<String, Double> shownByStep, Map<String, Double> doneByStep) {
    }

    /** Per step of the current run: ms until the first frame after the step began, and until its work was done. */
    private static final Map<String, Double> SHOWN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Double> DONE = new java.util.concurrent.ConcurrentHashMap<>();

    private PulseStallBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        if (System.getProperty("bench.display") == null) headless();
        startToolkit();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path dir = Files.createTempDirectory("baycover-pulse");
            SHOWN.clear();
            DONE.clear();
            Result r = run(dir, Lang.ZH_HK, 1.0);
            results.add(r);
            System.out.printf("run %d: longest gap %.0f ms over %d pulses%s%n", i + 1, r.longest(), r.pulses(),
                    r.unfinished().isEmpty() ? "" : ", unfinished: " + r.unfinished());
        }
        System.out.println();
        System.out.println("| step | on screen, ms (per run) | done, ms (per run) | longest pulse gap, ms (per run) | most FX-thread CPU in one gap, ms (per run) |");
        System.out.println("|---|---|---|---|---|");
        for (String step : results.get(0).longestByStep().keySet()) {
            StringBuilder line = new StringBuilder("| " + step + " |");
            for (Result r : results) line.append(String.format(" %.0f", r.shownByStep().getOrDefault(step, Double.NaN)));
            line.append(" |");
            for (Result r : results) line.append(String.format(" %.0f", r.doneByStep().getOrDefault(step, Double.NaN)));
            line.append(" |");
            for (Result r : results) line.append(String.format(" %.0f", r.longestByStep().getOrDefault(step, Double.NaN)));
            line.append(" |");
            for (Result r : results) line.append(String.format(" %.0f", r.longestCpuByStep().getOrDefault(step, Double.NaN)));
            System.out.println(line.append(" |"));
        }
        StringBuilder all = new StringBuilder("| **whole flow** | | |");
        for (Result r : results) all.append(String.format(" %.0f", r.longest()));
        all.append(" |");
        for (Result r : results) all.append(String.format(" %.0f", r.longestCpu()));
        System.out.println(all.append(" |"));
        Platform.exit();
        System.exit(results.stream().allMatch(r -> r.unfinished().isEmpty()) ? 0 : 1);
    }

    static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
    }

    /** Starts the toolkit unless it runs already (a test JVM that ran TestFX tests before). */
    static void startToolkit() throws InterruptedException {
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        Platform.setImplicitExit(false);
        if (!up.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the JavaFX toolkit did not start");
    }

    /** Runs the flow once on a fresh data folder; the toolkit must be running. */
    public static Result run(Path dataDir, Lang lang, double textScale) throws Exception {
        BayCover app = BayCover.open(dataDir, lang, ProgressMonitor.NONE);
        FxTaskRunner tasks = new FxTaskRunner();
        Settings settings = new Settings();
        settings.langProperty().set(lang);
        settings.fontScaleProperty().set(textScale);
        UiContext ctx = new UiContext(app, settings, tasks);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        PulseStallMonitor monitor = onFx(() -> new PulseStallMonitor(threads::getCurrentThreadCpuTime));
        AtomicReference<Stage> stage = new AtomicReference<>();
        AtomicReference<MainWindow> window = new AtomicReference<>();
        List<String> unfinished = new ArrayList<>();
        Thread sampler = Boolean.getBoolean("bench.stacks") ? sampler(monitor) : null;
        try {
            onFx(() -> {
                monitor.phase("start");
                monitor.start();
                return null;
            });
            Thread.sleep(100);
            onFx(() -> {
                MainWindow w = new MainWindow(ctx, Screen.COMPARE);
                Scene scene = new Scene(w, 1280, 800);
                Styles.apply(scene, settings);
                Stage s = new Stage();
                s.setScene(scene);
                s.show();
                stage.set(s);
                window.set(w);
                return null;
            });
            Catalog catalog = ctx.catalog();

            step(monitor, unfinished, "compare: 4 products", () -> {
                CompareView v = (CompareView) window.get().lookup("#compare-view");
                v.viewModel().picked().setAll(catalog.products().stream().limit(4).map(Product::id).toList());
            }, () -> ((CompareView) window.get().lookup("#compare-view")).viewModel().matrixProperty().get() != null);

            step(monitor, unfinished, "lookup: open + search", () -> {
                window.get().show(Screen.LOOKUP);
                LookupView v = (LookupView) window.get().lookup("#lookup-view");
                v.viewModel().queryProperty().set("Lorlatinib");
                v.viewModel().searchAndOpenFirst();
            }, () -> {
                LookupView v = (LookupView) window.get().lookup("#lookup-view");
                return v != null && !v.viewModel().searchingProperty().get() && v.viewModel().searchedProperty().get();
            });

            step(monitor, unfinished, "plans: open", () -> window.get().show(Screen.PLANS),
                    () -> window.get().lookup("#plan-view") != null);

            ClientFile.Read client = new ClientFile(lang, catalog, ctx.today()).read(Path.of("examples", "client.json"));
            step(monitor, unfinished, "plans: client + episode", () -> {
                PlanView v = (PlanView) window.get().lookup("#plan-view");
                v.viewModel().clientProperty().set(client.profile());
                Scenario first = v.viewModel().library().all().get(0);
                v.viewModel().run(first.id(), ScenarioRun.DEFAULT_EVENT_DAY, false);
            }, () -> {
                PlanView v = (PlanView) window.get().lookup("#plan-view");
                return v.viewModel().reportProperty().get() != null && !v.viewModel().analysingProperty().get();
            });

            step(monitor, unfinished, "plans: recommend", () -> {
                PlanView v = (PlanView) window.get().lookup("#plan-view");
                v.viewModel().recommend(new Recommendation.Options(null, null, null, 3));
            }, () -> {
                PlanView v = (PlanView) window.get().lookup("#plan-view");
                return v.viewModel().recommendationProperty().get() != null && !v.viewModel().busyProperty().get()
                        && !v.viewModel().analysingProperty().get();
            });

            step(monitor, unfinished, "gaps: open + matrix", () -> window.get().show(Screen.GAPS), () -> {
                GapsView v = (GapsView) window.get().lookup("#gaps-view");
                return v != null && v.viewModel().matrix() != null && !v.viewModel().busyProperty().get();
            });

            step(monitor, unfinished, "data: open", () -> window.get().show(Screen.DATA), () -> window.get().lookup("#data-view") != null);

            Path pdf = dataDir.resolve("proposal.pdf");
            step(monitor, unfinished, "proposal PDF", () -> {
                window.get().show(Screen.PLANS);
                PlanView v = (PlanView) window.get().lookup("#plan-view");
                v.viewModel().exportPdf(pdf);
            }, () -> {
                PlanView v = (PlanView) window.get().lookup("#plan-view");
                return !v.viewModel().busyProperty().get() && Files.exists(pdf);
            });

            step(monitor, unfinished, "language + text size", () -> {
                settings.langProperty().set(lang == Lang.EN ? Lang.ZH_HK : Lang.EN);
                settings.fontScaleProperty().set(1.5);
            }, () -> true);
        } finally {
            if (sampler != null) {
                sampler.interrupt();
                sampler.join(5000);
            }
            onFx(() -> {
                monitor.stop();
                if (stage.get() != null) stage.get().close();
                return null;
            });
            tasks.shutdown();
            app.close();
        }
        return onFx(() -> new Result(monitor.longestMillisByPhase(), monitor.longestMillis(), monitor.pulses(), List.copyOf(unfinished),
                monitor.longestCpuMillisByPhase(), monitor.longestCpuMillis(), Map.copyOf(SHOWN), Map.copyOf(DONE)));
    }

    /**
     * With {@code -Dbench.stacks}: samples the FX thread every 20 ms while a stall of more than 100 ms is in progress and
     * prints the BayCover frame it was in (a hint where the FX thread spends its time; not a figure).
     */
    private static Thread sampler(PulseStallMonitor monitor) {
        Thread fx = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("JavaFX Application Thread")).findFirst().orElseThrow();
        Thread t = new Thread(() -> {
            java.util.Map<String, Integer> hits = new java.util.TreeMap<>();
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(20);
                    if (monitor.nanosSinceLastPulse() < 100_000_000L) continue;
                    StackTraceElement[] st = fx.getStackTrace();
                    StringBuilder where = new StringBuilder();
                    int n = 0;
                    for (StackTraceElement e : st) {
                        if (e.getClassName().startsWith("hk.baycover") && n++ < 4) where.append(e.getClassName().replace("hk.baycover.", "")).append('.').append(e.getMethodName()).append(':').append(e.getLineNumber()).append(" < ");
                    }
                    if (where.isEmpty() && st.length > 0) where.append(st[0]);
                    hits.merge(monitor.phase() + " | " + where, 1, Integer::sum);
                }
            } catch (InterruptedException done) {
                // the flow ended
            }
            System.out.println("stall samples: " + hits.values().stream().mapToInt(Integer::intValue).sum());
            // the five most frequent places per phase, phases in the order they ran
            java.util.Map<String, java.util.List<java.util.Map.Entry<String, Integer>>> byPhase = new java.util.LinkedHashMap<>();
            hits.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                    .forEach(e -> byPhase.computeIfAbsent(e.getKey().substring(0, e.getKey().indexOf(" | ")), k -> new java.util.ArrayList<>()).add(e));
            byPhase.forEach((phase, list) -> list.stream().limit(5)
                    .forEach(e -> System.out.println("stall sample x" + e.getValue() + ": " + e.getKey())));
        }, "pulse-stall-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Starts a step on the FX thread and waits (up to two minutes) until {@code done} holds there, then a few pulses more. */
    private static void step(PulseStallMonitor monitor, List<String> unfinished, String name, Runnable action, Callable<Boolean> done) throws Exception {
        long start = System.nanoTime();
        onFx(() -> {
            monitor.phase(name);
            action.run();
            // "on screen": the first pulse after the step began has laid the window out and handed its frame over
            javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing).findFirst().ifPresent(w ->
                    hk.baycover.ui.Pulses.afterNextPulse(w.getScene(), () -> SHOWN.put(name, (System.nanoTime() - start) / 1e6)));
            return null;
        });
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!onFx(done)) {
            if (System.nanoTime() > until) {
                unfinished.add(name);
                return;
            }
            Thread.sleep(5);
        }
        DONE.put(name, (System.nanoTime() - start) / 1e6);
        // let the screen lay out and paint what it got
        Thread.sleep(200);
    }

    /** Runs {@code work} on the FX thread and waits (up to two minutes) for its result (TestFX's asyncFx). */
    static <T> T onFx(Callable<T> work) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(work).get(2, TimeUnit.MINUTES);
    }
}
