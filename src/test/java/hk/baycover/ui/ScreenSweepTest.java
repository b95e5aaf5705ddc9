package hk.baycover.ui;

import hk.baycover.app.BayCover;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.Scenario;
import hk.baycover.planning.ClientFile;
import hk.baycover.planning.ScenarioRun;
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
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Cell;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every screen with realistic content (the shipped data, a client with an episode, four products compared, a lookup
 * result, an open gap cell) in each language and each text size, headless: writes
 * {@code target/screens/<screen>-<lang>-<size>.png} and fails when a label's or button's text is cut ("…"), a text is
 * a bundle key or an enum constant, a Chinese screen shows a text of the English bundle, or a text's colour against its
 * background is under 4.5:1 (WCAG 2.1 AA).
 */
class ScreenSweepTest {

    private static final Path OUT = Path.of("target", "screens");
    private static final Pattern BUNDLE_KEY = Pattern.compile("^[a-z][a-zA-Z]*(\\.[a-zA-Z0-9_]+)+$");
    private static final Pattern ENUM_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\\b");

    private static Path dir;
    private static BayCover app;
    private static FxTaskRunner tasks;
    private static CompareView compare;
    private static LookupView lookup;
    private static PlanView plan;
    private static GapsView gaps;
    /** English proper names (products, insurers, institutions, drugs and devices, source titles): allowed in Chinese. */
    private static Set<String> names = Set.of();
    private static final Pattern ENGLISH_SENTENCE = Pattern.compile("[A-Za-z]{2,}(?:[ ,;:'’()-]+[A-Za-z]{2,}){4,}");

