package hk.baycover.ui.lookup;

import hk.baycover.lookup.LookupDetail;
import hk.baycover.lookup.LookupHit;
import hk.baycover.lookup.LookupText;
import hk.baycover.lookup.ResultKind;
import hk.baycover.model.City;
import hk.baycover.model.Confidence;
import hk.baycover.model.DesignationStatus;
import hk.baycover.model.Institution;
import hk.baycover.model.Sourced;
import hk.baycover.ui.common.UiContext;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The 港澳藥械通 lookup screen. Keyboard first: type in the search field (results follow as you type), ↑/↓ move in
 * the results without leaving the field, Enter opens the detail, Esc clears. Filters for kind, city, institution and
 * status; the detail of an item or institution can be copied as text, and the whole result list exported as CSV.
 */
public final class LookupView extends VBox {

    private final UiContext ctx;
    private final LookupViewModel vm;
    private final TextField queryField = new TextField();
    private final ListView<LookupHit> list;
    private final VBox detailBox = new VBox(8);
    private ScrollPane detailScroll;

    public LookupView(UiContext ctx) {
        this.ctx = ctx;
        this.vm = new LookupViewModel(ctx);
        setId("lookup-view");
        setPadding(new Insets(16));
        setSpacing(10);

        Label title = new Label();
        title.textProperty().bind(ctx.tr().bind("lookup.title"));
        title.getStyleClass().add("screen-title");

        queryField.setId("lookup-query");
        queryField.promptTextProperty().bind(ctx.tr().bind("lookup.prompt"));
        queryField.accessibleTextProperty().bind(ctx.tr().bind("lookup.query.a11y"));
        queryField.textProperty().bindBidirectional(vm.queryProperty());
        queryField.getStyleClass().add("lookup-query");
        queryField.setMaxWidth(Double.MAX_VALUE);
        queryField.addEventFilter(KeyEvent.KEY_PRESSED, this::onQueryKey);

        Label hint = new Label();
        hint.textProperty().bind(ctx.tr().bind("lookup.hint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);

        FlowPane filters = new FlowPane(12, 6);
        filters.setId("lookup-filters");
        filters.getChildren().addAll(
                labelled("lookup.filter.kind", choice("lookup-kind", "lookup.filter.kind", List.of(ResultKind.values()), vm.kindProperty(),
                        k -> LookupText.kind(ctx.tr().lang(), k))),
                labelled("lookup.filter.city", choice("lookup-city", "lookup.filter.city", List.of(City.values()), vm.cityProperty(),
                        c -> LookupText.city(ctx.tr().lang(), c))),
                labelled("lookup.filter.institution", narrow(institutionChoice())),
                labelled("lookup.filter.status", choice("lookup-status", "lookup.filter.status", List.of(DesignationStatus.values()), vm.statusProperty(),
                        s -> LookupText.named(ctx.tr().lang(), "designationStatus", s))));
        Button clearFilters = new Button();
        clearFilters.setId("lookup-clear-filters");
        clearFilters.textProperty().bind(ctx.tr().bind("lookup.filter.clear"));
        clearFilters.setOnAction(e -> vm.clearFilters());
        filters.getChildren().add(clearFilters);

        Label about = new Label();
        about.setId("lookup-about");
        about.setWrapText(true);
        about.getStyleClass().add("muted");
        about.setMinHeight(Region.USE_PREF_SIZE);
        about.textProperty().bind(vm.aboutProperty());

        Label count = new Label();
        count.setId("lookup-count");
        count.textProperty().bind(Bindings.createStringBinding(this::countText, vm.totalProperty(), vm.searchingProperty(),
                vm.searchedProperty(), vm.results(), ctx.tr().langProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button export = new Button();
        export.setId("lookup-export");
        export.textProperty().bind(ctx.tr().bind("lookup.export"));
        export.disableProperty().bind(Bindings.isEmpty(vm.results()));
        export.setOnAction(e -> ctx.fileDialogs().saveFile(getScene().getWindow(), ctx.tr().get("lookup.export.title"),
                ctx.tr().get("lookup.export.fileName"), ctx.tr().get("lookup.export.filter"), "*.csv").ifPresent(vm::exportCsv));
        HBox resultBar = new HBox(8, count, spacer, export);
        resultBar.setAlignment(Pos.CENTER_LEFT);

        list = new ListView<>(vm.results());
        list.setId("lookup-results");
        list.accessibleTextProperty().bind(ctx.tr().bind("lookup.results"));
        list.setCellFactory(v -> new HitCell());
        list.setOnKeyPressed(this::onListKey);
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                vm.open(list.getSelectionModel().getSelectedItem());
            }
        });
        vm.results().addListener((javafx.collections.ListChangeListener<LookupHit>) c -> {
            if (!vm.results().isEmpty() && list.getSelectionModel().isEmpty()) list.getSelectionModel().select(0);
        });
        ctx.tr().langProperty().addListener((o, a, b) -> list.refresh());

        detailScroll = new ScrollPane(detailBox);
        detailScroll.setId("lookup-detail");
        detailScroll.setFitToWidth(true);
        detailBox.setPadding(new Insets(4, 8, 8, 8));
        detailScroll.accessibleTextProperty().bind(ctx.tr().bind("lookup.detail"));
        Button copy = new Button();
        copy.setId("lookup-copy");
        copy.textProperty().bind(ctx.tr().bind("lookup.copy"));
        copy.disableProperty().bind(vm.detailProperty().isNull());
        copy.setOnAction(e -> copyDetail());
        VBox detailPane = new VBox(6, detailScroll, copy);
        VBox.setVgrow(detailScroll, Priority.ALWAYS);
        vm.detailProperty().addListener((o, a, d) -> renderDetail(d));
        renderDetail(null);

        SplitPane split = new SplitPane(list, detailPane);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.42);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label message = new Label();
        message.setId("lookup-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsErrorProperty().addListener((o, a, err) -> {
            message.getStyleClass().removeAll("error-text", "ok-text");
            message.getStyleClass().add(err ? "error-text" : "ok-text");
        });

