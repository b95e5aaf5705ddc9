package hk.baycover.ui.trust;

import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.BackupService;
import hk.baycover.trust.KeyManager;
import hk.baycover.ui.common.Activity;
import hk.baycover.ui.common.TaskRunner;
import hk.baycover.ui.common.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

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
    /** Backups, restores, passphrase changes (one at a time); reading the state runs in its own lane. */
    private final Activity activity;
    private final Activity reading;
    private final Runnable keyListener;

    public TrustSectionModel(UiContext ctx) {
        this.ctx = ctx;
        this.activity = ctx.activity();
        this.reading = activity.lane();
        this.keyListener = () -> ctx.tasks().onUiThread(this::refresh);
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

    public StringProperty outcomeProperty() { return activity.message(); }

    public BooleanProperty outcomeIsErrorProperty() { return activity.error(); }

    public ReadOnlyBooleanProperty busyProperty() { return activity.busy(); }

    /** Re-reads the automatic backups and the key state. */
    public TaskRunner.Job refresh() {
        record Now(List<BackupService.AutoBackup> autos, KeyManager.State state) {
        }
        return reading.replace(m -> new Now(ctx.app().backup().automatic(), ctx.app().keys().state()), now -> {
            automatic.setAll(now.autos());
            keyState.set(now.state());
        });
    }

    public TaskRunner.Job backup(Path target) {
        return run(m -> ctx.app().backup().backup(target, true, m),
                r -> ctx.tr().get("trust.ui.backedUp", r.file(), r.bytes() / 1024, r.sha256().substring(0, 12)));
    }

    /** Asks for confirmation first: the restore replaces everything. */
    public void askRestore(Path file) {
        activity.say("");
        pendingRestore.set(file);
    }

    public void cancelRestore() {
        pendingRestore.set(null);
    }

    public TaskRunner.Job confirmRestore() {
        Path file = pendingRestore.get();
        pendingRestore.set(null);
        if (file == null) return null;
        return run(m -> ctx.app().backup().restore(file, m), r -> {
            ctx.catalogProperty().set(r.catalog());
            return ctx.tr().get("trust.ui.restored", r.candidate().file().getFileName(), r.candidate().datasets());
        });
    }

    /** Changes the passphrase in the background; {@code changed} runs once it is changed. */
    public TaskRunner.Job changePassphrase(char[] current, char[] next, char[] confirm, Runnable changed) {
        return run(m -> {
            try {
                ctx.app().keys().change(current, next, confirm);
            } finally {
                Arrays.fill(current, '\0');
                Arrays.fill(next, '\0');
                Arrays.fill(confirm, '\0');
            }
            return Boolean.TRUE;
        }, r -> {
            changed.run();
            return ctx.tr().get("trust.ui.passphraseChanged");
        });
    }

    public void lockNow() {
        ctx.app().keys().lock();
    }

    private <T> TaskRunner.Job run(Function<ProgressMonitor, T> work, Function<T, String> success) {
        if (activity.isBusy()) return null;
        activity.say("");
        return activity.run(work, r -> {
            activity.say(success.apply(r));
            refresh();
        }, e -> {
            activity.fail(e);
            refresh();
        });
    }
}
