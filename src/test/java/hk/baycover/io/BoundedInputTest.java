package hk.baycover.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link BoundedInput#readAll}: a regular file is read into one array of its size, in chunks; every size around the
 * chunk gives the file's exact bytes; the limit still holds for files and for streams without a size.
 */
class BoundedInputTest {

    @TempDir
    Path dir;

    @Test
    void everySizeAroundTheChunkIsReadExactly() throws Exception {
        Random r = new Random(16);
        for (int size : new int[] {0, 1, 65_535, 65_536, 65_537, 3 * 65_536 + 17, 1_000_000}) {
            byte[] bytes = new byte[size];
            r.nextBytes(bytes);
            Path f = dir.resolve("f" + size);
            Files.write(f, bytes);
            assertArrayEquals(bytes, BoundedInput.readAll(f, 2_000_000), "size " + size);
            assertArrayEquals(bytes, BoundedInput.readAll(f, size), "exactly at the limit, size " + size);
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedUnread() throws Exception {
        Path f = dir.resolve("big");
        Files.write(f, new byte[70_000]);
        BoundedInput.TooLarge e = assertThrows(BoundedInput.TooLarge.class, () -> BoundedInput.readAll(f, 69_999));
        assertEquals(70_000, e.size());
    }

    @Test
    void aStreamWithoutASizeIsCountedAndStoppedAtTheLimit() throws Exception {
        byte[] bytes = new byte[200_000];
        new Random(7).nextBytes(bytes);
        assertArrayEquals(bytes, BoundedInput.limit(new ByteArrayInputStream(bytes), null, 200_000).readAllBytes());
        assertThrows(BoundedInput.TooLarge.class, () -> BoundedInput.limit(new ByteArrayInputStream(bytes), null, 199_999).readAllBytes());
    }

    @Test
    void aDeviceThatNeverEndsIsStoppedAtTheLimit() {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) return;
        BoundedInput.TooLarge e = assertThrows(BoundedInput.TooLarge.class, () -> BoundedInput.readAll(zero, 300_000));
        assertEquals(-1, e.size(), "counted while reading");
    }
}
