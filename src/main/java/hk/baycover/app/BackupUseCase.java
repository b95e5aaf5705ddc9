package hk.baycover.app;

import hk.baycover.model.Catalog;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.BackupService;

import java.nio.file.Path;
import java.util.List;

/** Backups and restores of the data folder, for the CLI ({@code backup}, {@code restore}) and the Data screen. */
public final class BackupUseCase {

    private final BayCover app;

    BackupUseCase(BayCover app) {
        this.app = app;
    }

    /** Writes a consistent copy of the database while others keep working; audited. */
    public BackupService.Report backup(Path target, boolean overwrite, ProgressMonitor monitor) {
        return app.backups().backup(target, overwrite, monitor);
    }

    /** Checks a backup file as a restore would, changing nothing. */
    public BackupService.Candidate inspect(Path file) {
        return BackupService.inspect(file, app.dataDir(), app.clock());
    }

    /** What a restore did, and the catalog snapshot of the restored data. */
    public record Restored(BackupService.Candidate candidate, Catalog catalog) {
    }

    /** Replaces the database with a checked backup (the folder held alone meanwhile); audited. */
    public Restored restore(Path file, ProgressMonitor monitor) {
        BackupService.Candidate c = app.restore(file, monitor);
        return new Restored(c, app.catalog());
    }

    /** Automatic backups, newest first. */
    public List<BackupService.AutoBackup> automatic() {
        return app.backups().automatic();
    }
}
