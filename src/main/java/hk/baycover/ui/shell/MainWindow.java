package hk.baycover.ui.shell;

import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Map;

/**
 * The main window's content: navigation on the left (Ctrl+1…5), the current screen in the middle, language and text
 * size at the top, the dataset's as-of date in the status bar. Screens are built lazily on first visit.
 */
public final class MainWindow extends BorderPane {

    private final UiContext ctx;
    private final StackPane content = new StackPane();
    /**
     * The screen fills the window; when larger text needs more room than the window has, the screen keeps its minimum
     * size and scrolls (instead of being cut at the window's edge).
     */
    private final javafx.scene.control.ScrollPane room = new javafx.scene.control.ScrollPane(content);
    private final Map<Screen, Node> built = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
    private final ToggleGroup group = new ToggleGroup();

    public MainWindow(UiContext ctx, Screen first) {
        this.ctx = ctx;
        setId("main-window");
        getStyleClass().add("main-window");
        setTop(topBar());
        setLeft(navigation());
        content.getStyleClass().add("content");
        room.setFitToWidth(true);
        room.setFitToHeight(true);
        room.getStyleClass().add("screen-room");
        setCenter(room);
        setBottom(statusBar());
        show(first);
        ctx.tr().langProperty().addListener((o, a, b) -> {
            // every screen built so far (shown or not) redraws its drop-downs in the new language
            hk.baycover.ui.common.Localize.redraw(this);
            for (Node screen : built.values()) if (screen.getParent() == null) hk.baycover.ui.common.Localize.redraw(screen);
            fitSoon();
        });
        ctx.settings().fontScaleProperty().addListener((o, a, b) -> fitSoon());
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) return;
            fitSoon();
            Screen[] screens = Screen.values();
            for (int i = 0; i < screens.length; i++) {
                Screen s = screens[i];
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)), KeyCombination.SHORTCUT_DOWN), () -> show(s));
            }
        });
    }

    public void show(Screen screen) {
        Node node = built.computeIfAbsent(screen, s -> s.create(ctx));
        content.getChildren().setAll(node);
        fitSoon();
        ToggleButton b = buttons.get(screen);
        if (!b.isSelected()) b.setSelected(true);
    }

    /** After the next layout (skins exist then): every label and button of the shown screen keeps its whole text. */
    private void fitSoon() {
        if (getScene() == null) {
            hk.baycover.ui.common.Fit.sweep(this);
            hk.baycover.ui.common.Localize.placeholders(this, ctx.tr());
            return;
        }
        hk.baycover.ui.Pulses.afterNextPulse(getScene(), () -> {
            hk.baycover.ui.common.Fit.sweep(this);
            hk.baycover.ui.common.Localize.placeholders(this, ctx.tr());
        });
    }

    /** The screen shown now. */
    public Node shownScreen() {
        return content.getChildren().isEmpty() ? null : content.getChildren().get(0);
    }

    public Screen current() {
        return buttons.entrySet().stream().filter(e -> e.getValue().isSelected()).map(Map.Entry::getKey).findFirst().orElse(Screen.COMPARE);
    }

    private Node topBar() {
        Label title = new Label();
        title.textProperty().bind(ctx.tr().bind("app.name"));
        title.getStyleClass().add("app-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label langLabel = new Label();
        langLabel.textProperty().bind(ctx.tr().bind("settings.language"));
        // lean drop-downs (no hidden list in the start screen's CSS pass), at least 8 ems wide: steady across languages
        ComboBox<Lang> lang = hk.baycover.ui.common.Fit.dropDown(hk.baycover.ui.common.Dropdowns.lean(new ComboBox<>()));
        lang.setId("language");
        lang.getItems().setAll(Lang.values());
        lang.setCellFactory(v -> new LangCell());
        lang.setButtonCell(new LangCell());
        lang.valueProperty().bindBidirectional(ctx.settings().langProperty());
        lang.accessibleTextProperty().bind(ctx.tr().bind("settings.language"));
        langLabel.setLabelFor(lang);

        Label sizeLabel = new Label();
        sizeLabel.textProperty().bind(ctx.tr().bind("settings.textSize"));
        ComboBox<Double> size = hk.baycover.ui.common.Fit.dropDown(hk.baycover.ui.common.Dropdowns.lean(new ComboBox<>()));
        size.setId("text-size");
        for (double s : Settings.FONT_SCALES) size.getItems().add(s);
        size.setCellFactory(v -> new SizeCell());
        size.setButtonCell(new SizeCell());
        size.setValue(ctx.settings().fontScaleProperty().get());
        size.valueProperty().addListener((o, a, b) -> {
            if (b != null) ctx.settings().fontScaleProperty().set(b);
        });
        ctx.settings().fontScaleProperty().addListener((o, a, b) -> size.setValue(b.doubleValue()));
        size.accessibleTextProperty().bind(ctx.tr().bind("settings.textSize"));
        sizeLabel.setLabelFor(size);

        HBox bar = new HBox(10, title, spacer, langLabel, lang, sizeLabel, size);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private Node navigation() {
        VBox nav = new VBox(4);
        nav.setId("navigation");
        nav.getStyleClass().add("navigation");
        nav.setPadding(new Insets(12, 8, 12, 8));
        nav.setAccessibleRole(AccessibleRole.LIST_VIEW);
        Screen[] screens = Screen.values();
        for (int i = 0; i < screens.length; i++) {
            Screen s = screens[i];
            ToggleButton b = new ToggleButton();
            b.setId(s.navId());
            b.textProperty().bind(ctx.tr().bind(s.titleKey()));
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add("nav-button");
            b.setMnemonicParsing(false);
            b.setWrapText(true); // long names ("HK/Macao Drugs & Devices", larger text) wrap instead of being cut
            b.setOnAction(e -> show(s));
            buttons.put(s, b);
            nav.getChildren().add(b);
        }
        // each button's tooltip names its shortcut ("Compare (Ctrl+2)"); they are made when the pointer first comes into
        // the navigation (a tooltip shows only after the pointer rests on a button): six pop-up windows fewer to build
        // before the window answers
        nav.addEventFilter(MouseEvent.MOUSE_ENTERED_TARGET, new EventHandler<MouseEvent>() {
            @Override
            public void handle(MouseEvent e) {
                nav.removeEventFilter(MouseEvent.MOUSE_ENTERED_TARGET, this);
                installTooltips();
            }
        });
        // a selected toggle cannot be un-selected by clicking it again
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null && old != null) old.setSelected(true);
        });
        return nav;
    }

    /** The navigation buttons' tooltips: the screen's name and its shortcut, in the current language. */
    private void installTooltips() {
        Screen[] screens = Screen.values();
        for (int i = 0; i < screens.length; i++) {
            Screen s = screens[i];
            String shortcut = "Ctrl+" + (i + 1);
            buttons.get(s).tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(ctx.tr().get(s.titleKey()) + " (" + shortcut + ")"),
                    ctx.tr().langProperty()));
        }
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(Bindings.createStringBinding(() -> statusText(ctx.catalog()), ctx.catalogProperty(), ctx.tr().langProperty()));
        HBox bar = new HBox(status);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private String statusText(Catalog catalog) {
        if (catalog == null || catalog.datasets().isEmpty()) return ctx.tr().get("status.noData");
        int records = catalog.datasets().stream().mapToInt(d -> d.total()).sum();
        return ctx.tr().get("status.data", catalog.asOf().map(Object::toString).orElse("—"), catalog.datasets().size(), records,
                ctx.app() == null ? "" : ctx.app().dataDir().toString());
    }

    private final class LangCell extends ListCell<Lang> {
        LangCell() {
            ctx.tr().langProperty().addListener((o, a, b) -> updateItem(getItem(), isEmpty()));
        }

        @Override
        protected void updateItem(Lang item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : ctx.tr().get("lang." + item.name()));
        }
    }

    private final class SizeCell extends ListCell<Double> {
        SizeCell() {
            ctx.tr().langProperty().addListener((o, a, b) -> updateItem(getItem(), isEmpty()));
        }

        @Override
        protected void updateItem(Double item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : ctx.tr().get("settings.textSize." + Math.round(item * 100)));
        }
    }
}