        getChildren().addAll(title, queryField, hint, filters, about, resultBar, split, message);
        // the search field has the focus whenever the screen is shown
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) Platform.runLater(queryField::requestFocus);
        });
    }

    public LookupViewModel viewModel() { return vm; }

    private void onQueryKey(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.DOWN || code == KeyCode.UP) {
            move(code == KeyCode.DOWN ? 1 : -1);
            e.consume();
        } else if (code == KeyCode.ENTER) {
            if (vm.isPending()) vm.searchAndOpenFirst();
            else openSelected();
            e.consume();
        } else if (code == KeyCode.ESCAPE) {
            vm.clear();
            e.consume();
        }
    }

    private void onListKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            openSelected();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            vm.clear();
            queryField.requestFocus();
            e.consume();
        }
    }

    private void move(int delta) {
        int n = list.getItems().size();
        if (n == 0) return;
        int i = list.getSelectionModel().getSelectedIndex();
        int next = i < 0 ? 0 : Math.max(0, Math.min(n - 1, i + delta));
        list.getSelectionModel().select(next);
        list.scrollTo(Math.max(0, next - 3));
    }

    private void openSelected() {
        LookupHit hit = list.getSelectionModel().getSelectedItem();
        if (hit == null && !list.getItems().isEmpty()) hit = list.getItems().get(0);
        if (hit != null) vm.open(hit);
    }

    private void copyDetail() {
        String text = vm.detailText();
        if (text == null) return;
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        vm.copied();
    }

    private String countText() {
        if (vm.searchingProperty().get()) return ctx.tr().get("lookup.searching");
        if (!vm.searchedProperty().get()) return "";
        int total = vm.totalProperty().get();
        if (total == 0) return ctx.tr().get("lookup.noResults");
        int shown = vm.results().size();
        return shown < total ? ctx.tr().get("lookup.count.showing", total, shown) : ctx.tr().get("lookup.count", total);
    }

    private void renderDetail(LookupDetail d) {
        List<Node> nodes = new ArrayList<>();
        if (d == null) {
            Label empty = new Label();
            empty.setId("lookup-detail-empty");
            empty.textProperty().bind(ctx.tr().bind("lookup.detail.empty"));
            empty.setWrapText(true);
            empty.getStyleClass().add("muted");
            nodes.add(empty);
        } else {
            Label title = new Label(d.title());
            title.setId("lookup-detail-title");
            title.setWrapText(true);
            title.getStyleClass().add("screen-title");
            nodes.add(title);
            for (LookupDetail.Section s : d.sections()) {
                VBox box = new VBox(3);
                box.setId("lookup-detail-" + s.id());
                if (s.title() != null) {
                    Label t = new Label(s.title());
                    t.getStyleClass().add("section-title");
                    t.setWrapText(true);
                    box.getChildren().add(t);
                }
                for (LookupDetail.Line line : s.lines()) {
                    Label l = new Label(line.text());
                    l.setWrapText(true);
                    switch (line.style()) {
                        case MUTED: l.getStyleClass().add("muted"); break;
                        case SAMPLE: l.getStyleClass().add("sample-badge"); break;
                        case CAUTION: l.getStyleClass().add("error-text"); break;
                        default: break;
                    }
                    box.getChildren().add(l);
                }
                nodes.add(box);
            }
        }
        detailBox.getChildren().setAll(nodes);
        // a new detail opens at its top (its title in view), not at the previous one's scroll position
        if (detailScroll != null) detailScroll.setVvalue(0);
    }

    /** A drop-down of long names keeps a moderate width (its list shows the names whole); it never widens the screen. */
    private static <T extends ComboBox<?>> T narrow(T box) {
        box.setStyle("-fx-pref-width: 24em; -fx-max-width: 24em;");
        return box;
    }

    private Node labelled(String key, ComboBox<?> box) {
        Label l = new Label();
        l.textProperty().bind(ctx.tr().bind(key));
        l.setLabelFor(box);
        HBox h = new HBox(6, l, box);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** A filter choice: "Any" (null) or one value; follows the language. */
    private <T> ComboBox<Choice<T>> choice(String id, String a11yKey, List<T> values, ObjectProperty<T> target, Function<T, String> name) {
        ComboBox<Choice<T>> box = new ComboBox<>();
        box.setId(id);
        box.accessibleTextProperty().bind(ctx.tr().bind(a11yKey));
        List<Choice<T>> items = new ArrayList<>();
        items.add(new Choice<>(null));
        for (T v : values) items.add(new Choice<>(v));
        box.getItems().setAll(items);
        box.setCellFactory(v -> new ChoiceCell<>(name));
        box.setButtonCell(new ChoiceCell<>(name));
        box.setValue(items.get(0));
        box.valueProperty().addListener((o, a, b) -> target.set(b == null ? null : b.value()));
        target.addListener((o, a, b) -> {
            if (box.getValue() == null || box.getValue().value() != b) box.setValue(items.stream().filter(c -> c.value() == b).findFirst().orElse(items.get(0)));
        });
        ctx.tr().langProperty().addListener((o, a, b) -> {
            box.setButtonCell(new ChoiceCell<>(name));
        });
        return box;
    }

    private ComboBox<Choice<Institution>> institutionChoice() {
        ComboBox<Choice<Institution>> box = new ComboBox<>();
        box.setId("lookup-institution");
        box.accessibleTextProperty().bind(ctx.tr().bind("lookup.filter.institution"));
        Function<Institution, String> name = i -> i.name().get(ctx.tr().lang());
        box.setCellFactory(v -> new ChoiceCell<>(name));
        box.setButtonCell(new ChoiceCell<>(name));
        box.setVisibleRowCount(14);
        Runnable fill = () -> {
            List<Choice<Institution>> items = new ArrayList<>();
            items.add(new Choice<>(null));
            for (Institution i : vm.institutions()) items.add(new Choice<>(i));
            Institution current = vm.institutionProperty().get();
            box.getItems().setAll(items);
            box.setValue(items.stream().filter(c -> c.value() == current).findFirst().orElse(items.get(0)));
        };
        fill.run();
        vm.institutions().addListener((javafx.collections.ListChangeListener<Institution>) c -> fill.run());
        box.valueProperty().addListener((o, a, b) -> vm.institutionProperty().set(b == null ? null : b.value()));
        vm.institutionProperty().addListener((o, a, b) -> {
            if (box.getValue() == null || box.getValue().value() != b) {
                box.setValue(box.getItems().stream().filter(c -> c.value() == b).findFirst().orElse(box.getItems().get(0)));
            }
        });
        ctx.tr().langProperty().addListener((o, a, b) -> box.setButtonCell(new ChoiceCell<>(name)));
        return box;
    }

    /** One option of a filter; a null value means "any". */
    record Choice<T>(T value) {
    }

    private final class ChoiceCell<T> extends ListCell<Choice<T>> {
        private final Function<T, String> name;

        ChoiceCell(Function<T, String> name) {
            this.name = name;
        }

        @Override
        protected void updateItem(Choice<T> item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) setText(null);
            else setText(item.value() == null ? ctx.tr().get("lookup.filter.any") : name.apply(item.value()));
        }
    }

    /** A result: its name in the current language (with a sample label), then kind and why it matched. */
    private final class HitCell extends ListCell<LookupHit> {
        private final Label name = new Label();
        private final Label sample = new Label();
        private final Label why = new Label();
        private final VBox box;

        HitCell() {
            why.getStyleClass().add("muted");
            sample.getStyleClass().add("sample-badge");
            HBox top = new HBox(6, name, sample);
            top.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, top, why);
        }

        @Override
        protected void updateItem(LookupHit hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            var lang = ctx.tr().lang();
            name.setText(LookupText.text(hit.name(), lang));
            boolean isSample = (hit.item() != null ? hit.item().sample() : hit.institution().sample());
            sample.setText(isSample ? ctx.tr().get("lookup.sample") : "");
            sample.setVisible(isSample);
            sample.setManaged(isSample);
            String kind = LookupText.kind(lang, hit.kind());
            String where = hit.institution() != null ? " · " + LookupText.city(lang, hit.institution().city()) : "";
            String matched = hit.field() == null ? "" : " · " + LookupText.matched(lang, hit)
                    + (hit.matchedText() != null && !hit.matchedText().equals(name.getText()) ? ": " + hit.matchedText() : "");
            Sourced record = hit.item() != null ? hit.item() : hit.institution();
            String caution = record.confidence() == Confidence.LOW ? " · " + ctx.tr().get("lookup.lowConfidence.short") : "";
            why.setText(kind + where + matched + caution);
            setText(null);
            setGraphic(box);
            setAccessibleText(name.getText() + ", " + why.getText());
        }
    }
}
