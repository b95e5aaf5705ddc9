package hk.baycover.ui.trust;

import hk.baycover.store.BackupService;
import hk.baycover.trust.KeyManager;
import hk.baycover.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * "Backups and security" on the Data screen: back up now, restore (a file or an automatic backup, after a confirmation),
 * the audit log, and the passphrase — set or change it, lock now, and the idle time after which BayCover locks.
 */
public final class TrustSection extends VBox {

    /** Idle times offered, in minutes; 0 is "never". */
    public static final List<Integer> AUTO_LOCK_CHOICES = List.of(1, 5, 10, 15, 30, 60, 0);

    private final UiContext ctx;
    private final TrustSectionModel vm;

    public TrustSection(UiContext ctx) {
        this.ctx = ctx;
        this.vm = new TrustSectionModel(ctx);
        setId("trust-section");
        setSpacing(8);
        sceneProperty().addListener((o, a, s) -> {
            if (s == null && a != null) vm.dispose();
        });

        Label title = new Label();
        title.textProperty().bind(ctx.tr().bind("trust.ui.section"));
        title.getStyleClass().add("section-title");

        Button backup = button("backup", "trust.ui.backup");
        backup.setOnAction(e -> ctx.fileDialogs().saveFile(getScene().getWindow(), ctx.tr().get("trust.ui.backup"),
                "baycover-backup-" + ctx.today() + ".db", ctx.tr().get("trust.ui.filter"), "*.db").ifPresent(vm::backup));
        Button restore = button("restore", "trust.ui.restore");
        restore.setOnAction(e -> ctx.fileDialogs().openFiles(getScene().getWindow(), ctx.tr().get("trust.ui.restore"),
                ctx.tr().get("trust.ui.filter"), "*.db").stream().findFirst().ifPresent(vm::askRestore));

        ComboBox<BackupService.AutoBackup> autos = new ComboBox<>(vm.automatic());
        autos.setId("auto-backups");
        autos.accessibleTextProperty().bind(ctx.tr().bind("trust.ui.autoBackups"));
        autos.promptTextProperty().bind(Bindings.createStringBinding(() -> ctx.tr().get(vm.automatic().isEmpty()
                ? "trust.ui.noAutoBackups" : "trust.ui.autoBackups"), vm.automatic(), ctx.tr().langProperty()));
        autos.setCellFactory(v -> new AutoCell());
        autos.setButtonCell(new AutoCell());
        vm.automatic().addListener((javafx.collections.ListChangeListener<BackupService.AutoBackup>) c ->
                javafx.application.Platform.runLater(() -> {
                    if (!vm.automatic().isEmpty()) autos.getSelectionModel().selectFirst();
                }));
        Button restoreAuto = button("restore-auto", "trust.ui.restoreAuto");
        restoreAuto.disableProperty().bind(vm.busyProperty().or(autos.valueProperty().isNull()));
        restoreAuto.setOnAction(e -> vm.askRestore(autos.getValue().file()));

        Button audit = button("audit-open", "trust.ui.auditOpen");
        audit.setOnAction(e -> AuditLogWindow.show(ctx, getScene().getWindow()));

        FlowPane backups = row(backup, restore, autos, restoreAuto, audit);

        // confirmation of a restore
        Label confirmText = new Label();
        confirmText.setWrapText(true);
        confirmText.textProperty().bind(Bindings.createStringBinding(() -> vm.pendingRestoreProperty().get() == null ? ""
                : ctx.tr().get("trust.ui.confirmRestore", vm.pendingRestoreProperty().get()), vm.pendingRestoreProperty(), ctx.tr().langProperty()));
        Button yes = button("restore-yes", "trust.ui.restoreYes");
        yes.setOnAction(e -> vm.confirmRestore());
        Button no = button("restore-no", "action.cancel");
        no.setCancelButton(true);
        no.setOnAction(e -> vm.cancelRestore());
        VBox confirm = new VBox(8, confirmText, new HBox(8, yes, no));
        confirm.setId("restore-confirm");
        confirm.getStyleClass().add("confirm-bar");
        confirm.visibleProperty().bind(vm.pendingRestoreProperty().isNotNull());
        confirm.managedProperty().bind(confirm.visibleProperty());

        // the passphrase
        Label status = new Label();
        status.setId("passphrase-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> vm.keyStateProperty().get() == null ? ""
                : ctx.tr().get(vm.keyStateProperty().get().messageKey()), vm.keyStateProperty(), ctx.tr().langProperty()));
        Button setOrChange = new Button();
        setOrChange.setId("passphrase-change");
        setOrChange.textProperty().bind(Bindings.createStringBinding(() -> ctx.tr().get(vm.keyStateProperty().get() == KeyManager.State.NOT_SET
                ? "trust.ui.setPassphrase" : "trust.ui.changePassphrase"), vm.keyStateProperty(), ctx.tr().langProperty()));
        setOrChange.disableProperty().bind(vm.busyProperty().or(vm.keyStateProperty().isNull()));
        VBox changePane = changePane();
        setOrChange.setOnAction(e -> {
            if (vm.keyStateProperty().get() == KeyManager.State.NOT_SET) {
                TrustGate.of(this).ifPresent(g -> g.ensureUnlocked(vm::refresh));
            } else {
                changePane.setVisible(!changePane.isVisible());
            }
        });
        Button lock = button("lock-now", "trust.ui.lockNow");
        lock.disableProperty().bind(vm.keyStateProperty().isNotEqualTo(KeyManager.State.UNLOCKED));
        lock.setOnAction(e -> vm.lockNow());

