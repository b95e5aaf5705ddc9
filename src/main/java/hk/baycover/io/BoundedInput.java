package hk.baycover.io;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way BayCover reads a file the user names (packs, client files, gap configs, draft packs, passphrase and key
 * files, backups to restore): with a byte limit that counts the bytes actually read, so a device ({@code /dev/zero},
 * {@code /dev/urandom}), a FIFO or a file that keeps growing is stopped at the limit instead of filling the memory. A
 * regular file already larger than the limit is refused before anything is read.
 */
public final class BoundedInput {

    private static final int CHUNK = 1 << 16;

    /** More bytes than the limit allows; {@link #size()} is the file's size when it is known, else -1. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final long limit;
        private final long size;

        TooLarge(Path file, long limit, long size) {
            super((file == null ? "input" : file.toString()) + " holds more than " + limit + " bytes");
            this.file = file;
            this.limit = limit;
            this.size = size;
        }

        public Path file() { return file; }

        public long limit() { return limit; }

        /** The size of a regular file that was refused unread; -1 when the bytes were counted while reading. */
        public long size() { return size; }

        /** The limit in whole megabytes (at least 1), for messages. */
        public long limitMb() { return Math.max(1, limit / (1024 * 1024)); }
    }

    private BoundedInput() {
    }

    /** Every byte of {@code file}, or {@link TooLarge} once more than {@code limit} bytes were read. */
    public static byte[] readAll(Path file, long limit) throws IOException {
        try (InputStream in = open(file, limit)) {
            long hint = Files.isRegularFile(file) ? Math.min(Files.size(file), limit) : CHUNK;
            // a regular file is read straight into an array of its size (a 39 MB pack is held once, not twice while
            // it is copied out of a growing buffer); one that turns out longer or shorter goes on as a stream would
            byte[] exact = new byte[(int) Math.min(hint, Integer.MAX_VALUE - 8)];
            int off = 0;
            for (int n; off < exact.length && (n = in.read(exact, off, Math.min(CHUNK, exact.length - off))) >= 0; ) off += n;
            int next = off == exact.length ? in.read() : -1;
            if (off == exact.length && next < 0) return exact;
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(32, Math.min((long) off + CHUNK, Integer.MAX_VALUE - 8)));
            out.write(exact, 0, off);
            if (next >= 0) out.write(next);
            byte[] buf = new byte[CHUNK];
            for (int n; (n = in.read(buf)) >= 0; ) out.write(buf, 0, n);
            return out.toByteArray();
        }
    }

    /**
     * A stream over {@code file} that throws {@link TooLarge} as soon as more than {@code limit} bytes were read; a
     * regular file larger than the limit is refused at once.
     */
    public static InputStream open(Path file, long limit) throws IOException {
        if (Files.isRegularFile(file)) {
            long size = Files.size(file);
            if (size > limit) throw new TooLarge(file, limit, size);
        }
        return limit(Files.newInputStream(file), file, limit);
    }

    /** Wraps any stream (standard input, a pipe) with the same counting limit. */
    public static InputStream limit(InputStream in, Path file, long limit) {
        return new Counting(in, file, limit);
    }

    private static final class Counting extends FilterInputStream {
        private final Path file;
        private final long limit;
        private long read;

        Counting(InputStream in, Path file, long limit) {
            super(in);
            this.file = file;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // ask for at most one byte past the limit: enough to know there is more
            int want = (int) Math.min(len, Math.max(1, limit + 1 - read));
            int n = super.read(b, off, want);
            if (n > 0) count(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, Math.max(0, limit + 1 - read)));
            if (s > 0) count(s);
            return s;
        }

        private void count(long n) throws TooLarge {
            read += n;
            if (read > limit) throw new TooLarge(file, limit, -1);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
