package hk.baycover.trust;

import hk.baycover.model.UserError;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who may use a data folder, with operating-system file locks on {@code <dataDir>/.lock} (released by the OS when a
 * process dies, even by {@code kill -9}, so a crash never leaves a stale lock).
 *
 * <ul>
 *   <li>{@link Mode#INSTANCE}: the GUI. One per data folder: a second window is refused with the pid of the first.</li>
 *   <li>{@link Mode#SHARED}: every process that opens the database (GUI and CLI) holds this; any number may run
 *   together — SQLite (WAL, busy timeout) serialises their writes.</li>
 *   <li>{@link #exclusively}: a restore swaps the database file, so it needs every other process gone: it takes the
 *   instance region (no GUI, or it is the GUI) and the users region exclusively.</li>
 * </ul>
 * Two byte ranges far beyond the file's text are locked, so the pid written at the start stays readable on Windows
 * (whose locks are mandatory). Within one JVM, one channel per folder is kept and counted, because the JVM refuses
 * overlapping locks and closing any channel on a file can drop all of the process's locks on it.
 */
public final class DataDirLock implements AutoCloseable {

    public enum Mode { SHARED, INSTANCE }

    public static final String FILE_NAME = hk.baycover.io.DataFolder.LOCK;
    private static final long INSTANCE_REGION = 1L << 20;
    private static final long USERS_REGION = INSTANCE_REGION + 1;
    private static final Logger LOG = Logger.getLogger(DataDirLock.class.getName());
    private static final Map<Path, Entry> OPEN = new HashMap<>();

    private static final class Entry {
        final FileChannel channel;
        int users;
        FileLock usersLock;
        FileLock instanceLock;
        boolean exclusive;

        Entry(FileChannel channel) {
            this.channel = channel;
        }
    }

    private final Path dataDir;
    private final Path key;
    private final Mode mode;
    private boolean closed;

    private DataDirLock(Path dataDir, Path key, Mode mode) {
        this.dataDir = dataDir;
        this.key = key;
        this.mode = mode;
    }

    public Mode mode() { return mode; }

    /** Takes the folder in {@code mode}; {@code trust.alreadyOpen} (with the holder's pid) when the GUI already has it. */
    public static DataDirLock acquire(Path dataDir, Mode mode) {
        Path key = keyOf(dataDir);
        synchronized (OPEN) {
            Entry e = OPEN.get(key);
            boolean fresh = e == null;
            try {
                if (fresh) e = new Entry(FileChannel.open(key.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
                if (e.exclusive) throw new UserError("trust.restoreUnderWay", dataDir);
                FileLock taken = null;
                if (mode == Mode.INSTANCE) {
                    if (e.instanceLock != null) throw new UserError("trust.alreadyOpen", dataDir, String.valueOf(ProcessHandle.current().pid()));
                    taken = tryLock(e.channel, INSTANCE_REGION, false);
                    if (taken == null) throw new UserError("trust.alreadyOpen", dataDir, pidText(holderPid(e.channel)));
                }
                if (e.users == 0) {
                    FileLock shared = tryLock(e.channel, USERS_REGION, true);
                    if (shared == null) {
                        if (taken != null) taken.release();
                        throw new UserError("trust.restoreUnderWay", dataDir);
                    }
                    e.usersLock = shared;
                }
                if (taken != null) {
                    e.instanceLock = taken;
                    writePid(e.channel);
                }
                e.users++;
                OPEN.put(key, e);
                return new DataDirLock(dataDir, key, mode);
            } catch (IOException ex) {
                throw new UserError(ex, "trust.lockFailed", dataDir, hk.baycover.io.IoErrors.reason(ex));
            } finally {
                if (fresh && e != null && e.users == 0) closeQuietly(e.channel);
            }
        }
    }

    /**
     * Runs {@code work} while no other process uses the folder and no other user in this JVM holds it: for a restore.
     * Refused with {@code trust.alreadyOpen} while a BayCover window (another process) has the folder, and with
     * {@code trust.folderBusy} while another BayCover command is running on it.
     */
    public <T> T exclusively(Supplier<T> work) {
        FileLock borrowedInstance = null;
        FileLock exclusive;
        Entry e;
        synchronized (OPEN) {
            if (closed) throw new IllegalStateException("lock released");
            e = OPEN.get(key);
            if (e.exclusive || e.users > 1) throw new UserError("trust.folderBusy", dataDir);
            try {
                if (e.instanceLock == null) {
                    borrowedInstance = tryLock(e.channel, INSTANCE_REGION, false);
                    if (borrowedInstance == null) throw new UserError("trust.restoreWhileOpen", dataDir, pidText(holderPid(e.channel)));
                }
                e.usersLock.release();
                e.usersLock = null;
                exclusive = tryLock(e.channel, USERS_REGION, false);
                if (exclusive == null) {
                    e.usersLock = e.channel.lock(USERS_REGION, 1, true);
                    if (borrowedInstance != null) borrowedInstance.release();
                    throw new UserError("trust.folderBusy", dataDir);
                }
                e.exclusive = true;
            } catch (IOException ex) {
                throw new UserError(ex, "trust.lockFailed", dataDir, hk.baycover.io.IoErrors.reason(ex));
            }
        }
        try {
            return work.get();
        } finally {
            synchronized (OPEN) {
                try {
                    exclusive.release();
                    e.usersLock = e.channel.lock(USERS_REGION, 1, true);
                    if (borrowedInstance != null) borrowedInstance.release();
                } catch (IOException ex) {
                    LOG.log(Level.WARNING, "cannot re-take the shared lock on " + dataDir, ex);
                } finally {
                    e.exclusive = false;
                }
            }
        }
    }

    /** The pid of the process holding the folder as its GUI, if any (for messages). */
    public static long holderPid(Path dataDir) {
        try (FileChannel ch = FileChannel.open(keyOf(dataDir).resolve(FILE_NAME), StandardOpenOption.READ)) {
            return holderPid(ch);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        synchronized (OPEN) {
            if (closed) return;
            closed = true;
            Entry e = OPEN.get(key);
            if (e == null) return;
            try {
                if (mode == Mode.INSTANCE && e.instanceLock != null) {
                    e.instanceLock.release();
                    e.instanceLock = null;
                }
                if (--e.users == 0) {
                    if (e.usersLock != null) e.usersLock.release();
                    OPEN.remove(key);
                    e.channel.close();
                }
            } catch (IOException ex) {
                LOG.log(Level.WARNING, "cannot release the lock on " + dataDir, ex);
            }
        }
    }

    private static Path keyOf(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return dataDir.toRealPath();
        } catch (IOException e) {
            throw new UserError(e, "store.cannotCreateDir", dataDir);
        }
    }

    private static FileLock tryLock(FileChannel ch, long region, boolean shared) throws IOException {
        try {
            return ch.tryLock(region, 1, shared);
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String pidText(long pid) {
        return pid < 0 ? "?" : String.valueOf(pid);
    }

    private static void writePid(FileChannel ch) throws IOException {
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
    }

    private static long holderPid(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(32);
            int n = ch.read(buf, 0);
            if (n <= 0) return -1;
            return Long.parseLong(new String(buf.array(), 0, n, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }
}
