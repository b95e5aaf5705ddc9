package hk.baycover.store;

import hk.baycover.catalog.CatalogJson;
import hk.baycover.catalog.PackException;
import hk.baycover.catalog.PackReader;
import hk.baycover.catalog.PackSigning;
import hk.baycover.catalog.PackWriter;
import hk.baycover.catalog.Problem;
import hk.baycover.catalog.ReferenceContext;
import hk.baycover.catalog.ScriptFiller;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Approval;
import hk.baycover.model.Benefit;
import hk.baycover.model.Catalog;
import hk.baycover.model.CostLine;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Freshness;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Pack;
import hk.baycover.model.PackHeader;
import hk.baycover.model.PackKind;
import hk.baycover.model.PartialDate;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.RegulatedItem;
import hk.baycover.model.RunningTotal;
import hk.baycover.model.Scenario;
import hk.baycover.io.BoundedInput;
import hk.baycover.io.SafeFiles;
import hk.baycover.model.UserError;
import hk.baycover.trust.AuditAction;
import hk.baycover.trust.AuditEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Catalog datasets in SQLite: import (validated first, then one transaction, all or nothing), export (packs that
 * re-import to the same content), and snapshots for the services.
 */
public final class CatalogStore {

    public enum Origin { SHIPPED, IMPORTED }

    /** What an import did, per pack. */
    public record Imported(String datasetId, String version, int records, boolean replaced, Signer signer) {
        public Imported(String datasetId, String version, int records, boolean replaced) {
            this(datasetId, version, records, replaced, null);
        }
    }

    /** Who signed a dataset: the key's fingerprint, and the user's name for it when it is a trusted publisher (else null). */
    public record Signer(String fingerprint, String publisher) {
        public String shortFingerprint() { return PackSigning.shortFingerprint(fingerprint); }

        /**
         * A dataset's signature status as shown and as {@code info --json} writes it: {@code shipped} (comes with
         * BayCover), {@code unsigned}, {@code signed} (by a trusted publisher) or {@code signedUnknownKey}.
         */
        public static String status(String origin, Signer signer) {
            if (signer != null) return signer.publisher() != null ? "signed" : "signedUnknownKey";
            return Origin.SHIPPED.name().equals(origin) ? "shipped" : "unsigned";
        }

        /** The status in words: "signed by NAME (3f2a 9c01 …)", "unsigned", … ({@code sign.status.*}). */
        public static String label(Lang lang, String origin, Signer signer) {
            switch (status(origin, signer)) {
                case "signed": return I18n.get(lang, "sign.status.signedBy", signer.publisher(), signer.shortFingerprint());
                case "signedUnknownKey": return I18n.get(lang, "sign.status.signedUnknown", signer.shortFingerprint());
                case "shipped": return I18n.get(lang, "sign.status.shipped");
                default: return I18n.get(lang, "sign.status.unsigned");
            }
        }
    }

    private final Database db;

    public CatalogStore(Database db) {
        this.db = db;
    }

    public Database database() { return db; }

    // ------------------------------------------------------------------ import

    /** Validates every file (all problems at once), then writes all of them in one transaction. */
    public List<Imported> importFiles(List<Path> files, Origin origin, Lang lang, ProgressMonitor monitor) {
        List<Loaded> loaded = new ArrayList<>();
        for (Path f : files) {
            loaded.add(signed(f, readBytes(f, lang)));
        }
        hk.baycover.io.Timeline.mark("import: files read");
        refuseBadSignatures(loaded, lang);
        return importLoaded(loaded, origin, lang, monitor);
    }

    /** A pack file's bytes with the name to report problems under. */
    public record Source(String name, byte[] bytes) {
    }

    public List<Imported> importSources(List<Source> sources, Origin origin, Lang lang, ProgressMonitor monitor) {
        List<Loaded> loaded = new ArrayList<>();
        for (Source s : sources) loaded.add(new Loaded(s.name(), null, null, s.bytes(), null, null));
        return importLoaded(loaded, origin, lang, monitor);
    }

    /**
     * A pack on its way in; {@code signature}: what its detached signature said (null for packs given as bytes). Once
     * read, either {@code checked} (streamed: header and ids only, the records are read again from {@code bytes} as they
     * are written) or {@code pack} (read as a whole) is set.
     */
    private record Loaded(String name, Pack pack, String checksum, byte[] bytes, PackSigning.Check signature, PackReader.Checked checked) {
        PackHeader header() {
            return pack != null ? pack.pack() : checked.header();
        }

        int records() {
            return pack != null ? pack.recordCount() : checked.records();
        }

        /** The ids of a section's records, in file order. */
        List<String> ids(String section) {
            if (checked != null) return checked.ids(section);
            switch (section) {
                case "institutions": return pack.institutions().stream().map(Institution::id).toList();
                case "items": return pack.items().stream().map(RegulatedItem::id).toList();
                case "products": return pack.products().stream().map(Product::id).toList();
                case "scenarios": return pack.scenarios().stream().map(Scenario::id).toList();
                default: return List.of();
            }
        }
    }

    private static Loaded signed(Path f, byte[] bytes) {
        return new Loaded(f.toString(), null, null, bytes, PackSigning.check(f, bytes), null);
    }

