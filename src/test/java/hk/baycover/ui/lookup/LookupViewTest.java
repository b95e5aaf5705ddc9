package hk.baycover.ui.lookup;

import hk.baycover.app.BayCover;
import hk.baycover.lookup.LookupHit;
import hk.baycover.lookup.ResultKind;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.ui.Styles;
import hk.baycover.ui.common.FxTaskRunner;
import hk.baycover.ui.common.FileDialogs;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.UiContext;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lookup screen driven by keyboard alone, on a real data folder seeded with the shipped packs (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class LookupViewTest {

    @TempDir
    static Path dataDir;
    static BayCover app;
    static FxTaskRunner background;
    private LookupView view;
    private Settings settings;
    private Path exported;

    @BeforeAll
    static void openData() {
        app = BayCover.open(dataDir, Lang.EN, ProgressMonitor.NONE);
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
                return Optional.of(exported = dataDir.resolve(initialName));
            }

            @Override
            public Optional<Path> chooseDirectory(Window owner, String title) {
                return Optional.empty();
            }
        });
        view = new LookupView(ctx);
        Scene scene = new Scene(view, 1100, 760);
        Styles.apply(scene, settings);
        stage.setScene(scene);
        stage.show();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private ListView<LookupHit> results(FxRobot robot) {
        return robot.lookup("#lookup-results").queryAs(ListView.class);
    }

    private String detailText(FxRobot robot) {
        VBox box = (VBox) robot.lookup("#lookup-detail-title").queryAs(Label.class).getParent();
        return box.lookupAll(".label").stream().map(n -> ((Label) n).getText()).collect(Collectors.joining("\n"));
    }

    @Test
    void typeMoveOpenAndClearWithTheKeyboardAlone(FxRobot robot) throws Exception {
        TextField query = robot.lookup("#lookup-query").queryAs(TextField.class);
        await(query::isFocused);
        // type: results follow as you type, without pressing anything else
        robot.write("Shenzhen");
        ListView<LookupHit> list = results(robot);
        // wait for the last search of the typed word, not an earlier one (a later answer resets the selection)
        await(() -> list.getItems().size() > 3 && !view.viewModel().isPending());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, list.getSelectionModel().getSelectedIndex());
        assertTrue(query.isFocused(), "focus stays in the search field");
        // ↓ moves in the results, ↑ back
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN);
        assertEquals(2, list.getSelectionModel().getSelectedIndex());
        robot.type(KeyCode.UP);
        assertEquals(1, list.getSelectionModel().getSelectedIndex());
        LookupHit chosen = list.getSelectionModel().getSelectedItem();
        // Enter opens the detail of the selected result
        robot.type(KeyCode.ENTER);
        await(() -> robot.lookup("#lookup-detail-title").tryQuery().isPresent());
        assertEquals(chosen.name().en(), robot.lookup("#lookup-detail-title").queryAs(Label.class).getText());
        // Esc clears the query, the list and the detail
        robot.type(KeyCode.ESCAPE);
        await(() -> list.getItems().isEmpty() && robot.lookup("#lookup-detail-empty").tryQuery().isPresent());
        assertEquals("", query.getText());
    }

    @Test
    void traditionalChineseFindsLorlatinibAndTheDetailListsItsInstitutions(FxRobot robot) throws Exception {
        robot.clickOn("#lookup-query").write("勞拉替尼");
        ListView<LookupHit> list = results(robot);
        await(() -> !list.getItems().isEmpty() && list.getItems().get(0).id().equals("lorlatinib"));
        Label count = robot.lookup("#lookup-count").queryAs(Label.class);
        await(() -> count.getText().equals("1 found"));
        robot.type(KeyCode.ENTER);
        await(() -> robot.lookup("#lookup-detail-approvals").tryQuery().isPresent());
        String detail = detailText(robot);
        assertTrue(detail.contains("The University of Hong Kong-Shenzhen Hospital"), detail);
        assertTrue(detail.contains("Zhongshan Chenxinghai Hospital"), detail);
        assertTrue(detail.contains("Zhongshan"), detail);
        assertTrue(detail.contains("Sources"), detail);
        assertTrue(detail.contains("http"), "source URLs shown as text: " + detail);
        assertTrue(detail.contains("Which insurance products and schemes pay for it"), detail);
        assertTrue(detail.contains("State cover for such items") && detail.contains("Exclude them") && detail.contains("Say nothing about them"),
                "each product's stance on the item, grouped: " + detail);
        // copy as text: the clipboard gets the same detail
        robot.clickOn("#lookup-copy");
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertTrue(copied[0] != null && copied[0].startsWith("Lorlatinib\n") && copied[0].contains("Zhongshan Chenxinghai Hospital"), String.valueOf(copied[0]));
        assertEquals("Copied to the clipboard.", robot.lookup("#lookup-message").queryAs(Label.class).getText());
        // the language switch re-renders the open detail
        robot.interact(() -> settings.langProperty().set(Lang.ZH_HK));
        await(() -> robot.lookup("#lookup-detail-title").queryAs(Label.class).getText().equals("勞拉替尼"));
        assertTrue(detailText(robot).contains("中山陳星海醫院"));
        assertFalse(detailText(robot).contains("Research"), "the English research remarks are not shown on a Chinese screen");
    }

    @Test
    void twoCharactersAndKindFilter(FxRobot robot) throws Exception {
        robot.clickOn("#lookup-query").write("耳蜗");
        ListView<LookupHit> list = results(robot);
        await(() -> list.getItems().stream().anyMatch(h -> "新型人工耳蜗".equals(h.name().zhHans())));
        robot.interact(() -> view.viewModel().kindProperty().set(ResultKind.DRUG));
        await(() -> list.getItems().isEmpty() && view.viewModel().searchedProperty().get() && !view.viewModel().searchingProperty().get());
        assertEquals("Nothing found. Try fewer characters, another spelling, or clear the filters.", robot.lookup("#lookup-count").queryAs(Label.class).getText());
        robot.clickOn("#lookup-clear-filters");
        await(() -> !list.getItems().isEmpty());
    }

    @Test
    void enterRightAfterTypingOpensTheFirstResultOfWhatWasTyped(FxRobot robot) throws Exception {
        robot.clickOn("#lookup-query").write("耳蝸").type(KeyCode.ENTER);
        await(() -> robot.lookup("#lookup-detail-title").tryQuery().isPresent());
        assertEquals("New-type cochlear implant", robot.lookup("#lookup-detail-title").queryAs(Label.class).getText());
    }

    @Test
    void institutionDetailShowsItemsDesignationAndVoucher(FxRobot robot) throws Exception {
        robot.clickOn("#lookup-query").write("HKU-SZH");
        ListView<LookupHit> list = results(robot);
        await(() -> !list.getItems().isEmpty() && list.getItems().get(0).id().equals("hku-szh"));
        robot.type(KeyCode.ENTER);
        await(() -> robot.lookup("#lookup-detail-items").tryQuery().isPresent());
        String detail = detailText(robot);
        assertTrue(detail.contains("Lorlatinib"), detail);
        assertTrue(detail.contains("Batch 1"), detail);
        assertTrue(detail.contains("Elderly Health Care Voucher pilot"), detail);
        assertTrue(detail.contains("In the pilot since"), detail);
    }

    @Test
    void exportsTheResultListAsUtf8CsvWithBom(FxRobot robot) throws Exception {
        robot.clickOn("#lookup-query").write("醫院");
        ListView<LookupHit> list = results(robot);
        await(() -> list.getItems().size() > 5 && !view.viewModel().searchingProperty().get());
        int total = view.viewModel().totalProperty().get();
        robot.clickOn("#lookup-export");
        await(() -> exported != null && Files.exists(exported) && view.viewModel().messageProperty().get().startsWith("Wrote"));
        byte[] bytes = Files.readAllBytes(exported);
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertEquals(total + 1, lines.size(), "header plus every result");
        assertTrue(lines.get(0).startsWith("Kind,ID,"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("香港大學深圳醫院")));
        assertFalse(view.viewModel().messageIsErrorProperty().get());
    }

    @Test
    void aboutLineSaysHowMuchOfTheOfficialListIsCovered(FxRobot robot) {
        String about = robot.lookup("#lookup-about").queryAs(Label.class).getText();
        assertTrue(about.contains("The latest official count"), about);
        assertTrue(about.contains("Data as of"), about);
        assertTrue(about.matches(".*about \\d+ % of the approved items.*"), about);
    }
}
