package hk.baycover.ui.compare;

import hk.baycover.app.BayCover;
import hk.baycover.compare.CompareFixtures;
import hk.baycover.compare.ComparisonMatrix;
import hk.baycover.model.Lang;
import hk.baycover.ui.Styles;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.FileDialogs;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.UiContext;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static hk.baycover.compare.CompareFixtures.BOCG;
import static hk.baycover.compare.CompareFixtures.HSBC;
import static hk.baycover.compare.CompareFixtures.PICC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Compare screen on a real data folder, driven headless by TestFX: pick by keyboard and mouse, differences, age filter, export, pins. */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {

    @TempDir
    static Path dir;
    static BayCover app;
    static FxTaskRunner background;
    private CompareView view;
    private Settings settings;
    private Path saved;

    @BeforeAll
    static void openData() {
        app = CompareFixtures.open(dir.resolve("data"));
        background = new FxTaskRunner();
    }

    @AfterAll
    static void stop() {
        background.shutdown();
    }

    @Start
    void start(Stage stage) {
        settings = new Settings();
        settings.langProperty().set(Lang.EN);
        UiContext ctx = new UiContext(app, settings, background);
        ctx.setFileDialogs(new FileDialogs() {
            @Override
            public List<Path> openFiles(Window owner, String title, String filterName, String... extensions) {
                return List.of();
            }

            @Override
            public Optional<Path> saveFile(Window owner, String title, String initialName, String filterName, String... extensions) {
                saved = dir.resolve(System.nanoTime() + "-" + initialName);
                return Optional.of(saved);
            }

            @Override
            public Optional<Path> chooseDirectory(Window owner, String title) {
                return Optional.empty();
            }
        });
        view = new CompareView(ctx);
        Scene scene = new Scene(view, 1200, 760);
        Styles.apply(scene, settings);
        stage.setScene(scene);
        stage.show();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private TableView<CompareView.Line> matrix(FxRobot robot) {
        return robot.lookup("#compare-matrix").queryAs(TableView.class);
    }

    /** Scrolls the matrix to a row (the table only renders visible rows) and returns the cell for a product. */
    private TableCell<?, ?> cell(FxRobot robot, String key, String productId) {
        TableView<CompareView.Line> table = matrix(robot);
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                CompareView.Line l = table.getItems().get(i);
                if (!l.heading() && l.row().key().equals(key)) table.scrollTo(i);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#cell-" + CompareView.safeId(key) + "-" + CompareView.safeId(productId)).queryAs(TableCell.class);
    }

    /** Types into the search field (replacing what is there), moves into the list and ticks the first hit with Space. */
    private void pickByKeyboard(FxRobot robot, String query) {
        TextField search = robot.lookup("#compare-search").queryAs(TextField.class);
        robot.clickOn(search);
        robot.interact(search::clear);
        robot.write(query);
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.SPACE);
    }

    @Test
    void pickThreeByKeyboardAndMouseToggleOnlyDifferencesAndFilterByAge(FxRobot robot) throws Exception {
        int n = app.catalog().products().size();
        assertEquals(n + " of " + n + " shown", text(robot, "#compare-shown"));
        pickByKeyboard(robot, HSBC);
        assertEquals("1 of " + n + " shown", text(robot, "#compare-shown"));
        pickByKeyboard(robot, BOCG);
        assertEquals(List.of(HSBC, BOCG), view.viewModel().pickedIds());
        // the third by mouse, after clearing the search
        robot.interact(() -> robot.lookup("#compare-search").queryAs(TextField.class).setText(PICC));
        WaitForAsyncUtils.waitForFxEvents();
        // the list recycles cells: click the check box of the cell that is actually shown
        javafx.scene.Node check = robot.lookup("#check-" + PICC).match(node -> {
            for (javafx.scene.Node p = node; p != null; p = p.getParent()) if (!p.isVisible()) return false;
            return true;
        }).query();
        robot.clickOn(check);
        assertEquals(List.of(HSBC, BOCG, PICC), view.viewModel().pickedIds());
        assertEquals("3 selected (pick 2–6)", text(robot, "#compare-selected"));

        TableView<CompareView.Line> table = matrix(robot);
        assertTrue(table.isVisible());
        assertEquals(List.of("col-dimension", "col-" + HSBC, "col-" + BOCG, "col-" + PICC), table.getColumns().stream().map(TableColumn::getId).toList());
        int all = table.getItems().size();
        ComparisonMatrix m = view.viewModel().matrixProperty().get();
        assertTrue(text(robot, "#compare-rows-shown").startsWith(m.rows().size() + " of " + m.rows().size()));

        // a differing cell is highlighted, a sample figure is badged, and the tooltip names the source and as-of date
        TableCell<?, ?> limit = cell(robot, "benefit.INPATIENT.annualLimit", BOCG);
        assertTrue(limit.getStyleClass().contains("diff-cell"));
        assertNotNull(limit.getTooltip());
        String tip = limit.getTooltip().getText();
        assertTrue(tip.contains("https://www.10life.com/en/blog/Comparison-of-Cross-Border-Medical-Insurance"), tip);
        assertTrue(tip.contains("As of 2025-05-15"), tip);
        TableCell<?, ?> sample = cell(robot, "benefit.INPATIENT.annualLimit", PICC);
        assertTrue(sample.getStyleClass().contains("sample-cell"));
        assertTrue(sample.lookupAll(".sample-badge").stream().anyMatch(node -> node.isVisible() && "Sample figure".equals(((Label) node).getText())));
        TableCell<?, ?> same = cell(robot, "service.languages", HSBC);
        assertFalse(same.getStyleClass().contains("diff-cell"));
        assertTrue(same.getStyleClass().contains("not-published"));

        // keyboard users see the focused cell's source under the table
        robot.interact(() -> {
            int rowIndex = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                CompareView.Line l = table.getItems().get(i);
                if (!l.heading() && l.row().key().equals("benefit.INPATIENT.annualLimit")) rowIndex = i;
            }
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(rowIndex, table.getColumns().get(2));
            table.getFocusModel().focus(rowIndex, table.getColumns().get(2));
        });
        WaitForAsyncUtils.waitForFxEvents();
        String source = text(robot, "#compare-cell-source");
        assertTrue(source.contains("BOCG GBA Medical Protection Plan") && source.contains("2025-05-15"), source);

        // only differences
        robot.clickOn("#compare-only-diff");
        assertTrue(view.viewModel().onlyDifferencesProperty().get());
        assertTrue(table.getItems().size() < all);
        assertTrue(table.getItems().stream().filter(l -> !l.heading()).allMatch(l -> l.row().differs()));
        assertTrue(text(robot, "#compare-rows-shown").startsWith(m.differingRows().size() + " of " + m.rows().size()));
        robot.clickOn("#compare-only-diff");
        assertEquals(all, table.getItems().size());

        // a client aged 85: HSBC's VHIS takes entrants up to 80, so it is greyed out and the reason shown
        robot.clickOn("#compare-age").write("85");
        WaitForAsyncUtils.waitForFxEvents();
        String line = text(robot, "#compare-eligibility");
        assertTrue(line.contains("HSBC VHIS Standard Plan — Age 85 is above the maximum entry age 80"), line);
        Label header = robot.lookup("#header-" + HSBC).queryAs(Label.class);
        assertTrue(header.getStyleClass().contains("ineligible-header"));
        assertTrue(header.getTooltip().getText().contains("Age 85 is above the maximum entry age 80"));
        assertTrue(cell(robot, "benefit.INPATIENT.annualLimit", HSBC).getStyleClass().contains("ineligible"));
        assertFalse(cell(robot, "benefit.INPATIENT.annualLimit", BOCG).getStyleClass().contains("ineligible"));
        // a bad age is flagged, not guessed
        robot.type(KeyCode.BACK_SPACE).type(KeyCode.BACK_SPACE).write("abc");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#compare-client-error").queryAs(Label.class).isVisible());
        assertFalse(view.viewModel().matrixProperty().get().request().hasClient());
    }

    @Test
    void exportPdfAndCsvThroughTheFileDialog(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.viewModel().toggle(PICC);
            view.viewModel().toggle(BOCG);
            settings.langProperty().set(Lang.ZH_HK);
        });
        assertEquals("跨境通行保·北上醫無憂\n商業醫療保險", robot.lookup("#header-" + PICC).queryAs(Label.class).getText());
        robot.clickOn("#compare-export-pdf");
        await(() -> saved != null && Files.exists(saved) && !view.viewModel().busyProperty().get());
        Path pdf = saved;
        assertTrue(text(robot, "#compare-outcome").contains(pdf.toString()));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String t = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(t.contains("跨境通行保·北上醫無憂") && t.contains("中銀大灣區醫療保障計劃－卓越計劃"));
            assertTrue(t.contains("[示例數字]"));
        }
        saved = null;
        robot.clickOn("#compare-export-csv");
        await(() -> saved != null && Files.exists(saved) && !view.viewModel().busyProperty().get());
        byte[] b = Files.readAllBytes(saved);
        assertEquals((byte) 0xEF, b[0]);
        assertTrue(new String(b, 3, b.length - 3, java.nio.charset.StandardCharsets.UTF_8).contains("中銀大灣區醫療保障計劃"));
    }

    @Test
    void pinAComparisonAndReopenItLater(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.viewModel().toggle(BOCG);
            view.viewModel().toggle(HSBC);
        });
        robot.clickOn("#compare-age").write("70");
        robot.clickOn("#compare-only-diff");
        int before = view.viewModel().pins().size();
        robot.clickOn("#compare-pin");
        await(() -> view.viewModel().pins().size() == before + 1);
        assertTrue(text(robot, "#compare-outcome").startsWith("Pinned"));
        // start over, then reopen the pin
        robot.clickOn("#compare-clear");
        robot.interact(() -> {
            view.viewModel().ageTextProperty().set("");
            view.viewModel().onlyDifferencesProperty().set(false);
        });
        assertEquals(null, view.viewModel().matrixProperty().get());
        @SuppressWarnings("unchecked")
        ComboBox<hk.baycover.model.PinnedComparison> pins = robot.lookup("#compare-pins").queryAs(ComboBox.class);
        robot.interact(() -> pins.setValue(view.viewModel().pins().get(0)));
        robot.clickOn("#compare-open-pin");
        assertEquals(List.of(BOCG, HSBC), view.viewModel().pickedIds());
        assertEquals("70", view.viewModel().ageTextProperty().get());
        assertTrue(view.viewModel().onlyDifferencesProperty().get());
        assertNotNull(view.viewModel().matrixProperty().get());
        // a seventh product is refused with a message
        robot.interact(() -> {
            for (String id : List.of(PICC, CompareFixtures.AXA, CompareFixtures.HUIMINBAO, CompareFixtures.RCSGD)) view.viewModel().toggle(id);
        });
        assertEquals(6, view.viewModel().pickedIds().size());
        robot.interact(() -> view.viewModel().clearSelection());
        robot.interact(() -> {
            for (String id : List.of(PICC, BOCG, HSBC, CompareFixtures.AXA, CompareFixtures.HUIMINBAO, CompareFixtures.RCSGD)) view.viewModel().toggle(id);
        });
        robot.interact(() -> view.viewModel().toggle("extra-one"));
        assertEquals("At most 6 products can be compared at once; untick one first.", text(robot, "#compare-outcome"));
    }
}