    /** A signed pack whose bytes changed, or a damaged signature, refuses the import (each named by its signature file). */
    private static List<Problem> signatureProblems(List<Loaded> loaded, Lang lang) {
        List<Problem> out = new ArrayList<>();
        for (Loaded l : loaded) {
            if (l.signature() == null || !l.signature().refused()) continue;
            String sig = l.name() + PackSigning.SUFFIX;
            out.add(new Problem(sig, "", l.signature().outcome() == PackSigning.Outcome.BYTES_CHANGED
                    ? I18n.get(lang, "sign.bytesChanged", PackSigning.shortFingerprint(l.signature().signature().fingerprint()))
                    : I18n.get(lang, "sign.damaged")));
        }
        return out;
    }

    private static void refuseBadSignatures(List<Loaded> loaded, Lang lang) {
        List<Problem> p = signatureProblems(loaded, lang);
        if (!p.isEmpty()) throw new PackException(p);
    }

    private static byte[] readBytes(Path f, Lang lang) {
        try {
            return BoundedInput.readAll(f, PackReader.MAX_BYTES);
        } catch (IOException e) {
            throw new PackException(List.of(new Problem(f.toString(), "", PackReader.unreadable(lang, e))));
        }
    }

    /** Reads and checks files exactly as an import would, without writing anything. Throws {@link PackException}. */
    public List<Pack> validateFiles(List<Path> files, Lang lang) {
        List<Loaded> loaded = new ArrayList<>();
        List<Problem> unreadable = new ArrayList<>();
        for (Path f : files) {
            try {
                loaded.add(signed(f, readBytes(f, lang)));
            } catch (PackException e) {
                unreadable.addAll(e.problems());
            }
        }
        List<Problem> problems = new ArrayList<>(unreadable);
        problems.addAll(signatureProblems(loaded, lang));
        List<Loaded> packs = List.of();
        try {
            packs = readAll(loaded, Origin.IMPORTED, lang, ProgressMonitor.NONE, false);
        } catch (PackException e) {
            problems.addAll(e.problems());
        }
        if (problems.isEmpty()) {
            List<Loaded> ok = packs;
            problems.addAll(db.read(c -> {
                List<Problem> out = new ArrayList<>();
                for (Loaded l : ok) out.addAll(clashes(c, l, lang));
                return out;
            }));
        }
        if (!problems.isEmpty()) throw new PackException(problems);
        return packs.stream().map(Loaded::pack).toList();
    }

    private List<Imported> importLoaded(List<Loaded> raw, Origin origin, Lang lang, ProgressMonitor monitor) {
        // the automatic backup is written while the packs are read and checked (ADR 0071); a pack refused, or an import
        // cancelled, before the write begins leaves the backups as they were
        try (BackupService.Ahead backup = BackupService.rollingAhead(db, "before-import")) {
            return importLoaded(raw, origin, lang, monitor, backup);
        }
    }

