package hk.baycover.store;

import com.fasterxml.jackson.databind.JsonNode;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.catalog.PackException;
import hk.baycover.catalog.PackReader;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The packs shipped in the jar ({@code data/packs/index.txt} lists them in import order). First start seeds them;
 * later starts re-seed only a shipped dataset whose checksum changed, and never touch one the user imported.
 * A shipped pack that cannot be seeded (e.g. it clashes with a pack the user imported) is logged and skipped: the app
 * still starts with what it has.
 */
public final class ShippedPacks {

    private static final Logger LOG = Logger.getLogger(ShippedPacks.class.getName());

    /** Where shipped packs come from: an index of file names in import order, and each file's bytes. */
    public interface Location {
        /** File names in import order (the index's non-comment lines). */
        List<String> names();

        /** The file's bytes; empty when the index lists a file that is not there. */
        Optional<byte[]> bytes(String name);

        /**
         * The file's SHA-256 as the build recorded it beside the file ({@code NAME.sha256}, written by the build from the
         * same bytes), so a usual start knows the pack is already seeded without reading and hashing it; empty when there
         * is none (then the bytes are hashed).
         */
        default Optional<String> checksum(String name) {
            return Optional.empty();
        }

        /** The name under which problems with the file are reported. */
        default String display(String name) {
            return "data/packs/" + name;
        }
    }

    /** The packs inside the jar (or target/classes when run from Maven). */
    public static final Location JAR = classpath("/data/packs/");

    private ShippedPacks() {
    }

    /** Packs on the class path under {@code root} (ending in "/"), listed by {@code root + "index.txt"}. */
    public static Location classpath(String root) {
        return new Location() {
            @Override
            public List<String> names() {
                try (InputStream in = ShippedPacks.class.getResourceAsStream(root + "index.txt")) {
                    return in == null ? List.of() : parseIndex(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read the shipped pack index " + root, e);
                }
            }

            @Override
            public Optional<byte[]> bytes(String name) {
                try (InputStream in = ShippedPacks.class.getResourceAsStream(root + name)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read shipped pack " + name, e);
                }
            }

            @Override
            public Optional<String> checksum(String name) {
                try (InputStream in = ShippedPacks.class.getResourceAsStream(root + name + ".sha256")) {
                    if (in == null) return Optional.empty();
                    String hex = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip().toLowerCase(java.util.Locale.ROOT);
                    // Ant's checksum task writes the bare digest; "digest  name" is taken too
                    hex = hex.split("\\s+", 2)[0];
                    return hex.matches("[0-9a-f]{64}") ? Optional.of(hex) : Optional.empty();
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        };
    }

    /** Packs in a folder with an {@code index.txt} (tests, and a checkout's data/packs). */
    public static Location directory(Path dir) {
        return new Location() {
            @Override
            public List<String> names() {
                Path index = dir.resolve("index.txt");
                try {
                    return Files.exists(index) ? parseIndex(new String(hk.baycover.io.BoundedInput.readAll(index, 1024 * 1024), StandardCharsets.UTF_8)) : List.of();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + index, e);
                }
            }

            @Override
            public Optional<byte[]> bytes(String name) {
                Path p = dir.resolve(name);
                try {
                    return Files.exists(p) ? Optional.of(hk.baycover.io.BoundedInput.readAll(p, hk.baycover.catalog.PackReader.MAX_BYTES)) : Optional.empty();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + p, e);
                }
            }

            @Override
            public String display(String name) {
                return dir.resolve(name).toString();
            }
        };
    }

    static List<String> parseIndex(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) out.add(t);
        }
        return out;
    }

    /** File names of the shipped packs, in import order. */
    public static List<String> names() {
        return JAR.names();
    }

    /** The bytes of one shipped pack. */
    public static byte[] bytes(String name) {
        return JAR.bytes(name).orElseThrow(() -> new IllegalStateException("shipped pack missing from the jar: " + name));
    }

    /** Seeds what is new or changed from the jar; returns the datasets written (empty when everything was current). */
    public static List<CatalogStore.Imported> seed(CatalogStore store, Lang lang, ProgressMonitor monitor) {
        return seed(store, lang, monitor, JAR);
    }

    /** Seeds what is new or changed from {@code location}; returns the datasets written. */
    public static List<CatalogStore.Imported> seed(CatalogStore store, Lang lang, ProgressMonitor monitor, Location location) {
        List<CatalogStore.Source> due = new ArrayList<>();
        for (String name : location.names()) {
            // the usual start: this very pack is already seeded (same checksum, shipped) — no need to read, hash or parse
            // it; the build recorded its checksum beside it
            Optional<String> recorded = location.checksum(name);
            if (recorded.isPresent() && seededAlready(store, recorded.get())) continue;
            Optional<byte[]> found = location.bytes(name);
            if (found.isEmpty()) {
                LOG.warning(() -> "shipped pack listed in index.txt but missing from the build: " + name);
                continue;
            }
            byte[] bytes = found.get();
            // what is seeded is what the bytes say, whatever was recorded
            String checksum = PackReader.sha256(bytes);
            if (seededAlready(store, checksum)) continue;
            // the dataset id is the pack's own id (its header), not its file name
            String id = packId(bytes).orElse(null);
            String[] stored = id == null ? null : stored(store, id);
            boolean userOwned = stored != null && CatalogStore.Origin.IMPORTED.name().equals(stored[1]);
            boolean current = stored != null && checksum.equals(stored[0]);
            if (!userOwned && !current) due.add(new CatalogStore.Source(location.display(name), bytes));
        }
        if (due.isEmpty()) return List.of();
        LOG.info(() -> "seeding " + due.size() + " shipped pack(s)");
        try {
            return store.importSources(due, CatalogStore.Origin.SHIPPED, lang, monitor);
        } catch (PackException together) {
            if (due.size() == 1) {
                log(together);
                return List.of();
            }
        }
        // one of them is refused: seed the others one by one, in index order, so the rest still arrive
        List<CatalogStore.Imported> done = new ArrayList<>();
        for (CatalogStore.Source s : due) {
            try {
                done.addAll(store.importSources(List.of(s), CatalogStore.Origin.SHIPPED, lang, monitor));
            } catch (PackException alone) {
                log(alone);
            }
        }
        return done;
    }

    private static void log(PackException e) {
        LOG.log(Level.WARNING, "a shipped pack was not seeded: " + e.problems());
    }

    /** The pack id in a pack's header, if the bytes are readable JSON that has one. */
    static Optional<String> packId(byte[] bytes) {
        try {
            JsonNode id = CatalogJson.mapper().readTree(bytes).path("pack").path("id");
            return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when a shipped dataset with exactly these bytes' checksum is stored. */
    private static boolean seededAlready(CatalogStore store, String checksum) {
        return store.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM dataset WHERE checksum = ? AND origin = ?")) {
                ps.setString(1, checksum);
                ps.setString(2, CatalogStore.Origin.SHIPPED.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
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