    @BeforeAll
    static void open() throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException running) {
            up.countDown();
        }
        Platform.setImplicitExit(false);
        assertTrue(up.await(60, TimeUnit.SECONDS));
        dir = Files.createTempDirectory("baycover-sweep");
        app = BayCover.open(dir.resolve("data"), Lang.ZH_HK, ProgressMonitor.NONE);
        tasks = new FxTaskRunner();
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void close() {
        tasks.shutdown();
        app.close();
    }

    @Test
    void everyScreenInEveryLanguageAndTextSizeIsReadable() throws Exception {
        Settings settings = new Settings();
        settings.langProperty().set(Lang.ZH_HK);
        UiContext ctx = new UiContext(app, settings, tasks);
        Catalog catalog = ctx.catalog();
        assertTrue(catalog.products().size() >= 4, "the shipped data is seeded");
        Stage[] stage = new Stage[1];
        MainWindow window = fx(() -> {
            MainWindow w = new MainWindow(ctx, Screen.COMPARE);
            Scene scene = new Scene(w, 1280, 800);
            Styles.apply(scene, settings);
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            return w;
        });
        try {
            // realistic content on every screen
            fx(() -> {
                compare = (CompareView) window.lookup("#compare-view");
                compare.viewModel().picked().setAll(catalog.products().stream().limit(4).map(Product::id).toList());
                compare.viewModel().ageTextProperty().set("72");
                window.show(Screen.LOOKUP);
                lookup = (LookupView) window.lookup("#lookup-view");
                lookup.viewModel().queryProperty().set("Lorlatinib");
                lookup.viewModel().searchAndOpenFirst();
                window.show(Screen.PLANS);
                plan = (PlanView) window.lookup("#plan-view");
                ClientFile.Read client = new ClientFile(Lang.ZH_HK, catalog, ctx.today()).read(Path.of("examples", "client.json"));
                plan.form().load(client.profile(), client.language());
                Scenario first = plan.viewModel().library().all().get(0);
                plan.viewModel().run(first.id(), ScenarioRun.DEFAULT_EVENT_DAY, false);
                window.show(Screen.GAPS);
                gaps = (GapsView) window.lookup("#gaps-view");
                return null;
            });
            waitFor(() -> gaps.viewModel().matrix() != null && !gaps.viewModel().busyProperty().get());
            fx(() -> gaps.viewModel().open(0, 0));
            waitFor(() -> compare.viewModel().matrixProperty().get() != null && lookup.viewModel().detailProperty().get() != null
                    && plan.viewModel().reportProperty().get() != null);

            List<String> problems = new ArrayList<>();
            names = properNames(catalog);
            // English first: a Chinese screen after it shows whatever the switch left behind
            for (Lang lang : List.of(Lang.EN, Lang.ZH_HK, Lang.ZH_CN)) {
                for (double scale : Settings.FONT_SCALES) {
                    for (Screen screen : Screen.values()) {
                        String name = screen.name().toLowerCase(Locale.ROOT) + "-" + lang.tag() + "-" + Math.round(scale * 100);
                        fx(() -> {
                            settings.langProperty().set(lang);
                            settings.fontScaleProperty().set(scale);
                            window.show(screen);
                            return null;
                        });
                        settle(window);
                        WritableImage image = fx(() -> window.getScene().snapshot(null));
                        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", OUT.resolve(name + ".png").toFile());
                        for (String p : fx(() -> check(window, lang))) problems.add(name + ": " + p);
                    }
                }
            }
            // the colour-blind-safe palette of the gap map meets the same contrast rule
            fx(() -> {
                settings.langProperty().set(Lang.ZH_HK);
                settings.fontScaleProperty().set(1.0);
                gaps.viewModel().colourBlindProperty().set(true);
                window.show(Screen.GAPS);
                return null;
            });
            settle(window);
            WritableImage cb = fx(() -> window.getScene().snapshot(null));
            ImageIO.write(SwingFXUtils.fromFXImage(cb, null), "png", OUT.resolve("gaps-zh-HK-100-colourblind.png").toFile());
            for (String p : fx(() -> check(window, Lang.ZH_HK))) problems.add("gaps-zh-HK-100-colourblind: " + p);
            Files.write(OUT.resolve("problems.txt"), problems);
            assertEquals(List.of(), problems.stream().limit(60).toList(), problems.size() + " problems, all in target/screens/problems.txt");
        } finally {
            fx(() -> {
                stage[0].close();
                return null;
            });
        }
    }

    /** Waits until no background work of the screens runs, then for a few pulses. */
    private static void settle(MainWindow window) throws Exception {
        waitFor(() -> !compare.viewModel().comparingProperty().get() && !plan.viewModel().analysingProperty().get()
                && !plan.viewModel().busyProperty().get() && !gaps.viewModel().busyProperty().get()
                && !lookup.viewModel().searchingProperty().get());
        for (int i = 0; i < 3; i++) {
            CountDownLatch pulse = new CountDownLatch(1);
            Platform.runLater(() -> Pulses.afterNextPulse(window.getScene(), pulse::countDown));
            pulse.await(10, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ checks

    /** Everything wrong with what {@code root} shows now. */
    static List<String> check(MainWindow window, Lang lang) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> english = lang == Lang.EN ? Set.of() : englishOnly(lang);
        visit(window, n -> {
            if (n instanceof Labeled l && !(n instanceof Cell) && !insideCell(n)) {
                String full = l.getText();
                String shown = shownText(l);
                if (full != null && !full.isEmpty() && shown != null && !shown.equals(full) && (shown.endsWith("…") || shown.endsWith("...")))
                    out.add("cut: '" + oneLine(full) + "' shows as '" + oneLine(shown) + "' (" + describe(n) + ")");
            }
            String text = n instanceof Text t ? t.getText() : n instanceof Labeled l ? l.getText() : null;
            if (text == null || text.isBlank()) return;
            if (BUNDLE_KEY.matcher(text.strip()).matches()) out.add("bundle key shown: '" + text + "' (" + describe(n) + ")");
            if (ENUM_CODE.matcher(text).find()) out.add("enum code shown: '" + oneLine(text) + "' (" + describe(n) + ")");
            if (english.contains(text.strip())) out.add("English text in " + lang.tag() + ": '" + oneLine(text) + "' (" + describe(n) + ")");
            // a cited source (title and web address) names a document, and what the user typed is theirs: both may be English
            boolean citation = text.contains("http://") || text.contains("https://");
            boolean typed = false;
            for (Node p = n; p != null; p = p.getParent()) typed |= p instanceof javafx.scene.control.TextInputControl;
            if (lang != Lang.EN && !citation && !typed) {
                java.util.regex.Matcher m = ENGLISH_SENTENCE.matcher(text);
                while (m.find()) {
                    String found = m.group();
                    if (names.stream().noneMatch(nm -> nm.contains(found.strip()))) {
                        out.add("English words in " + lang.tag() + ": '" + oneLine(found) + "' in '" + oneLine(text) + "' (" + describe(n) + ")");
                        break;
                    }
                }
            }
            if (n instanceof Text t) {
                Double ratio = contrast(t);
                if (ratio != null && ratio < 4.5)
                    out.add(String.format(Locale.ROOT, "contrast %.2f:1: '%s' (%s)", ratio, oneLine(text), describe(n)));
            }
        });
        return List.copyOf(out);
    }

    private static Set<String> properNames(Catalog c) {
        Set<String> out = new HashSet<>();
        java.util.function.Consumer<hk.baycover.model.LocalizedText> add = t -> {
            if (t != null && t.en() != null) out.add(t.en());
        };
        for (Product p : c.products()) {
            add.accept(p.name());
            add.accept(p.provider());
            p.sources().forEach(src -> {
                if (src.title() != null) out.add(src.title());
            });
        }
        c.institutions().forEach(i -> add.accept(i.name()));
        c.items().forEach(i -> add.accept(i.name()));
        return out;
    }

    private static boolean insideCell(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) if (p instanceof Cell) return true;
        return false;
    }

    /** What the skin shows of a labeled control (its text node, clipped with an ellipsis when it does not fit). */
    private static String shownText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) if (c instanceof Text t) return t.getText();
        return null;
    }

    /** The English bundle's texts that the {@code lang} bundle never uses (shown in zh: an untranslated text). */
    private static Set<String> englishOnly(Lang lang) {
        Set<String> out = new HashSet<>();
        Set<String> own = new HashSet<>();
        for (String family : I18n.FAMILIES) {
            ResourceBundle zh = I18n.bundle(lang, family);
            for (Enumeration<String> keys = zh.getKeys(); keys.hasMoreElements(); ) own.add(zh.getString(keys.nextElement()).strip());
        }
        for (String family : I18n.FAMILIES) {
            ResourceBundle en = I18n.bundle(Lang.EN, family);
            for (Enumeration<String> keys = en.getKeys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                String v = en.getString(k).strip();
                if (v.length() < 3 || !v.matches(".*[a-z]{2,}.*") || v.contains("{")) continue;
                if (own.contains(v)) continue;
                out.add(v);
            }
        }
        return out;
    }

    /** Contrast of a visible text against the first opaque background behind it (null when it cannot be known). */
    static Double contrast(Text t) {
        if (!t.isVisible() || t.getOpacity() == 0 || t.getScene() == null || t.getText().isBlank()) return null;
        for (Node p = t; p != null; p = p.getParent()) if (!p.isVisible()) return null;
        Paint fill = t.getFill();
        if (!(fill instanceof Color fg)) return null;
        double opacity = 1;
        Color bg = null;
        for (Node p = t; p != null; p = p.getParent()) {
            opacity *= p.getOpacity();
            if (p != t && p instanceof Region r) {
                Color c = solid(r.getBackground());
                if (c != null) {
                    bg = c;
                    break;
                }
            }
        }
        if (bg == null) bg = Color.WHITE;
        Color shown = blend(fg, bg, opacity * fg.getOpacity());
        return ratio(shown, bg);
    }

    private static Color solid(Background b) {
        if (b == null || b.getFills().isEmpty()) return null;
        // the last opaque fill is what shows in the middle of a region
        for (int i = b.getFills().size() - 1; i >= 0; i--) {
            BackgroundFill f = b.getFills().get(i);
            if (f.getFill() instanceof Color c && c.getOpacity() > 0.9) return c;
            if (f.getFill() instanceof javafx.scene.paint.LinearGradient g && !g.getStops().isEmpty()) {
                Color a = g.getStops().get(0).getColor();
                Color z = g.getStops().get(g.getStops().size() - 1).getColor();
                if (a.getOpacity() > 0.9) return a.interpolate(z, 0.5);
            }
        }
        return null;
    }

    private static Color blend(Color fg, Color bg, double alpha) {
        return new Color(fg.getRed() * alpha + bg.getRed() * (1 - alpha), fg.getGreen() * alpha + bg.getGreen() * (1 - alpha),
                fg.getBlue() * alpha + bg.getBlue() * (1 - alpha), 1);
    }

    static double ratio(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static void visit(Node n, java.util.function.Consumer<Node> action) {
        if (!n.isVisible()) return;
        action.accept(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) visit(c, action);
        if (n instanceof ScrollPane s && s.getContent() != null && !((Parent) s).getChildrenUnmodifiable().contains(s.getContent())) visit(s.getContent(), action);
    }

    private static String describe(Node n) {
        StringBuilder b = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) b.append('#').append(n.getId());
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                b.append(" in #").append(p.getId());
                break;
            }
        }
        return b.toString();
    }

    private static String oneLine(String s) {
        String t = s.replace('\n', ' ');
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!fx(condition)) {
            if (System.nanoTime() > until) throw new AssertionError("the screens did not finish loading");
            Thread.sleep(25);
        }
    }

    /** Runs {@code work} on the FX thread and waits (up to two minutes) for its result (TestFX's asyncFx). */
    private static <T> T fx(Callable<T> work) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(work).get(2, TimeUnit.MINUTES);
    }
}