    private List<Imported> importLoaded(List<Loaded> raw, Origin origin, Lang lang, ProgressMonitor monitor, BackupService.Ahead backup) {
        List<Loaded> packs = readAll(raw, origin, lang, monitor, true);
        hk.baycover.io.Timeline.mark("import: packs checked");
        long total = packs.stream().mapToLong(Loaded::records).sum();
        List<Problem> early = db.read(c -> {
            List<Problem> out = new ArrayList<>();
            for (Loaded l : packs) out.addAll(clashes(c, l, lang));
            return out;
        });
        if (!early.isEmpty()) throw new PackException(early);
        hk.baycover.io.Timeline.mark("import: ids checked against the database");
        monitor.checkCancelled();
        backup.await();
        hk.baycover.io.Timeline.mark("import: automatic backup");
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA defer_foreign_keys = ON");
            }
            List<Imported> done = new ArrayList<>();
            List<Problem> clashes = new ArrayList<>();
            long[] written = {0};
            for (Loaded l : packs) {
                clashes.addAll(clashes(c, l, lang));
            }
            if (!clashes.isEmpty()) throw new PackException(clashes);
            for (Loaded l : packs) {
                monitor.checkCancelled();
                String id = l.header().id();
                String version = l.header().version();
                rememberRemovedInstitutions(c, id);
                boolean replaced = delete(c, id);
                if (l.pack() != null) {
                    write(c, l.pack(), l.checksum(), origin, monitor, written, total);
                } else {
                    writeStreamed(c, l, origin, monitor, written, total);
                }
                Signer signer = recordSignature(c, l);
                done.add(new Imported(id, version, l.records(), replaced, signer));
                AuditStore.append(c, AuditEntry.of(AuditAction.PACK_IMPORTED, "dataset", id, null, Map.of(
                        "version", version, "records", String.valueOf(l.records()),
                        "sha256", l.checksum(), "origin", origin.name(), "replaced", String.valueOf(replaced),
                        "signedBy", signer == null ? "unsigned" : signer.fingerprint())), db.clock());
            }
            hk.baycover.io.Timeline.mark("import: records written");
            List<Problem> dangling = mayDangle(c, packs) ? dangling(c, lang, packs) : List.of();
            hk.baycover.io.Timeline.mark("import: references checked");
            if (!dangling.isEmpty()) throw new PackException(dangling);
            monitor.checkCancelled();
            return done;
        });
    }

    /**
     * Reads and checks every pack, all problems at once. With {@code stream}, a pack is checked one record at a time and
     * only its header and ids are kept ({@link PackReader#check}); a pack with a problem (or one laid out so that it
     * cannot be streamed) is read as a whole, which reports every problem with the usual messages.
     */
    private List<Loaded> readAll(List<Loaded> raw, Origin origin, Lang lang, ProgressMonitor monitor, boolean stream) {
        // the packs shipped with BayCover are not held to today's date: a computer whose clock is wrong must still start
        // with its data (TextAndDateRulesTest checks that no shipped as-of date is later than the day the build runs)
        PackReader reader = origin == Origin.SHIPPED ? PackReader.shipped(lang) : new PackReader(lang, LocalDate.now(db.clock()));
        // the ids of the packs read so far in this import; the database's are looked up by id as references name them
        // (ADR 0068), on one connection held while the packs are read, instead of reading every id of the database
        Set<String> institutions = new HashSet<>();
        Set<String> items = new HashSet<>();
        return db.read(c -> {
            try (StoredIds stored = new StoredIds(c)) {
                hk.baycover.io.Timeline.mark("import: ids in the database read");
                List<Loaded> read;
                try {
                    read = readAll(raw, reader, lang, monitor, stream, institutions, items, stored);
                } catch (RuntimeException e) {
                    if (stored.failure != null) throw stored.failure;
                    throw e;
                }
                // a failed look-up is the database's failure (Database.read handles it), even where a check swallowed it
                if (stored.failure != null) throw stored.failure;
                return read;
            }
        });
    }

    /**
     * Whether an id is an institution or item of the database, asked one id at a time (by primary key) and remembered:
     * what a reference check needs from the database, without reading every id it holds.
     */
    private static final class StoredIds implements AutoCloseable {
        private final PreparedStatement institution;
        private final PreparedStatement item;
        private final Map<String, Boolean> institutions = new java.util.HashMap<>();
        private final Map<String, Boolean> items = new java.util.HashMap<>();
        /** The first look-up that failed, if any. */
        SQLException failure;

        StoredIds(Connection c) throws SQLException {
            institution = c.prepareStatement("SELECT 1 FROM institution WHERE id = ?");
            item = c.prepareStatement("SELECT 1 FROM item WHERE id = ?");
        }

        synchronized boolean institution(String id) {
            Boolean known = institutions.get(id);
            if (known == null) institutions.put(id, known = exists(institution, id));
            return known;
        }

        synchronized boolean item(String id) {
            Boolean known = items.get(id);
            if (known == null) items.put(id, known = exists(item, id));
            return known;
        }

        private boolean exists(PreparedStatement ps, String id) {
            try {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                if (failure == null) failure = e;
                throw new IllegalStateException("database look-up failed", e);
            }
        }

        @Override
        public void close() throws SQLException {
            try (institution; item) {
                // both closed
            }
        }
    }

    private List<Loaded> readAll(List<Loaded> raw, PackReader reader, Lang lang, ProgressMonitor monitor, boolean stream,
            Set<String> institutions, Set<String> items, StoredIds stored) {
        List<Problem> problems = new ArrayList<>();
        List<Loaded> packs = new ArrayList<>();
        // read in dependency order so that a products pack may name institutions from a drugs pack imported with it
        List<Loaded> ordered = new ArrayList<>(raw);
        Map<Loaded, Integer> order = new java.util.IdentityHashMap<>();
        for (Loaded l : raw) order.put(l, PackReader.peekKind(l.bytes()).map(Enum::ordinal).orElse(PackKind.values().length));
        ordered.sort(Comparator.comparingInt(order::get));
        Set<String> packIds = new HashSet<>();
        Map<String, String> owners = new java.util.HashMap<>(); // record id -> pack id, over the packs of this import
        for (Loaded l : ordered) {
            monitor.checkCancelled();
            ReferenceContext context = new ReferenceContext() {
                @Override
                public boolean institutionExists(String id) { return institutions.contains(id) || stored.institution(id); }

                @Override
                public boolean itemExists(String id) { return items.contains(id) || stored.item(id); }
            };
            PackReader.Checked checked = stream ? reader.check(l.name(), l.bytes(), context).orElse(null) : null;
            if (checked != null) {
                String packId = checked.header().id();
                if (!packIds.add(packId)) {
                    problems.add(new Problem(l.name(), "/pack/id", I18n.get(lang, "pack.sameIdTwice", packId)));
                }
                for (String section : List.of("institutions", "items", "products", "scenarios")) {
                    claim(owners, checked.ids(section), "/" + section + "/", packId, l.name(), lang, problems);
                }
                institutions.addAll(checked.ids("institutions"));
                items.addAll(checked.ids("items"));
                packs.add(new Loaded(l.name(), null, checked.checksum(), l.bytes(), l.signature(), checked));
                continue;
            }
            PackReader.Result r = reader.read(l.name(), l.bytes(), context);
            problems.addAll(r.problems());
            if (r.ok()) {
                if (!packIds.add(r.pack().pack().id())) {
                    problems.add(new Problem(l.name(), "/pack/id", I18n.get(lang, "pack.sameIdTwice", r.pack().pack().id())));
                }
                // two packs of one import may not define the same record (the database would refuse it half-way)
                String packId = r.pack().pack().id();
                claim(owners, r.pack().institutions().stream().map(Institution::id).toList(), "/institutions/", packId, l.name(), lang, problems);
                claim(owners, r.pack().items().stream().map(RegulatedItem::id).toList(), "/items/", packId, l.name(), lang, problems);
                claim(owners, r.pack().products().stream().map(Product::id).toList(), "/products/", packId, l.name(), lang, problems);
                claim(owners, r.pack().scenarios().stream().map(Scenario::id).toList(), "/scenarios/", packId, l.name(), lang, problems);
                r.pack().institutions().forEach(i -> institutions.add(i.id()));
                r.pack().items().forEach(i -> items.add(i.id()));
                packs.add(new Loaded(l.name(), ScriptFiller.fill(r.pack()), r.checksum(), null, l.signature(), null));
            }
        }
        if (!problems.isEmpty()) throw new PackException(problems);
        return packs;
    }

    /** Stores a valid signature with its dataset (the replaced dataset's row went with it); who signed, or null. */
    private Signer recordSignature(Connection c, Loaded l) throws SQLException {
        if (l.signature() == null || l.signature().outcome() != PackSigning.Outcome.VALID) return null;
        PackSigning.Detached d = l.signature().signature();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset_signature(dataset_id, fingerprint, public_key, signature, pack_sha256, "
                + "verified_at) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, l.header().id());
            ps.setString(2, d.fingerprint());
            ps.setBytes(3, d.publicKey());
            ps.setBytes(4, d.signature());
            ps.setString(5, d.packSha256());
            ps.setString(6, Instant.now(db.clock()).toString());
            ps.executeUpdate();
        }
        return new Signer(d.fingerprint(), publisherName(c, d.fingerprint()));
    }

    private static String publisherName(Connection c, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM trusted_publisher WHERE fingerprint = ?")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Who signed each signed dataset (dataset id → signer, named by the trusted publisher the key belongs to, if any).
     * A dataset absent from the map is unsigned (or shipped with BayCover).
     */
    public Map<String, Signer> signatures() {
        return db.read(c -> {
            Map<String, Signer> out = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.dataset_id, s.fingerprint, p.name FROM dataset_signature s "
                    + "LEFT JOIN trusted_publisher p ON p.fingerprint = s.fingerprint");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), new Signer(rs.getString(2), rs.getString(3)));
            }
            return out;
        });
    }

    private static void claim(Map<String, String> owners, List<String> ids, String prefix, String packId, String file, Lang lang,
                              List<Problem> problems) {
        for (int i = 0; i < ids.size(); i++) {
            String owner = owners.putIfAbsent(ids.get(i), packId);
            if (owner != null && !owner.equals(packId)) {
                problems.add(new Problem(file, prefix + i + "/id", I18n.get(lang, "pack.idTaken", ids.get(i), owner)));
            }
        }
    }

    private List<Problem> clashes(Connection c, Loaded l, Lang lang) throws SQLException {
        List<Problem> out = new ArrayList<>();
        String packId = l.header().id();
        check(c, "institution", l.ids("institutions"), "/institutions/", packId, l.name(), lang, out);
        check(c, "item", l.ids("items"), "/items/", packId, l.name(), lang, out);
        check(c, "product", l.ids("products"), "/products/", packId, l.name(), lang, out);
        check(c, "scenario", l.ids("scenarios"), "/scenarios/", packId, l.name(), lang, out);
        return out;
    }

    private void check(Connection c, String table, List<String> ids, String prefix, String packId, String file, Lang lang, List<Problem> out)
            throws SQLException {
        if (ids.isEmpty()) return;
        // one query for all ids (json_each numbers them as the pack does), not one per record
        try (PreparedStatement ps = c.prepareStatement("SELECT j.key, t.dataset_id FROM json_each(?) j JOIN " + table
                + " t ON t.id = j.value WHERE t.dataset_id <> ? ORDER BY j.key")) {
            ps.setString(1, CatalogJson.compact(ids));
            ps.setString(2, packId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = rs.getInt(1);
                    out.add(new Problem(file, prefix + i + "/id", I18n.get(lang, "pack.idTaken", ids.get(i), rs.getString(2))));
                }
            }
        }
    }

    /**
     * Keeps the ids of the institutions a replaced dataset holds (before it is deleted), so that {@link #mayDangle} can
     * look for approvals elsewhere that still name one of them. A temporary table of this transaction's connection.
     */
    private static void rememberRemovedInstitutions(Connection c, String datasetId) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS import_removed_institution (id TEXT PRIMARY KEY)");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO temp.import_removed_institution (id) SELECT id FROM institution WHERE dataset_id = ?")) {
            ps.setString(1, datasetId);
            ps.executeUpdate();
        }
    }

    /**
     * Whether {@link #dangling} can find anything, read only where this import can have made a dangling reference
     * (ADR 0068): every reference of the record_ref table (product and scenario links: small, read whole as before);
     * the approvals of the items just written (by dataset, indexed); and approvals anywhere that name an institution
     * of a replaced dataset that the import did not write again (by institution, indexed). Approvals of other datasets
     * that name no removed institution are not read: this import cannot have changed them, and SQLite's deferred
     * foreign-key check refuses the commit of any reference the transaction left dangling. When this says yes, the
     * whole-database query of {@link #dangling} runs as before, so the problems and their order are unchanged.
     */
    private static boolean mayDangle(Connection c, List<Loaded> packs) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(packs.size(), "?"));
        String sql = "SELECT 1 FROM record_ref r LEFT JOIN institution i ON i.id = r.institution_id LEFT JOIN item t ON t.id = r.item_id "
                + "WHERE (r.institution_id IS NOT NULL AND i.id IS NULL) OR (r.item_id IS NOT NULL AND t.id IS NULL) "
                + "UNION ALL SELECT 1 FROM item t JOIN approval a ON a.item_id = t.id LEFT JOIN institution i ON i.id = a.institution_id "
                + "WHERE t.dataset_id IN (" + marks + ") AND i.id IS NULL "
                + "UNION ALL SELECT 1 FROM temp.import_removed_institution x WHERE NOT EXISTS (SELECT 1 FROM institution i WHERE i.id = x.id) "
                + "AND EXISTS (SELECT 1 FROM approval a WHERE a.institution_id = x.id) LIMIT 1";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS import_removed_institution (id TEXT PRIMARY KEY)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < packs.size(); k++) ps.setString(k + 1, packs.get(k).header().id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * References left dangling by the packs just written (checked after writing, inside the transaction). A reference
     * from one of those packs is reported against its file; one from another loaded dataset is reported against the
     * file(s) being imported, naming who still uses the record.
     */
    private List<Problem> dangling(Connection c, Lang lang, List<Loaded> packs) throws SQLException {
        Map<String, String> fileOf = new LinkedHashMap<>();
        for (Loaded l : packs) fileOf.put(l.header().id(), l.name());
        String importing = String.join(", ", fileOf.values());
        List<Problem> out = new ArrayList<>();
        String sql = "SELECT r.dataset_id, r.pointer, COALESCE(r.institution_id, r.item_id), r.institution_id IS NOT NULL FROM record_ref r "
                + "LEFT JOIN institution i ON i.id = r.institution_id LEFT JOIN item t ON t.id = r.item_id "
                + "WHERE (r.institution_id IS NOT NULL AND i.id IS NULL) OR (r.item_id IS NOT NULL AND t.id IS NULL) "
                + "UNION ALL SELECT t.dataset_id, '/items/' || t.ord || '/approvals', a.institution_id, 1 FROM approval a "
                + "JOIN item t ON t.id = a.item_id LEFT JOIN institution i ON i.id = a.institution_id WHERE i.id IS NULL";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String dataset = rs.getString(1);
                String ref = rs.getString(3);
                String file = fileOf.get(dataset);
                if (file != null) {
                    out.add(new Problem(file, rs.getString(2), I18n.get(lang, rs.getBoolean(4) ? "pack.unknownInstitution" : "pack.unknownItem", ref)));
                } else {
                    out.add(new Problem(importing, "", I18n.get(lang, "pack.stillReferenced", ref) + " (" + dataset + rs.getString(2) + ")"));
                }
            }
        }
        return out;
    }

    private boolean delete(Connection c, String datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dataset WHERE id = ?")) {
            ps.setString(1, datasetId);
            return ps.executeUpdate() > 0;
        }
    }

    private void write(Connection c, Pack pack, String checksum, Origin origin, ProgressMonitor monitor, long[] written, long total)
            throws SQLException {
        PackHeader h = pack.pack();
        datasetRow(c, h, checksum, origin);
        writeTallies(c, h.id(), tallies(pack));
        try (Rows rows = new Rows(c, h.id())) {
            List<List<?>> sections = List.of(pack.institutions(), pack.items(), pack.totals(), pack.products(), pack.scenarios());
            List<String> names = List.copyOf(PackReader.SECTIONS.keySet());
            for (int k = 0; k < sections.size(); k++) {
                List<?> records = sections.get(k);
                for (int i = 0; i < records.size(); i++) {
                    rows.record(names.get(k), i, records.get(i), CatalogJson.compact(records.get(i)), monitor, written, total);
                }
            }
        }
    }

    /**
     * Writes a streamed pack: its records are read again from its bytes one at a time ({@link PackReader#stream}), bound
     * and filled as a whole-pack read makes them, and written in batches; the tallies are summed on the way.
     */
    private void writeStreamed(Connection c, Loaded l, Origin origin, ProgressMonitor monitor, long[] written, long total)
            throws SQLException {
        String id = l.header().id();
        TallySum sum = new TallySum();
        try (Rows rows = new Rows(c, id)) {
            PackReader.stream(l.bytes(), new PackReader.RecordSink<SQLException>() {
                @Override
                public void header(PackHeader header) throws SQLException {
                    datasetRow(c, header, l.checksum(), origin);
                    sum.add(tallies(new Pack(header, null, null, null, null, null)));
                }

                @Override
                public Object prepare(String section, Object record) {
                    return tallies(one(section, record));
                }

                @Override
                @SuppressWarnings("unchecked")
                public void record(String section, int index, Object record, String json, Object prepared) throws SQLException {
                    rows.record(section, index, record, json, monitor, written, total);
                    sum.add((List<Tally>) prepared);
                }
            });
        }
        writeTallies(c, id, sum.rows());
    }

    /** A pack holding one record, for the per-pack rules and tallies. */
    private static Pack one(String section, Object record) {
        switch (section) {
            case "institutions": return new Pack(null, List.of((Institution) record), null, null, null, null);
            case "items": return new Pack(null, null, List.of((RegulatedItem) record), null, null, null);
            case "totals": return new Pack(null, null, null, List.of((RunningTotal) record), null, null);
            case "products": return new Pack(null, null, null, null, List.of((Product) record), null);
            default: return new Pack(null, null, null, null, null, List.of((Scenario) record));
        }
    }

    /** {@link #tallies} of a pack, summed record by record (every tally is a count). */
    private static final class TallySum {
        private final Map<String, Integer> count = new java.util.HashMap<>();
        private final Map<String, Integer> asOf = new java.util.TreeMap<>();
        private final Map<String, Integer> named = new java.util.TreeMap<>();

        void add(List<Tally> tallies) {
            for (Tally t : tallies) {
                Map<String, Integer> into = "count".equals(t.tally()) ? count : "asOf".equals(t.tally()) ? asOf : named;
                into.merge(t.key(), t.n(), Integer::sum);
            }
        }

        /** The rows in the order {@link #tallies} gives them. */
        List<Tally> rows() {
            List<Tally> out = new ArrayList<>();
            for (String k : COUNTED) if (count.getOrDefault(k, 0) > 0) out.add(new Tally("count", k, count.get(k)));
            asOf.forEach((k, n) -> out.add(new Tally("asOf", k, n)));
            named.forEach((k, n) -> out.add(new Tally("named", k, n)));
            return out;
        }
    }

    private void datasetRow(Connection c, PackHeader h, String checksum, Origin origin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dataset(id, kind, version, as_of, checksum, origin, imported_at, header_json) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, h.id());
            ps.setString(2, h.kind().code());
            ps.setString(3, h.version());
            ps.setString(4, h.asOf().value());
            ps.setString(5, checksum);
            ps.setString(6, origin.name());
            ps.setString(7, Instant.now(db.clock()).toString());
            ps.setString(8, CatalogJson.compact(h));
            ps.executeUpdate();
        }
    }

    /**
     * The rows of one dataset's records, written through statements made once and sent in batches of {@value #BATCH}
     * records, so that a large pack is never held whole (sqlite-jdbc keeps a batch's values until it is executed).
     */
    private static final class Rows implements AutoCloseable {
        /** Small: a batch's values are alive until it is executed, and every young collection copies them. */
        private static final int BATCH = 200;
        private final String dataset;
        private final PreparedStatement institution;
        private final PreparedStatement item;
        private final PreparedStatement approval;
        private final PreparedStatement total;
        private final PreparedStatement product;
        private final PreparedStatement scenario;
        private final PreparedStatement ref;
        private final List<PreparedStatement> all;
        private int pending;

        Rows(Connection c, String dataset) throws SQLException {
            this.dataset = dataset;
            institution = c.prepareStatement("INSERT INTO institution(id, dataset_id, ord, kind, city, designated, name_hant, name_hans, name_en, json) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?)");
            item = c.prepareStatement("INSERT INTO item(id, dataset_id, ord, kind, name_hant, name_hans, name_en, json) VALUES (?,?,?,?,?,?,?,?)");
            approval = c.prepareStatement("INSERT INTO approval(item_id, institution_id, date, status) VALUES (?,?,?,?)");
            total = c.prepareStatement("INSERT INTO running_total(dataset_id, ord, as_of, json) VALUES (?,?,?,?)");
            product = c.prepareStatement("INSERT INTO product(id, dataset_id, ord, kind, layer, name_hant, name_hans, name_en, json) VALUES (?,?,?,?,?,?,?,?,?)");
            scenario = c.prepareStatement("INSERT INTO scenario(id, dataset_id, ord, json) VALUES (?,?,?,?)");
            ref = refStatement(c);
            all = List.of(institution, item, approval, total, product, scenario, ref);
        }

        /** One record at its place {@code ord} in its section; {@code json}: the record as {@link CatalogJson#compact} writes it. */
        void record(String section, int ord, Object record, String json, ProgressMonitor monitor, long[] written, long total) throws SQLException {
            switch (section) {
                case "institutions": institution(ord, (Institution) record, json); break;
                case "items": item(ord, (RegulatedItem) record, json); break;
                case "totals": total(ord, (RunningTotal) record, json); break;
                case "products": product(ord, (Product) record, json); break;
                default: scenario(ord, (Scenario) record, json); break;
            }
            if (++pending >= BATCH) flush();
            tick(monitor, written, total);
        }

        private void institution(int ord, Institution i, String json) throws SQLException {
            institution.setString(1, i.id());
            institution.setString(2, dataset);
            institution.setInt(3, ord);
            institution.setString(4, i.kind().name());
            institution.setString(5, i.city().name());
            institution.setInt(6, i.isDesignated() ? 1 : 0);
            names(institution, 7, i.name());
            institution.setString(10, json);
            institution.addBatch();
        }

        private void item(int ord, RegulatedItem i, String json) throws SQLException {
            item.setString(1, i.id());
            item.setString(2, dataset);
            item.setInt(3, ord);
            item.setString(4, i.kind().name());
            names(item, 5, i.name());
            item.setString(8, json);
            item.addBatch();
            for (Approval a : i.approvals()) {
                approval.setString(1, i.id());
                approval.setString(2, a.institution());
                approval.setString(3, a.date() == null ? null : a.date().value());
                approval.setString(4, a.status().name());
                approval.addBatch();
            }
        }

        private void total(int ord, RunningTotal t, String json) throws SQLException {
            total.setString(1, dataset);
            total.setInt(2, ord);
            total.setString(3, t.asOf().value());
            total.setString(4, json);
            total.addBatch();
        }

        private void product(int ord, Product p, String json) throws SQLException {
            product.setString(1, p.id());
            product.setString(2, dataset);
            product.setInt(3, ord);
            product.setString(4, p.kind().name());
            product.setString(5, p.layer().name());
            names(product, 6, p.name());
            product.setString(9, json);
            product.addBatch();
            String at = "/products/" + ord;
            for (int k = 0; k < p.service().directBilling().size(); k++) {
                addRef(ref, dataset, p.id(), at + "/service/directBilling/" + k, p.service().directBilling().get(k), null);
            }
            for (int b = 0; b < p.benefits().size(); b++) {
                Benefit ben = p.benefits().get(b);
                for (int k = 0; k < ben.institutions().size(); k++) {
                    addRef(ref, dataset, p.id(), at + "/benefits/" + b + "/institutions/" + k, ben.institutions().get(k), null);
                }
                List<String> drugs = ben.gbaStance().drugs().items();
                for (int k = 0; k < drugs.size(); k++) {
                    addRef(ref, dataset, p.id(), at + "/benefits/" + b + "/gbaStance/drugs/items/" + k, null, drugs.get(k));
                }
                List<String> devices = ben.gbaStance().devices().items();
                for (int k = 0; k < devices.size(); k++) {
                    addRef(ref, dataset, p.id(), at + "/benefits/" + b + "/gbaStance/devices/items/" + k, null, devices.get(k));
                }
            }
        }

        private void scenario(int ord, Scenario s, String json) throws SQLException {
            scenario.setString(1, s.id());
            scenario.setString(2, dataset);
            scenario.setInt(3, ord);
            scenario.setString(4, json);
            scenario.addBatch();
            for (int k = 0; k < s.lines().size(); k++) {
                CostLine line = s.lines().get(k);
                String at = "/scenarios/" + ord + "/lines/" + k;
                if (line.institution() != null) addRef(ref, dataset, s.id(), at + "/institution", line.institution(), null);
                if (line.item() != null) addRef(ref, dataset, s.id(), at + "/item", null, line.item());
            }
        }

        private void flush() throws SQLException {
            for (PreparedStatement ps : all) ps.executeBatch();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                for (PreparedStatement ps : all) ps.close();
            }
        }
    }

    private static PreparedStatement refStatement(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO record_ref(dataset_id, from_id, pointer, institution_id, item_id) VALUES (?,?,?,?,?)");
    }

    private static void addRef(PreparedStatement ref, String dataset, String from, String pointer, String institution, String item)
            throws SQLException {
        ref.setString(1, dataset);
        ref.setString(2, from);
        ref.setString(3, pointer);
        ref.setString(4, institution);
        ref.setString(5, item);
        ref.addBatch();
    }

    private static void names(PreparedStatement ps, int first, LocalizedText name) throws SQLException {
        ps.setString(first, name.zhHant());
        ps.setString(first + 1, name.zhHans());
        ps.setString(first + 2, name.en());
    }

    private static void tick(ProgressMonitor monitor, long[] written, long total) {
        written[0]++;
        if (written[0] % 25 == 0 || written[0] == total) {
            monitor.checkCancelled();
            monitor.progress(written[0], total, null);
        }
    }

    // ------------------------------------------------------------------ read

    public List<String> ids(String table) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM " + table)) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    public List<DatasetInfo> datasets() {
        return db.read(this::datasets);
    }

    List<DatasetInfo> datasets(Connection c) throws SQLException {
        List<DatasetInfo> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, kind, version, as_of, origin, imported_at, checksum, header_json FROM dataset ORDER BY CASE kind "
                        + "WHEN 'drugs-devices' THEN 0 WHEN 'products' THEN 1 ELSE 2 END, id")) {
            while (rs.next()) {
                String id = rs.getString(1);
                out.add(new DatasetInfo(id, PackKind.fromCode(rs.getString(2)).orElseThrow(), rs.getString(3),
                        PartialDate.parse(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        CatalogJson.parse(rs.getString(8), PackHeader.class), counts(c, id)));
            }
        }
        return out;
    }

    /** The record kinds {@code dataset_tally} counts, in the order {@code info} and the Data screen list them. */
    private static final List<String> COUNTED = List.of("institutions", "drugs", "devices", "totals", "products", "scenarios");

    /** Records of each kind in the dataset (kinds it has none of are left out), from the tallies kept at import. */
    private static Map<String, Integer> counts(Connection c, String dataset) throws SQLException {
        Map<String, Integer> found = tally(c, dataset, "count");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String k : COUNTED) {
            Integer n = found.get(k);
            if (n != null && n > 0) counts.put(k, n);
        }
        return counts;
    }

    private static Map<String, Integer> tally(Connection c, String dataset, String tally) throws SQLException {
        Map<String, Integer> out = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, n FROM dataset_tally WHERE dataset_id = ? AND tally = ?")) {
            ps.setString(1, dataset);
            ps.setString(2, tally);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    /**
     * The tallies of a pack as {@code dataset_tally} keeps them (migration 008 fills the same rows for datasets imported
     * before it): records of each kind, records per as-of date, records named on each official list.
     */
    static List<Tally> tallies(Pack pack) {
        List<Tally> out = new ArrayList<>();
        int drugs = (int) pack.items().stream().filter(i -> i.kind() == hk.baycover.model.ItemKind.DRUG).count();
        int devices = (int) pack.items().stream().filter(i -> i.kind() == hk.baycover.model.ItemKind.DEVICE).count();
        int[] counts = {pack.institutions().size(), drugs, devices, pack.totals().size(), pack.products().size(), pack.scenarios().size()};
        for (int k = 0; k < COUNTED.size(); k++) if (counts[k] > 0) out.add(new Tally("count", COUNTED.get(k), counts[k]));
        Freshness.asOfTally(pack).forEach((k, n) -> out.add(new Tally("asOf", k, n)));
        Freshness.namedTally(pack).forEach((k, n) -> out.add(new Tally("named", k, n)));
        return out;
    }

    /** One row of {@code dataset_tally}. */
    record Tally(String tally, String key, int n) {
    }

    private static void writeTallies(Connection c, String datasetId, List<Tally> tallies) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset_tally(dataset_id, tally, key, n) VALUES (?,?,?,?)")) {
            for (Tally t : tallies) {
                ps.setString(1, datasetId);
                ps.setString(2, t.tally());
                ps.setString(3, t.key());
                ps.setInt(4, t.n());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * How current a dataset is on {@code today} (oldest as-of, records older than twelve months, coverage of its official
     * lists), from the tallies kept at import: the cost does not grow with the dataset.
     */
    public Freshness freshness(String datasetId, LocalDate today) {
        return db.read(c -> {
            String header = headerJson(c, datasetId);
            return Freshness.of(tally(c, datasetId, "asOf"), tally(c, datasetId, "named"),
                    CatalogJson.parse(header, PackHeader.class).officialTotals(), today);
        });
    }

    /** Everything loaded, as one immutable snapshot. Call off the FX thread. */
    public Catalog snapshot() {
        return db.read(c -> new Catalog(datasets(c),
                records(c, "SELECT json FROM institution ORDER BY dataset_id, ord", Institution.class, null),
                records(c, "SELECT json FROM item ORDER BY dataset_id, ord", RegulatedItem.class, null),
                records(c, "SELECT json FROM running_total ORDER BY dataset_id, ord", RunningTotal.class, null),
                records(c, "SELECT json FROM product ORDER BY dataset_id, ord", Product.class, null),
                records(c, "SELECT json FROM scenario ORDER BY dataset_id, ord", Scenario.class, null)));
    }

    /**
     * The datasets and their products only — no institutions, items, running totals or scenarios: what the gap matrix
     * reads. A folder with 279,000 imported 港澳藥械通 records costs the gap command nothing for them.
     */
    public Catalog productsSnapshot() {
        return db.read(c -> new Catalog(datasets(c), List.of(), List.of(), List.of(),
                records(c, "SELECT json FROM product ORDER BY dataset_id, ord", Product.class, null), List.of()));
    }

    /** A stored dataset's header as JSON; a dataset that is not there is the user's error. */
    private static String headerJson(Connection c, String datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT header_json FROM dataset WHERE id = ?")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new UserError("store.noDataset", datasetId);
                return rs.getString(1);
            }
        }
    }

    static <T> List<T> records(Connection c, String sql, Class<T> type, String dataset) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (dataset != null) ps.setString(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(CatalogJson.parse(rs.getString(1), type));
            }
        }
        return out;
    }

    /** Rebuilds a dataset's pack exactly as stored. */
    public Pack pack(String datasetId) {
        return db.read(c -> {
            String header = headerJson(c, datasetId);
            return new Pack(CatalogJson.parse(header, PackHeader.class),
                    records(c, "SELECT json FROM institution WHERE dataset_id = ? ORDER BY ord", Institution.class, datasetId),
                    records(c, "SELECT json FROM item WHERE dataset_id = ? ORDER BY ord", RegulatedItem.class, datasetId),
                    records(c, "SELECT json FROM running_total WHERE dataset_id = ? ORDER BY ord", RunningTotal.class, datasetId),
                    records(c, "SELECT json FROM product WHERE dataset_id = ? ORDER BY ord", Product.class, datasetId),
                    records(c, "SELECT json FROM scenario WHERE dataset_id = ? ORDER BY ord", Scenario.class, datasetId));
        });
    }

    /** Writes one pack file per dataset into {@code dir}; returns the files written. */
    /**
     * Writes every dataset as a pack into {@code dir}, all or nothing ({@link SafeFiles.Batch}): every file is staged,
     * then all are moved in; one that cannot be written leaves the folder as it was. The audit log records exactly the
     * packs written, after they were.
     */
    public List<Path> exportAll(Path dir, ProgressMonitor monitor) {
        List<DatasetInfo> list = datasets();
        SafeFiles.Batch batch = SafeFiles.forDataDir(db.file().getParent()).batch();
        List<String> shas = new ArrayList<>();
        int n = 0;
        for (DatasetInfo d : list) {
            monitor.checkCancelled();
            Path target = dir.resolve(d.id() + ".json");
            if (!target.normalize().getParent().equals(dir.normalize())) throw new UserError("trust.export.badName", d.id());
            byte[] bytes = PackWriter.toJson(pack(d.id())).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            shas.add(PackReader.sha256(bytes));
            batch.add(target, out -> out.write(bytes));
            monitor.progress(++n, list.size() + 1L, d.id());
        }
        monitor.checkCancelled();
        List<Path> written = batch.commit();
        db.inTransaction(c -> {
            for (int i = 0; i < list.size(); i++) {
                DatasetInfo d = list.get(i);
                AuditStore.append(c, AuditEntry.of(AuditAction.PACK_EXPORTED, "dataset", d.id(), null,
                        Map.of("version", d.version(), "sha256", shas.get(i))), db.clock());
            }
            return null;
        });
        monitor.progress(list.size() + 1L, list.size() + 1L, null);
        return written;
    }
}
