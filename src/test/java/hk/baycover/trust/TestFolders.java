package hk.baycover.trust;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data folders for tests, already seeded with the shipped packs: the seeding (validating and importing every shipped
 * pack) is done once per test JVM into a template, whose database file is copied into each new folder. Opening such a
 * folder then finds the shipped packs current, exactly as on a second start of the app.
 */
public final class TestFolders {

    private static Path template;

    private TestFolders() {
    }

    /** {@code dir}, with a seeded database copied in unless it already has one. */
    public static synchronized Path seeded(Path dir) {
        try {
            if (template == null) {
                Path t = Files.createTempDirectory("baycover-seeded-template");
                try (BayCover app = BayCover.open(t, Lang.EN, ProgressMonitor.NONE)) {
                    app.catalog();
                }
                template = t.resolve(Database.FILE_NAME);
                t.toFile().deleteOnExit();
            }
            Files.createDirectories(dir);
            Path db = dir.resolve(Database.FILE_NAME);
            if (!Files.exists(db)) Files.copy(template, db);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
