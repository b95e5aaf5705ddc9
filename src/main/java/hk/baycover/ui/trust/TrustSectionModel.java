package hk.baycover.ui.trust;

import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.BackupService;
import hk.baycover.trust.KeyManager;
import hk.baycover.ui.common.Errors;
import hk.baycover.ui.common.UiContext;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * State of the "Backups and security" section of the Data screen: backup, restore (from a file or an automatic backup,
 * confirmed first), the passphrase (set, change, lock now) and the outcome of the last action. All work runs in the
 * background; nothing here blocks the FX thread.
 */
public final class TrustSectionModel {

    private final UiContext ctx;
    private final ObservableList<BackupService.AutoBackup> automatic = FXCollections.observableArrayList();
    private final ObjectProperty<KeyManager.State> keyState = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> pendingRestore = new SimpleObjectProperty<>();
    private final StringProperty outcome = new SimpleStringProperty("");
    private final BooleanProperty outcomeIsError = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final Runnable keyListener = () -> {
        try {
            Platform.runLater(this::refresh);
        } catch (IllegalStateException toolkitGone) {
            // the application is shutting down
        }
    };

    public TrustSectionModel(UiContext ctx) {
        this.ctx = ctx;
        ctx.app().keys().addListener(keyListener);
        refresh();
    }

    /** Stops listening (when the section goes away). */
    public void dispose() {
        ctx.app().keys().removeListener(keyListener);
    }

    public ObservableList<BackupService.AutoBackup> automatic() { return automatic; }

    public ObjectProperty<KeyManager.State> keyStateProperty() { return keyState; }

    /** A restore chosen and waiting for the user's confirmation. */
    public ObjectProperty<Path> pendingRestoreProperty() { return pendingRestore; }

    public StringProperty outcomeProperty() { return outcome; }

    public BooleanProperty outcomeIsErrorProperty() { return outcomeIsError; }

    public BooleanProperty busyProperty() { return busy; }

    /** Re-reads the automatic backups and the key state. */
    public Task<?> refresh() {
        record Now(List<BackupService.AutoBackup> autos, KeyManager.State state) {
        }
        Task<Now> t;
        try {
            t = ctx.background().submit(m -> new Now(ctx.app().backups().automatic(), ctx.app().keys().state()));
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            return null;
        }
        t.setOnSucceeded(e -> {
            automatic.setAll(t.getValue().autos());
            keyState.set(t.getValue().state());
        });
        return t;
    }

    public Task<?> backup(Path target) {
        return run(m -> ctx.app().backups().backup(target, true, m),
                r -> ctx.tr().get("trust.ui.backedUp", r.file(), r.bytes() / 1024, r.sha256().substring(0, 12)));
    }

    /** Asks for confirmation first: the restore replaces everything. */
    public void askRestore(Path file) {
        outcome.set("");
        pendingRestore.set(file);
    }

    public void cancelRestore() {
        pendingRestore.set(null);
    }

    public Task<?> confirmRestore() {
        Path file = pendingRestore.get();
        pendingRestore.set(null);
        if (file == null) return null;
        return run(m -> {
            BackupService.Candidate c = ctx.app().restore(file, m);
            return new RestoreDone(c, ctx.app().catalog());
        }, r -> {
            ctx.catalogProperty().set(r.catalog());
            return ctx.tr().get("trust.ui.restored", r.candidate().file().getFileName(), r.candidate().datasets());
        });
    }

    private record RestoreDone(BackupService.Candidate candidate, hk.baycover.model.Catalog catalog) {
    }

    public Task<?> changePassphrase(char[] current, char[] next, char[] confirm) {
        return run(m -> {
            try {
                ctx.app().keys().change(current, next, confirm);
            } finally {
                Arrays.fill(current, '\0');
                Arrays.fill(next, '\0');
                Arrays.fill(confirm, '\0');
            }
            return Boolean.TRUE;
        }, r -> ctx.tr().get("trust.ui.passphraseChanged"));
    }

    public void lockNow() {
        ctx.app().keys().lock();
    }

    private <T> Task<T> run(Function<ProgressMonitor, T> work, Function<T, String> success) {
        if (busy.get()) return null;
        busy.set(true);
        outcome.set("");
        outcomeIsError.set(false);
        Task<T> t = ctx.background().submit(work);
        t.setOnSucceeded(e -> {
            busy.set(false);
            outcome.set(success.apply(t.getValue()));
            refresh();
        });
        t.setOnFailed(e -> {
            busy.set(false);
            outcomeIsError.set(true);
            outcome.set(Errors.describe(ctx.tr().lang(), t.getException()));
            refresh();
        });
        return t;
    }
}
