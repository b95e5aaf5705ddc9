package hk.baycover.store;

import hk.baycover.catalog.PackReader;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The packs shipped in the jar ({@code data/packs/index.txt} lists them in import order). First start seeds them;
 * later starts re-seed only a shipped dataset whose checksum changed, and never touch one the user imported.
 */
public final class ShippedPacks {

    private static final Logger LOG = Logger.getLogger(ShippedPacks.class.getName());

    private ShippedPacks() {
    }

    public static List<String> names() {
        try (InputStream in = ShippedPacks.class.getResourceAsStream("/data/packs/index.txt")) {
            if (in == null) return List.of();
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) out.add(t);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped pack index", e);
        }
    }

    public static byte[] bytes(String name) {
        try (InputStream in = ShippedPacks.class.getResourceAsStream("/data/packs/" + name)) {
            if (in == null) throw new IllegalStateException("shipped pack missing from the jar: " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped pack " + name, e);
        }
    }

    /** Seeds what is new or changed; returns the datasets written (empty when everything was current). */
    public static List<CatalogStore.Imported> seed(CatalogStore store, Lang lang, ProgressMonitor monitor) {
        List<CatalogStore.Source> due = new ArrayList<>();
        for (String name : names()) {
            if (ShippedPacks.class.getResource("/data/packs/" + name) == null) {
                LOG.warning(() -> "shipped pack listed in index.txt but missing from the build: " + name);
                continue;
            }
            byte[] bytes = bytes(name);
            String checksum = PackReader.sha256(bytes);
            String[] stored = stored(store, datasetIdOf(name));
            boolean userOwned = stored != null && "IMPORTED".equals(stored[1]);
            boolean current = stored != null && checksum.equals(stored[0]);
            if (!userOwned && !current) due.add(new CatalogStore.Source("data/packs/" + name, bytes));
        }
        if (due.isEmpty()) return List.of();
        LOG.info(() -> "seeding " + due.size() + " shipped pack(s)");
        return store.importSources(due, CatalogStore.Origin.SHIPPED, lang, monitor);
    }

    private static String datasetIdOf(String fileName) {
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }

    private static String[] stored(CatalogStore store, String id) {
        return store.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT checksum, origin FROM dataset WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
                }
            }
        });
    }
}
