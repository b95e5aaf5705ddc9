package hk.baycover.catalog;

import hk.baycover.model.Pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;

/** Writes a pack as pretty UTF-8 JSON. */
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

    /** Writes the pack to {@code out} (callers write files through {@code io.SafeFiles}). */
    public static void write(Pack pack, OutputStream out) throws IOException {
        out.write(toJson(pack).getBytes(StandardCharsets.UTF_8));
    }
}
