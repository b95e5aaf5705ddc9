package hk.baycover.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Searches every file under a data folder (database, WAL, shared memory, backups, logs, settings) byte by byte. */
public final class PlaintextProbe {

    private PlaintextProbe() {
    }

    /** "file: text" for every occurrence of any of {@code texts} (UTF-8 or UTF-16) in any file under {@code folder}. */
    public static List<String> find(Path folder, List<String> texts) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                for (String t : texts) {
                    for (byte[] needle : List.of(t.getBytes(StandardCharsets.UTF_8), t.getBytes(StandardCharsets.UTF_16LE), t.getBytes(StandardCharsets.UTF_16BE))) {
                        if (indexOf(bytes, needle) >= 0) found.add(folder.relativize(f) + ": " + t);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    public static void assertNoneOf(Path folder, List<String> texts) {
        assertEquals(List.of(), find(folder, texts), "personal fields in plain text under " + folder);
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