        Label autoLabel = new Label();
        autoLabel.textProperty().bind(ctx.tr().bind("trust.ui.autoLock"));
        ComboBox<Integer> autoLock = new ComboBox<>();
        autoLock.setId("auto-lock");
        autoLock.getItems().setAll(AUTO_LOCK_CHOICES);
        if (!AUTO_LOCK_CHOICES.contains(ctx.settings().autoLockMinutesProperty().get())) {
            autoLock.getItems().add(0, ctx.settings().autoLockMinutesProperty().get());
        }
        autoLock.setCellFactory(v -> new MinutesCell());
        autoLock.setButtonCell(new MinutesCell());
        autoLock.setValue(ctx.settings().autoLockMinutesProperty().get());
        autoLock.valueProperty().addListener((o, a, b) -> {
            if (b != null) ctx.settings().autoLockMinutesProperty().set(b);
        });
        autoLock.accessibleTextProperty().bind(ctx.tr().bind("trust.ui.autoLock"));
        autoLabel.setLabelFor(autoLock);
        FlowPane security = row(status, setOrChange, lock, autoLabel, autoLock);

        Label outcome = new Label();
        outcome.setId("trust-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        vm.outcomeIsErrorProperty().addListener((o, a, err) -> {
            outcome.getStyleClass().removeAll("error-text", "ok-text");
            outcome.getStyleClass().add(err ? "error-text" : "ok-text");
        });

        getChildren().addAll(title, backups, confirm, security, changePane, outcome);
    }

    public TrustSectionModel viewModel() { return vm; }

    /** The section for the Data screen; nothing when there is no data folder behind the context (some UI tests). */
    public static javafx.scene.Node on(UiContext ctx) {
        return ctx.app() == null ? new javafx.scene.layout.Region() : new TrustSection(ctx);
    }

    private VBox changePane() {
        PasswordField current = PassphraseViews.password(ctx, "change-current", "trust.ui.currentPassphrase");
        PasswordField next = PassphraseViews.password(ctx, "change-new", "trust.ui.newPassphrase");
        PasswordField confirm = PassphraseViews.password(ctx, "change-confirm", "trust.ui.confirmPassphrase");
        Button save = button("change-save", "trust.ui.changeSave");
        Button cancel = button("change-cancel", "action.cancel");
        VBox pane = new VBox(6, current, next, confirm, new HBox(8, save, cancel));
        pane.setId("change-pane");
        pane.setMaxWidth(420);
        pane.setVisible(false);
        pane.managedProperty().bind(pane.visibleProperty());
        Runnable clear = () -> {
            current.clear();
            next.clear();
            confirm.clear();
        };
        save.setOnAction(e -> {
            vm.changePassphrase(current.getText().toCharArray(), next.getText().toCharArray(), confirm.getText().toCharArray(),
                    () -> pane.setVisible(false));
            clear.run();
        });
        cancel.setOnAction(e -> {
            clear.run();
            pane.setVisible(false);
        });
        return pane;
    }

    private Button button(String id, String key) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(ctx.tr().bind(key));
        if (!id.startsWith("restore-") || id.equals("restore-auto")) b.disableProperty().bind(vm.busyProperty());
        return b;
    }

    private static FlowPane row(javafx.scene.Node... nodes) {
        FlowPane p = new FlowPane(8, 8, nodes);
        p.setAlignment(Pos.CENTER_LEFT);
        return p;
    }

    private final class AutoCell extends ListCell<BackupService.AutoBackup> {
        @Override
        protected void updateItem(BackupService.AutoBackup item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(ctx.tr().lang().locale())
                    .withZone(ZoneId.systemDefault()).format(item.at());
            String reason = item.reason().replaceAll("-\\d+$", "");
            String key = reasonKey(reason);
            setText(ctx.tr().get("trust.ui.autoBackupItem", when, key == null ? reason : ctx.tr().get(key)));
        }
    }

    /** The message for the reason in an automatic backup's name (null: show the raw reason). */
    static String reasonKey(String reason) {
        if (reason.startsWith("before-migration")) return "trust.ui.reason.before-migration";
        switch (reason) {
            case "before-import": return "trust.ui.reason.before-import";
            case "before-restore": return "trust.ui.reason.before-restore";
            case "after-erasure": return "trust.ui.reason.after-erasure";
            default: return null;
        }
    }

    private final class MinutesCell extends ListCell<Integer> {
        MinutesCell() {
            ctx.tr().langProperty().addListener((o, a, b) -> updateItem(getItem(), isEmpty()));
        }

        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item == 0 ? ctx.tr().get("trust.ui.never") : ctx.tr().get("trust.ui.minutes", item));
        }
    }
}
