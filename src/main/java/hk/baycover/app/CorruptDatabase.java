package hk.baycover.app;

import hk.baycover.model.UserError;
import hk.baycover.store.BackupService;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The database failed its integrity check when opened. Carries the newest automatic backup, if there is one, so the
 * GUI can offer to restore it and the CLI can print the command that does.
 */
public final class CorruptDatabase extends UserError {
    private static final long serialVersionUID = 1L;

    private final transient BackupService.AutoBackup latest;

    private CorruptDatabase(UserError cause, String key, Object[] args, BackupService.AutoBackup latest) {
        super(cause, key, args);
        this.latest = latest;
    }

    /**
     * The failure {@code store.corrupt} (file, what SQLite said) of the folder {@code dataDir}, with its newest
     * automatic backup: at open, or when a command met a damaged page or checked the file before its first write.
     */
    public static CorruptDatabase of(UserError cause, Path dataDir) {
        Optional<BackupService.AutoBackup> latest = BackupService.latestAutomatic(dataDir);
        Object[] a = cause.args();
        String file = a.length > 0 ? String.valueOf(a[0]) : dataDir.toString();
        String verdict = a.length > 1 ? String.valueOf(a[1]) : "";
        if (latest.isEmpty()) return new CorruptDatabase(cause, "trust.corruptNoBackup", new Object[] {file, verdict}, null);
        return new CorruptDatabase(cause, "trust.corruptWithBackup",
                new Object[] {file, verdict, latest.get().file().toString(), latest.get().at().toString()}, latest.get());
    }

    public Optional<BackupService.AutoBackup> latestBackup() {
        return Optional.ofNullable(latest);
    }
}
