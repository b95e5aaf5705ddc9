package hk.baycover.catalog;

import hk.baycover.model.Pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a pack as pretty UTF-8 JSON, atomically (temp file in the same folder, then move). */
public final class PackWriter {

    private PackWriter() {
    }

    public static String toJson(Pack pack) {
        try {
            return CatalogJson.mapper().writeValueAsString(pack) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Pack pack, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".pack-", ".tmp");
        try {
            Files.writeString(tmp, toJson(pack), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
