package hk.baycover.io;

import hk.baycover.model.UserError;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way BayCover writes a file the user named (CSV, PDF, PNG, packs, drafts, backups, key files, audit CSV):
 * <ol>
 *   <li>the target is resolved through links and {@code ..} and refused ({@code file.protected}, naming what it is)
 *       when it is the database, its {@code -wal}/{@code -shm}, the lock, the settings, or lies in the logs or backups
 *       folder of the data folder ({@link DataFolder}); a folder is refused too ({@code file.isFolder});</li>
 *   <li>the content goes to a temporary file in the target's own folder, is flushed to disk, and is then moved over
 *       the target in one atomic rename — a crash or a failure leaves the old file (or none), never half a file;</li>
 *   <li>a {@link Batch} (multi-file export) checks every target first, writes every temporary file, and only then moves
 *       them in; if any step fails, the targets are put back as they were and nothing new remains.</li>
 * </ol>
 * Failures become {@link UserError}s in the user's words ({@code file.cannotWrite} with a reason from
 * {@link IoErrors}); details go to the log.
 */
public final class SafeFiles {

    private static final Logger LOG = Logger.getLogger(SafeFiles.class.getName());
    private static final int MAX_LINKS = 40;

    /** Writes a file's content to a stream (the stream is closed for you). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills a file given by path (for writers that insist on a path, e.g. SQLite's backup API); it exists and is empty. */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path file) throws IOException;
    }

    private final DataFolder folder;

    private SafeFiles(DataFolder folder) {
        this.folder = folder;
    }

    /** The writer that protects the files of the data folder {@code dataDir} (it need not exist yet). */
    public static SafeFiles forDataDir(Path dataDir) {
        return new SafeFiles(new DataFolder(dataDir));
    }

    public DataFolder folder() { return folder; }

    /**
     * Where a write to {@code target} would land (links and {@code ..} resolved); refused when that is one of the data
     * folder's own files or folders, or an existing folder.
     */
    public Path check(Path target) {
        Path resolved = resolve(target);
        folder.protectedPart(resolved).ifPresent(part -> {
            throw new UserError("file.protected", target, new UserError(part.key()));
        });
        if (Files.isDirectory(resolved)) throw new UserError("file.isFolder", target);
        return resolved;
    }

    /** Writes {@code content} to {@code target} (see the class comment); returns the path written. */
    public Path write(Path target, Content content) {
        return writeFile(target, streaming(content));
    }

    public Path write(Path target, byte[] bytes) {
        return write(target, out -> out.write(bytes));
    }

    public Path writeString(Path target, String text) {
        return write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Like {@link #write(Path, byte[])} for a secret (a private key): the temporary file is made readable by its owner
     * only before anything is written to it, so the secret never sits in a file others can read.
     */
    public Path writePrivate(Path target, byte[] secret) {
        return writeFile(target, tmp -> {
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits the folder's access list (the user's own profile)
            }
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(secret);
            }
        });
    }

    /** Like {@link #write(Path, Content)} for writers that need a file name. */
    public Path writeFile(Path target, FileContent content) {
        atomic(check(target), target, content);
        return target.toAbsolutePath().normalize();
    }

    /**
     * For the data folder's own files only (the settings, automatic backups): the same temp-and-rename, without the
     * guard that refuses them to everyone else.
     */
    public static void writeOwn(Path file, Content content) {
        atomic(resolve(file), file, streaming(content));
    }

    /** {@link #writeOwn(Path, Content)} for writers that need a file name. */
    public static void writeOwnFile(Path file, FileContent content) {
        atomic(resolve(file), file, content);
    }

    private static FileContent streaming(Content content) {
        return tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
                content.writeTo(out);
            }
        };
    }

    private static void atomic(Path resolved, Path shown, FileContent content) {
        Path tmp = null;
        try {
            tmp = temp(resolved);
            content.writeTo(tmp);
            sync(tmp);
            move(tmp, resolved);
            syncDir(resolved.getParent());
        } catch (IOException e) {
            throw cannotWrite(shown, e);
        } finally {
            deleteQuietly(tmp);
            if (tmp != null) deleteQuietly(Path.of(tmp + "-journal"));
        }
    }

    /** Several files written all together or not at all (e.g. exporting every dataset). */
    public Batch batch() {
        return new Batch();
    }

    public final class Batch {
        private final List<Path> targets = new ArrayList<>();
        private final List<Content> contents = new ArrayList<>();

        private Batch() {
        }

        public Batch add(Path target, Content content) {
            targets.add(target);
            contents.add(content);
            return this;
        }

        /**
         * Checks every target, writes every temporary file, then moves them in; on any failure puts back what was there
         * and leaves nothing new. Returns the files written, in the order added.
         */
        public List<Path> commit() {
            List<Path> resolved = new ArrayList<>();
            Set<Path> seen = new HashSet<>();
            for (Path t : targets) {
                Path r = check(t);
                if (!seen.add(r)) throw new UserError("file.twice", t);
                resolved.add(r);
            }
            List<Path> temps = new ArrayList<>();
            List<Path> olds = new ArrayList<>();
            int moved = 0;
            Path current = null;
            try {
                for (int i = 0; i < resolved.size(); i++) {
                    current = targets.get(i);
                    Files.createDirectories(resolved.get(i).getParent());
                    Path tmp = temp(resolved.get(i));
                    temps.add(tmp);
                    streaming(contents.get(i)).writeTo(tmp);
                    sync(tmp);
                }
                for (int i = 0; i < resolved.size(); i++) {
                    current = targets.get(i);
                    Path r = resolved.get(i);
                    Path old = null;
                    if (Files.exists(r, LinkOption.NOFOLLOW_LINKS)) {
                        old = sibling(r, ".old-");
                        Files.move(r, old, StandardCopyOption.ATOMIC_MOVE);
                    }
                    olds.add(old);
                    move(temps.get(i), r);
                    moved++;
                }
            } catch (IOException | RuntimeException e) {
                rollBack(resolved, olds, moved);
                for (Path t : temps) deleteQuietly(t);
                if (e instanceof RuntimeException) throw (RuntimeException) e;
                throw cannotWrite(current, (IOException) e);
            }
            for (Path old : olds) deleteQuietly(old);
            for (Path r : resolved) syncDir(r.getParent());
            List<Path> out = new ArrayList<>();
            for (Path t : targets) out.add(t.toAbsolutePath().normalize());
            return out;
        }

        private void rollBack(List<Path> resolved, List<Path> olds, int moved) {
            for (int i = olds.size() - 1; i >= 0; i--) {
                Path r = resolved.get(i);
                try {
                    if (i < moved) Files.deleteIfExists(r);
                    if (olds.get(i) != null) Files.move(olds.get(i), r, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "could not put back " + r + " (its previous content is in " + olds.get(i) + ")", e);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ internals

    /**
     * The path a write would reach: absolute, {@code ..} removed, every link followed (also a dangling one, and links in
     * folders that do not exist yet), so that no name can lead around the guard.
     */
    public static Path resolve(Path target) {
        Path p = target.toAbsolutePath().normalize();
        for (int hops = 0; hops < MAX_LINKS; hops++) {
            if (Files.exists(p)) {
                try {
                    return p.toRealPath();
                } catch (IOException e) {
                    return p;
                }
            }
            if (Files.isSymbolicLink(p)) {
                try {
                    p = p.resolveSibling(Files.readSymbolicLink(p)).toAbsolutePath().normalize();
                    continue;
                } catch (IOException e) {
                    return p;
                }
            }
            // the deepest existing ancestor, resolved; the rest of the names appended
            Path parent = p.getParent();
            if (parent == null) return p;
            Path resolvedParent = resolve(parent);
            return resolvedParent.resolve(p.getFileName().toString());
        }
        return p;
    }

    private static Path temp(Path resolved) throws IOException {
        Path dir = resolved.getParent();
        Files.createDirectories(dir);
        Path tmp = sibling(resolved, ".tmp-");
        Files.createFile(tmp);
        return tmp;
    }

    private static Path sibling(Path resolved, String prefix) {
        String name = resolved.getFileName().toString();
        if (name.length() > 100) name = name.substring(0, 100);
        return resolved.resolveSibling("." + name + prefix + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Makes the rename durable where the OS allows it (Linux, macOS); a no-op elsewhere. */
    private static void syncDir(Path dir) {
        if (dir == null) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows cannot open a folder as a channel; the rename is still atomic
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot delete " + p, e);
        }
    }

    static UserError cannotWrite(Path target, IOException e) {
        LOG.log(Level.WARNING, "cannot write " + target, e);
        return new UserError(e, "file.cannotWrite", target, IoErrors.reason(e));
    }
}
