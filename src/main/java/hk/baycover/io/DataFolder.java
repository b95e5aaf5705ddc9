package hk.baycover.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The names of what BayCover keeps in a data folder, and which of them no export, report or key file may ever replace:
 * the database with its {@code -wal}/{@code -shm}/{@code -journal} companions, the lock file, the settings, and the
 * logs and backups folders (with everything in them). Paths are compared after resolving links and {@code ..}, by
 * file identity where the file exists (hard links, case-insensitive file systems) and by name ignoring case otherwise.
 */
public final class DataFolder {

    public static final String DATABASE = "baycover.db";
    public static final String LOCK = ".lock";
    public static final String SETTINGS = "settings.json";
    public static final String LOGS = "logs";
    public static final String BACKUPS = "backups";
    /** Present while a rebuild of the database after sealing client data is owed (a crash interrupted it). */
    public static final String SCRUB_PENDING = ".scrub-pending";

    /** What a protected path is, as a message key ({@code file.part.*}). */
    public enum Part {
        DATABASE("file.part.database"), LOCK("file.part.lock"), SETTINGS("file.part.settings"), LOGS("file.part.logs"),
        BACKUPS("file.part.backups"), FOLDER("file.part.folder");

        private final String key;

        Part(String key) {
            this.key = key;
        }

        public String key() { return key; }
    }

    private final Path dir;

    public DataFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() { return dir; }

    public Path database() { return dir.resolve(DATABASE); }

    public Path lock() { return dir.resolve(LOCK); }

    public Path settings() { return dir.resolve(SETTINGS); }

    public Path logs() { return dir.resolve(LOGS); }

    public Path backups() { return dir.resolve(BACKUPS); }

    /**
     * Which protected part of this data folder {@code target} is (or lies in), if any. {@code target} should already be
     * resolved ({@link SafeFiles#resolve}); the data folder is resolved here the same way.
     */
    public Optional<Part> protectedPart(Path target) {
        Path home = SafeFiles.resolve(dir);
        Path t = target.toAbsolutePath().normalize();
        if (same(t, home) || same(t, dir)) return Optional.of(Part.FOLDER);
        for (Path at = t; at != null; at = at.getParent()) {
            Path parent = at.getParent();
            if (parent == null) break;
            if (!(same(parent, home) || same(parent, dir))) continue;
            String name = at.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean direct = at.equals(t);
            if (name.equals(LOGS)) return Optional.of(Part.LOGS);
            if (name.equals(BACKUPS)) return Optional.of(Part.BACKUPS);
            if (direct && name.startsWith(DATABASE)) return Optional.of(Part.DATABASE);
            if (direct && name.equals(LOCK)) return Optional.of(Part.LOCK);
            if (direct && name.equals(SETTINGS)) return Optional.of(Part.SETTINGS);
        }
        // the same file under another name (a hard link, or a name differing only in case)
        if (Files.exists(t)) {
            for (Path p : List.of(database(), Path.of(database() + "-wal"), Path.of(database() + "-shm"), Path.of(database() + "-journal"))) {
                if (sameFile(t, p)) return Optional.of(Part.DATABASE);
            }
            if (sameFile(t, lock())) return Optional.of(Part.LOCK);
            if (sameFile(t, settings())) return Optional.of(Part.SETTINGS);
        }
        for (Path at = t; at != null; at = at.getParent()) {
            if (!Files.exists(at)) continue;
            if (sameFile(at, logs())) return Optional.of(Part.LOGS);
            if (sameFile(at, backups())) return Optional.of(Part.BACKUPS);
            if (at.equals(t) && sameFile(at, dir)) return Optional.of(Part.FOLDER);
        }
        return Optional.empty();
    }

    private static boolean same(Path a, Path b) {
        return a.equals(b) || a.toString().equalsIgnoreCase(b.toString());
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
