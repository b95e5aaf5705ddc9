package hk.baycover.ui.gaps;

import com.fasterxml.jackson.databind.JsonNode;
import hk.baycover.app.BayCover;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.catalog.PackWriter;
import hk.baycover.cli.Cli;
import hk.baycover.gaps.CellSummary;
import hk.baycover.gaps.DraftPacks;
import hk.baycover.gaps.GapFixtures;
import hk.baycover.gaps.GapMatrix;
import hk.baycover.gaps.Segment;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Need;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.CatalogStore;
import hk.baycover.ui.Styles;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.FileDialogs;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.UiContext;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Gaps screen on a real data folder (the shipped packs, hand-built products imported, one saved draft), driven headless. */
@ExtendWith(ApplicationExtension.class)
class GapsViewTest {

    static Path dir;
    static Path data;
    GapsView view;
    BayCover app;
    Path saveTarget;

    @BeforeAll
    static void prepare() throws Exception {
        dir = Files.createTempDirectory("gaps-view-test");
        data = dir.resolve("data");
        Path pack = dir.resolve("test-products.json");
        hk.baycover.io.TestFiles.write(pack, o -> PackWriter.write(GapFixtures.pack("test-gap-products", GapFixtures.catalog()), o));
        try (BayCover a = BayCover.open(data, Lang.EN, ProgressMonitor.NONE)) {
            a.catalogStore().importFiles(List.of(pack), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            a.gapDrafts().save(DraftPacks.asSample(GapFixtures.dentalDraft("draft-gba-dental"), java.time.LocalDate.of(2026, 11, 29)), "t-sz-dental", false, null);
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Start
    void start(Stage stage) {
        app = BayCover.open(data, Lang.EN, ProgressMonitor.NONE);
        // every test starts from the saved draft switched off (the CLI comparison has no drafts)
        app.gapDrafts().list().forEach(d -> app.gapDrafts().setActive(d.id(), false));
        Settings settings = new Settings();
        settings.langProperty().set(Lang.EN);
        UiContext ctx = new UiContext(app, settings, new FxTaskRunner());
        ctx.setFileDialogs(new FileDialogs() {
            @Override
            public List<Path> openFiles(Window owner, String title, String filterName, String... extensions) { return List.of(); }

            @Override
            public Optional<Path> saveFile(Window owner, String title, String initialName, String filterName, String... extensions) {
                return Optional.ofNullable(saveTarget);
            }

            @Override
            public Optional<Path> chooseDirectory(Window owner, String title) { return Optional.empty(); }
        });
        view = new GapsView(ctx);
        Scene scene = new Scene(view, 1260, 780);
        Styles.apply(scene, settings);
        stage.setScene(scene);
        stage.show();
    }

    void waitForMatrix() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.viewModel().matrix() != null && !view.viewModel().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The map makes labels only for what is in view: scroll a cell into view and return its label. */
    Label reveal(FxRobot robot, Segment s, Need n) {
        Label l;
        try {
            l = WaitForAsyncUtils.asyncFx(() -> view.heatMap().reveal(s, n)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(l, "cell " + s.id() + " " + n);
        return l;
    }

    Segment segment(String id) {
        return view.viewModel().matrix().segments().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void opensACellAndTogglesADraft(FxRobot robot) throws Exception {
        waitForMatrix();
        Segment s = segment("65-74|OTHER_GBA|NO_SZ|NONE");
        Label cell = reveal(robot, s, Need.DENTAL);
        assertEquals("cell-" + s.index() + "-DENTAL", cell.getId());
        assertEquals("✕ 0", cell.getText());
        assertTrue(cell.getStyleClass().contains("cover-none"));
        assertTrue(cell.getAccessibleText().contains("Dental"), cell.getAccessibleText());

        // open it from the keyboard: focus, Enter
        robot.interact(cell::requestFocus);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label title = robot.lookup("#detail-title").queryAs(Label.class);
        assertTrue(title.getText().contains("Ages 65–74") && title.getText().contains("Dental"), title.getText());
        assertNotNull(robot.lookup("#detail-group-NOT_IN_REGION").tryQuery().orElse(null), "the Shenzhen-only dental plan fails on region");
        assertTrue(robot.lookup("#detail-failure-t-sz-dental").queryAs(Label.class).getText().contains("does not apply in GBA Mainland cities"));
        assertTrue(robot.lookup("#detail-group-NO_BENEFIT").tryQuery().isPresent());

        // a covered cell, opened with the mouse after moving there with the arrow keys
        Segment sz = segment("18-39|SHENZHEN|SZ|NONE");
        Label inpatient = reveal(robot, sz, Need.INPATIENT);
        // 35 = the 33 shipped inpatient plans that publish entry ages open to a healthy 18-39 Shenzhen resident with Shenzhen
        // insurance, plus t-sz-basic and t-hk-medical (counted from the pack, as in GapsCommandTest; plans whose entry ages
        // are not published, and trip cover for a Shenzhen resident, are "to be confirmed", not cover)
        assertEquals("● 35", inpatient.getText());
        robot.interact(inpatient::requestFocus);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#detail-product-t-hk-medical").queryAs(Label.class).getText().contains("from HKD 1,000 a year"));
        assertTrue(robot.lookup("#detail-product-t-sz-basic").queryAs(Label.class).getText().contains("Premium paid by contribution rules")
                || robot.lookup("#detail-product-t-sz-basic").queryAs(Label.class).getText().contains("contribution"));
        robot.type(KeyCode.RIGHT);
        Node focused = robot.interact(() -> inpatient.getScene().getFocusOwner()) == null ? null : inpatient.getScene().getFocusOwner();
        assertEquals("cell-" + sz.index() + "-SPECIALIST_OUTPATIENT".replace("SPECIALIST_OUTPATIENT", Need.values()[1].name()), focused.getId());

        // switch the saved draft on: the Other-GBA dental cells close, and the diff lists them
        robot.clickOn(robot.lookup(".tab").match(n -> n.lookup(".tab-label") instanceof Label
                && "What-if".equals(((Label) n.lookup(".tab-label")).getText())).<Node>query());
        robot.clickOn("#draft-on-draft-gba-dental");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.viewModel().diffProperty().get() != null
                && !view.viewModel().diffProperty().get().isEmpty() && !view.viewModel().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        cell = reveal(robot, s, Need.DENTAL);
        assertEquals("● 1 +", cell.getText());
        assertTrue(cell.getStyleClass().contains("gap-changed"));
        int otherGba = (int) view.viewModel().matrix().segments().stream().filter(x -> x.livesIn() == LivingPlace.OTHER_GBA).count();
        assertEquals(42, otherGba);
        String summary = robot.lookup("#diff-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("Closes 42 cells"), summary);
        assertTrue(robot.lookup("#diff-list").queryListView().getItems().size() >= 42);
        assertTrue(app.gapDrafts().get("draft-gba-dental").orElseThrow().active() || waitActive(true), "the switch is saved");

        // and off again: back to the base matrix
        robot.clickOn("#draft-on-draft-gba-dental");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.viewModel().diffProperty().get().isEmpty() && !view.viewModel().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("✕ 0", reveal(robot, s, Need.DENTAL).getText());
        assertTrue(waitActive(false));
    }

    private boolean waitActive(boolean on) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.gapDrafts().get("draft-gba-dental").orElseThrow().active() == on);
        return true;
    }

    @Test
    void opensOnTheAgesNorthboundRetireesAreIn(FxRobot robot) throws Exception {
        waitForMatrix();
        for (int i = 0; i < 3; i++) {
            java.util.concurrent.CountDownLatch pulse = new java.util.concurrent.CountDownLatch(1);
            robot.interact(() -> hk.baycover.ui.Pulses.afterNextPulse(view.getScene(), pulse::countDown));
            assertTrue(pulse.await(10, TimeUnit.SECONDS));
        }
        String group = view.viewModel().groupLabel(segment("55-64|HONG_KONG|NO_SZ|NONE"));
        Label title = robot.lookup(".heat-map .group-header").match(Node::isVisible)
                .match(n -> group.equals(((Label) n).getText())).queryAs(Label.class);
        javafx.scene.control.ScrollPane sp = robot.lookup("#heat-map-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        double top = (view.heatMap().getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight()) * sp.getVvalue();
        // the 55-64 group's title sits right under the frozen column headers
        assertEquals(top + view.heatMap().headerHeight(), title.getLayoutY(), 2.0, "scrolled to " + top);
    }

    @Test
    void arrowKeysWalkOutOfViewAndTheMapFollows(FxRobot robot) throws Exception {
        waitForMatrix();
        List<Segment> rows = view.viewModel().visibleSegments();
        Label first = reveal(robot, rows.get(0), Need.DENTAL);
        robot.interact(first::requestFocus);
        double before = robot.lookup("#heat-map-scroll").queryAs(javafx.scene.control.ScrollPane.class).getVvalue();
        int steps = 40; // far more rows than a 780-pixel window shows
        for (int i = 0; i < steps; i++) {
            robot.type(KeyCode.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
        Node focused = robot.interact(() -> first.getScene().getFocusOwner()) == null ? null : first.getScene().getFocusOwner();
        assertNotNull(focused);
        assertEquals("cell-" + rows.get(steps).index() + "-DENTAL", focused.getId());
        assertTrue(focused.isVisible());
        double after = robot.lookup("#heat-map-scroll").queryAs(javafx.scene.control.ScrollPane.class).getVvalue();
        assertTrue(after > before, "the map scrolled with the keyboard: " + before + " -> " + after);
        // and the labels made stay about a screenful
        assertTrue(view.heatMap().shownCellCount() < 600, "cells made: " + view.heatMap().shownCellCount());
    }

    @Test
    void heatMapShowsTheCliNumbers(FxRobot robot) throws Exception {
        waitForMatrix();
        StringWriter out = new StringWriter();
        int code = Cli.run(new String[] {"--data-dir", data.toString(), "gaps", "--json", "--lang", "en"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        JsonNode root = CatalogJson.mapper().readTree(out.toString());
        GapMatrix m = view.viewModel().matrix();
        assertEquals(root.get("cells").size(), m.cellCount());
        // every cell as the map shows it, scrolling through the map as a user would (the map makes labels only for
        // what is in view)
        Map<String, String> texts = WaitForAsyncUtils.asyncFx(() -> {
            Map<String, String> shownTexts = new HashMap<>();
            for (Need n : m.needs()) { // down each column: the map scrolls a row at a time
                for (Segment s : view.viewModel().visibleSegments()) {
                    Label l = view.heatMap().labelFor(s, n);
                    if (l == null) l = view.heatMap().reveal(s, n);
                    shownTexts.put("cell-" + s.index() + "-" + n.name(), l.getId() + "=" + l.getText());
                }
            }
            return shownTexts;
        }).get(60, TimeUnit.SECONDS);
        int compared = 0;
        for (JsonNode c : root.get("cells")) {
            Segment s = segment(c.get("segment").asText());
            Need n = Need.valueOf(c.get("need").asText());
            CellSummary shown = m.cell(s, n);
            assertEquals(c.get("level").asText(), shown.level().name());
            assertEquals(c.get("covering").asInt(), shown.covering());
            JsonNode cheapest = c.get("cheapest");
            if (cheapest == null) assertEquals(null, shown.cheapest());
            else assertEquals(0, cheapest.get("amount").decimalValue().compareTo(shown.cheapest().annual().amount()));
            String id = "cell-" + s.index() + "-" + n.name();
            String text = texts.get(id);
            assertEquals(id + "=" + HeatMap.text(shown, false), text);
            String label = text.substring(id.length() + 1);
            assertTrue(label.startsWith(CoverageLevel.valueOf(c.get("level").asText()) == CoverageLevel.NONE ? "✕" : c.get("level").asText().equals("FULL") ? "●" : "◐"));
            assertTrue(label.contains(" " + c.get("covering").asInt()));
            compared++;
        }
        assertEquals(2016, compared);
    }

    @Test
    void filtersPivotPaletteAndExports(FxRobot robot) throws Exception {
        waitForMatrix();
        assertEquals(2016, view.heatMap().cellCount());
        // virtual: labels exist only for about a screenful of the 2,016 cells
        int live = robot.lookup(".heat-map .gap-cell").match(Node::isVisible).queryAll().size();
        assertEquals(live, view.heatMap().shownCellCount());
        assertTrue(live > 16 && live < 600, "cells made: " + live);
        robot.clickOn("#uncovered-only");
        WaitForAsyncUtils.waitForFxEvents();
        for (Node n : robot.lookup(".heat-map .gap-cell").match(Node::isVisible).queryAll()) {
            assertNotNull(n.getId());
            assertTrue(((Label) n).getText().startsWith("✕"), "uncovered only: " + ((Label) n).getText());
        }
        int shown = robot.lookup(".heat-map .gap-cell").match(Node::isVisible).queryAll().size();
        assertTrue(shown > 0);
        robot.interact(() -> robot.lookup("#swap-axes").queryAs(javafx.scene.control.ToggleButton.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.viewModel().swapAxesProperty().get());
        assertTrue(robot.lookup("#row-DENTAL").tryQuery().isPresent(), "needs are now rows");
        robot.clickOn("#palette-cb");
        assertTrue(view.getStyleClass().contains("palette-cb"));
        robot.interact(() -> robot.lookup("#swap-axes").queryAs(javafx.scene.control.ToggleButton.class).fire());
        robot.clickOn("#uncovered-only");

        saveTarget = dir.resolve("exports").resolve("map.png");
        Files.createDirectories(saveTarget.getParent());
        robot.clickOn("#export-png");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(saveTarget));
        byte[] png = Files.readAllBytes(saveTarget);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);

        saveTarget = dir.resolve("exports").resolve("map.csv");
        robot.clickOn("#export-csv");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(saveTarget));
        assertEquals(2017, Files.readAllLines(saveTarget).size());
    }

    @Test
    void draftFormNamesBadFieldsThenSaves(FxRobot robot) throws Exception {
        waitForMatrix();
        robot.clickOn(robot.lookup(".tab").match(n -> n.lookup(".tab-label") instanceof Label
                && "What-if".equals(((Label) n.lookup(".tab-label")).getText())).<Node>query());
        robot.clickOn("#draft-new");
        WaitForAsyncUtils.waitForFxEvents();
        TextField id = robot.lookup("#draft-id").queryAs(TextField.class);
        assertTrue(id.getText().startsWith("draft-"));
        robot.interact(() -> {
            id.setText("draft-elder-care");
            robot.lookup("#draft-max-age").queryAs(TextField.class).setText("old");
        });
        robot.interact(() -> robot.lookup("#draft-save").queryButton().fire());
        String errors = robot.lookup("#draft-errors").queryAs(Label.class).getText();
        assertTrue(errors.contains("Maximum entry age: \"old\" is not an age"), errors);
        assertTrue(errors.contains("add at least one benefit"), errors);

        robot.interact(() -> {
            robot.lookup("#draft-max-age").queryAs(TextField.class).setText("90");
            robot.lookup("#draft-min-age").queryAs(TextField.class).setText("95");
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<Need> need = robot.lookup("#draft-need").queryAs(javafx.scene.control.ComboBox.class);
            need.setValue(Need.RESIDENTIAL_CARE);
            robot.lookup("#draft-limit").queryAs(TextField.class).setText("120000");
            robot.lookup("#draft-benefit-add").queryButton().fire();
            robot.lookup("#draft-premiums").queryAs(javafx.scene.control.TextArea.class).setText("0-99 9000");
            robot.lookup("#draft-save").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.viewModel().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        errors = robot.lookup("#draft-errors").queryAs(Label.class).getText();
        assertTrue(errors.contains("/products/0/eligibility/maxEntryAge") && errors.contains("reversed"), errors);
        assertTrue(app.gapDrafts().get("draft-elder-care").isEmpty(), "nothing saved");

        robot.interact(() -> {
            robot.lookup("#draft-min-age").queryAs(TextField.class).setText("60");
            robot.lookup("#draft-save").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.gapDrafts().get("draft-elder-care").isPresent());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.viewModel().drafts().stream().anyMatch(d -> d.product().id().equals("draft-elder-care")));
        assertTrue(app.gapDrafts().get("draft-elder-care").orElseThrow().product().sample());
        List<String> ids = new ArrayList<>();
        view.viewModel().drafts().forEach(d -> ids.add(d.product().id()));
        assertTrue(ids.contains("draft-elder-care"));
        assertFalse(app.gapDrafts().get("draft-elder-care").orElseThrow().product().benefits().isEmpty());
        robot.interact(() -> app.gapDrafts().delete("draft-elder-care"));
    }
}
