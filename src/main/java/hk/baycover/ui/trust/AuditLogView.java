package hk.baycover.ui.trust;

import hk.baycover.trust.AuditAction;
import hk.baycover.trust.AuditCsv;
import hk.baycover.trust.AuditEntry;
import hk.baycover.trust.AuditQuery;
import hk.baycover.ui.common.Activity;
import hk.baycover.ui.common.TaskRunner;
import hk.baycover.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The audit log as a table, newest first, filtered by action, text and dates as you type; exported as CSV. */
public final class AuditLogView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final UiContext ctx;
    private final ObservableList<AuditEntry> all = FXCollections.observableArrayList();
    private final FilteredList<AuditEntry> shown = new FilteredList<>(all);
    private final ComboBox<AuditAction> action = new ComboBox<>();
    private final TextField text = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Label message = new Label();
    private final Activity work;

    public AuditLogView(UiContext ctx) {
        this.work = ctx.activity();
        this.ctx = ctx;
        setId("audit-view");
        setPadding(new Insets(16));
        setSpacing(10);

        Label title = new Label();
        title.textProperty().bind(ctx.tr().bind("trust.ui.audit.title"));
        title.getStyleClass().add("screen-title");
        Label intro = new Label();
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        intro.textProperty().bind(ctx.tr().bind("trust.ui.audit.intro"));

        action.setId("audit-action");
        action.getItems().add(null);
        action.getItems().addAll(AuditAction.values());
        action.setCellFactory(v -> new ActionCell());
        action.setButtonCell(new ActionCell());
        action.accessibleTextProperty().bind(ctx.tr().bind("trust.ui.audit.action"));
        text.setId("audit-text");
        text.promptTextProperty().bind(ctx.tr().bind("trust.ui.audit.search"));
        text.accessibleTextProperty().bind(ctx.tr().bind("trust.ui.audit.search"));
        from.setId("audit-from");
        from.promptTextProperty().bind(ctx.tr().bind("trust.ui.audit.from"));
        from.accessibleTextProperty().bind(ctx.tr().bind("trust.ui.audit.from"));
        to.setId("audit-to");
        to.promptTextProperty().bind(ctx.tr().bind("trust.ui.audit.to"));
        to.accessibleTextProperty().bind(ctx.tr().bind("trust.ui.audit.to"));
        action.valueProperty().addListener((o, a, b) -> filter());
        text.textProperty().addListener((o, a, b) -> filter());
        from.valueProperty().addListener((o, a, b) -> filter());
        to.valueProperty().addListener((o, a, b) -> filter());

        Button refresh = new Button();
        refresh.setId("audit-refresh");
        refresh.textProperty().bind(ctx.tr().bind("trust.ui.audit.refresh"));
        refresh.setOnAction(e -> load());
        Button export = new Button();
        export.setId("audit-export");
        export.textProperty().bind(ctx.tr().bind("trust.ui.audit.export"));
        export.setOnAction(e -> ctx.fileDialogs().saveFile(getScene().getWindow(), ctx.tr().get("trust.ui.audit.export"),
                "baycover-audit-" + ctx.today() + ".csv", ctx.tr().get("trust.ui.audit.csv"), "*.csv").ifPresent(this::export));

        FlowPane filters = new FlowPane(8, 8, action, text, from, to, refresh, export);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<AuditEntry> table = new TableView<>(shown);
        table.setId("audit-table");
        table.accessibleTextProperty().bind(ctx.tr().bind("trust.ui.audit.title"));
        table.getColumns().add(column("trust.ui.audit.col.seq", e -> String.valueOf(e.seq())));
        table.getColumns().add(column("trust.ui.audit.col.at", e -> TIME.format(e.at())));
        table.getColumns().add(column("trust.ui.audit.col.action", e -> ctx.tr().name(e.action())));
        table.getColumns().add(column("trust.ui.audit.col.subject", e -> e.subjectType() == null ? ""
                : e.subjectType() + (e.subjectId() == null ? "" : " " + e.subjectId())));
        table.getColumns().add(column("trust.ui.audit.col.client", e -> e.clientId() == null ? "" : e.clientId()));
        table.getColumns().add(column("trust.ui.audit.col.details", e -> e.sortedDetails().entrySet().stream()
                .map(d -> d.getKey() + "=" + d.getValue()).collect(Collectors.joining(" · "))));
        table.getColumns().add(column("trust.ui.audit.col.actor", AuditEntry::actor));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(ctx.tr().get("trust.cli.audit.none")));
        ctx.tr().langProperty().addListener((o, a, b) -> table.refresh());
        VBox.setVgrow(table, Priority.ALWAYS);

        Label count = new Label();
        count.setId("audit-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> ctx.tr().get("trust.ui.audit.count", shown.size(), all.size()),
                shown, all, ctx.tr().langProperty()));
        message.setId("audit-message");
        message.setWrapText(true);
        message.textProperty().bind(work.message());
        work.error().addListener((o, a, error) -> {
            message.getStyleClass().remove("error-text");
            if (error) message.getStyleClass().add("error-text");
        });

        getChildren().addAll(title, intro, filters, table, count, message);
        load();
    }

    /** Reads the log again (in the background). */
    public TaskRunner.Job load() {
        return work.replace(m -> ctx.app().audit().list(AuditQuery.ALL), all::setAll);
    }

    public List<AuditEntry> shown() { return List.copyOf(shown); }

    private void filter() {
        ZoneId zone = ctx.app().clock().getZone();
        Instant f = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        Instant u = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        AuditQuery q = new AuditQuery(action.getValue(), text.getText(), f, u, null, 0);
        shown.setPredicate(q::matches);
    }

    private void export(Path file) {
        List<AuditEntry> rows = List.copyOf(shown);
        work.lane().run(m -> {
            ctx.app().files().write(file, out -> AuditCsv.write(rows, out));
            return file;
        }, written -> work.say(ctx.tr().get("trust.ui.audit.exported", rows.size(), written)));
    }

    private TableColumn<AuditEntry, String> column(String key, Function<AuditEntry, String> value) {
        TableColumn<AuditEntry, String> c = new TableColumn<>();
        c.textProperty().bind(ctx.tr().bind(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

    private final class ActionCell extends ListCell<AuditAction> {
        @Override
        protected void updateItem(AuditAction item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? ctx.tr().get("trust.ui.audit.allActions") : ctx.tr().name(item));
        }
    }
}
