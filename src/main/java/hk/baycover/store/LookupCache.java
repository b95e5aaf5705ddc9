package hk.baycover.store;

import hk.baycover.catalog.CatalogJson;
import hk.baycover.lookup.DataAbout;
import hk.baycover.lookup.LookupAnswer;
import hk.baycover.lookup.LookupHit;
import hk.baycover.lookup.LookupQuery;
import hk.baycover.lookup.ResultKind;
import hk.baycover.lookup.StreamedSearch;
import hk.baycover.lookup.TextNormalizer;
import hk.baycover.model.Approval;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.DesignationStatus;
import hk.baycover.model.Institution;
import hk.baycover.model.ItemKind;
import hk.baycover.model.RegulatedItem;
import hk.baycover.model.RunningTotal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The command line's one-shot lookup (ADR 0069): the searchable documents of every item and institution kept in a
 * file of their own beside the database ({@value #FILE}), so that one query reads a few short text columns — filtered
 * by SQLite's {@code instr} — instead of every record's JSON and a whole in-memory index. Matching, ranking and hits
 * are {@link StreamedSearch}'s, that is the index's own; only the hits' records are read from the database.
 *
 * <p>The file is derived data: it holds a fingerprint of what it was made from (every dataset's id, version, checksum
 * and import time, the applied migrations, the app's version and {@link StreamedSearch#semantics()}) and is made
 * again, whole, by the first lookup that finds the fingerprint changed — after an import, a replacement, a removal or
 * a restore. It is written under a temporary name and moved into place, so a reader sees the old file or the new one,
 * never half of one. When it can be neither read nor written, {@link #search} answers empty and the caller searches the
 * snapshot's index as before.
 */
public final class LookupCache {

    /** The file beside the database (its name starts with the database's, so no export may replace it). */
    public static final String FILE = Database.FILE_NAME + "-lookup";

    private static final Logger LOG = Logger.getLogger(LookupCache.class.getName());
    private static final ResultKind[] KINDS = ResultKind.values();
    private static final DesignationStatus[] STATUSES = DesignationStatus.values();
    private static final int ITEM = 0;
    private static final int INSTITUTION = 1;

    private final Database db;
    private final Path file;

    public LookupCache(Database db) {
        this.db = db;
        this.file = db.file().resolveSibling(FILE);
    }

    public Path file() { return file; }

    /**
     * Answers one query; the answer's catalog holds the hits' records and the institutions their items are approved at.
     * Empty when the documents' file can be neither read nor made (the caller then uses the index). A damaged database
     * is {@code store.corrupt}, as for any read.
     */
    public java.util.Optional<LookupAnswer> search(LookupQuery query) {
        for (int attempt = 0; attempt < 3; attempt++) {
            String key = db.read(LookupCache::fingerprint);
            try {
                boolean current = key.equals(storedKey());
                hk.baycover.io.Timeline.mark("lookup documents' fingerprint compared");
                if (!current) build();
                LookupAnswer a = answer(query, key);
                if (a != null) return java.util.Optional.of(a);
            } catch (CacheFailure e) {
                LOG.log(Level.FINE, "lookup documents not usable: " + file, e.getCause());
                return java.util.Optional.empty();
            }
            // another process changed the catalog meanwhile: look again
        }
        return java.util.Optional.empty();
    }

    // ------------------------------------------------------------------ the fingerprint

    /** What the documents were made from: datasets, migrations, app version and the documents' own semantics. */
    static String fingerprint(Connection c) throws SQLException {
        StringBuilder b = new StringBuilder("lookup-cache 1\n").append(StreamedSearch.semantics()).append('\n')
                .append(LookupCache.class.getPackage().getImplementationVersion()).append('\n');
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version FROM schema_migration ORDER BY version")) {
                while (rs.next()) b.append(rs.getLong(1)).append(',');
            }
            b.append('\n');
            try (ResultSet rs = s.executeQuery("SELECT id, kind, version, checksum, origin, imported_at FROM dataset ORDER BY id")) {
                while (rs.next()) {
                    for (int i = 1; i <= 6; i++) b.append(rs.getString(i)).append('\t');
                    b.append('\n');
                }
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String storedKey() {
        if (!Files.isRegularFile(file)) return null;
        try (Connection c = open(file, true)) {
            return meta(c).get("key");
        } catch (SQLException e) {
            return null; // unreadable or damaged: made again
        }
    }

    private static Map<String, String> meta(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    private static Connection open(Path f, boolean readOnly) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(readOnly);
        return DriverManager.getConnection("jdbc:sqlite:" + f.toAbsolutePath(), config.toProperties());
    }

    // ------------------------------------------------------------------ making the documents

    /** Makes the file again from the database, in one read of it, and moves it into place. */
    private void build() {
        removeAbandoned();
        Path tmp = file.resolveSibling(FILE + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            db.read(c -> {
                c.setAutoCommit(false); // one read transaction: the documents and their fingerprint agree
                try (Connection out = create(tmp)) {
                    write(c, out);
                } catch (SQLException e) {
                    throw new CacheFailure(e);
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                return null;
            });
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CacheFailure(e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(Path.of(tmp + "-journal"));
            } catch (IOException e) {
                LOG.log(Level.FINE, "cannot remove " + tmp, e);
            }
        }
        hk.baycover.io.Timeline.mark("lookup documents made");
    }

    /** Temporary files of makings whose process is gone (killed half way): they are removed, not left to pile up. */
    private void removeAbandoned() {
        String prefix = FILE + ".tmp-";
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent(), p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : ds) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                try {
                    long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                } catch (NumberFormatException e) {
                    continue; // not one of ours
                }
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot look for abandoned lookup documents in " + file.getParent(), e);
        }
    }

    private static Connection create(Path tmp) {
        try {
            Connection c = open(tmp, false);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = OFF");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                // src: 0 item, 1 institution; kind and status: ordinals; texts of one group joined by line feeds
                s.execute("CREATE TABLE doc (src INTEGER NOT NULL, id TEXT NOT NULL, kind INTEGER NOT NULL, status INTEGER NOT NULL, "
                        + "city_mask INTEGER NOT NULL, insts TEXT NOT NULL, rank_len INTEGER NOT NULL, rank_name TEXT NOT NULL, "
                        + "names TEXT NOT NULL, other TEXT NOT NULL)");
            }
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw new CacheFailure(e);
        }
    }

    /** Reads (c) every institution, then every item, one row at a time, writing their documents (out). */
    private static void write(Connection c, Connection out) throws SQLException {
        String key = fingerprint(c);
        Map<String, City> cityOf = new HashMap<>();
        int institutions = 0;
        int drugs = 0;
        int items = 0;
        int samples = 0;
        try (PreparedStatement ins = out.prepareStatement("INSERT INTO doc VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            int batch = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT json FROM institution ORDER BY dataset_id, ord")) {
                while (rs.next()) {
                    Institution in = CatalogJson.parse(rs.getString(1), Institution.class);
                    cityOf.put(in.id(), in.city());
                    institutions++;
                    if (in.sample()) samples++;
                    insert(ins, INSTITUTION, StreamedSearch.document(INSTITUTION, in));
                    if (++batch % 1000 == 0) ins.executeBatch();
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT json FROM item ORDER BY dataset_id, ord")) {
                while (rs.next()) {
                    RegulatedItem it = CatalogJson.parse(rs.getString(1), RegulatedItem.class);
                    items++;
                    if (it.kind() == ItemKind.DRUG) drugs++;
                    if (it.sample()) samples++;
                    insert(ins, ITEM, StreamedSearch.document(ITEM, it, cityOf));
                    if (++batch % 1000 == 0) ins.executeBatch();
                }
            }
            ins.executeBatch();
        }
        try (PreparedStatement m = out.prepareStatement("INSERT INTO meta VALUES (?,?)")) {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("key", key);
            meta.put("drugs", String.valueOf(drugs));
            meta.put("devices", String.valueOf(items - drugs));
            meta.put("institutions", String.valueOf(institutions));
            meta.put("samples", String.valueOf(samples));
            meta.put("hanFolds", TextNormalizer.hanFolds());
            for (Map.Entry<String, String> e : meta.entrySet()) {
                m.setString(1, e.getKey());
                m.setString(2, e.getValue());
                m.addBatch();
            }
            m.executeBatch();
        }
        out.commit();
    }

    private static void insert(PreparedStatement ps, int src, StreamedSearch.Document d) throws SQLException {
        String[] t = d.texts();
        ps.setInt(1, src);
        ps.setString(2, d.id());
        ps.setInt(3, d.kind().ordinal());
        ps.setInt(4, d.status() == null ? -1 : d.status().ordinal());
        ps.setInt(5, d.cityMask());
        ps.setString(6, String.join("\n", d.institutions()));
        ps.setInt(7, d.rankLength());
        ps.setString(8, d.rankName());
        ps.setString(9, String.join("\n", java.util.Arrays.asList(t).subList(0, d.nameEntries())));
        ps.setString(10, String.join("\n", java.util.Arrays.asList(t).subList(d.nameEntries(), t.length)));
        ps.addBatch();
    }

    // ------------------------------------------------------------------ answering

    /** The answer from the documents made under {@code key}; null when the file or the database moved on meanwhile. */
    private LookupAnswer answer(LookupQuery query, String key) {
        StreamedSearch search;
        Map<String, String> meta;
        try (Connection c = open(file, true)) {
            meta = meta(c);
            if (!key.equals(meta.get("key"))) return null;
            // the folds were made by this build (the key says so): the query folds without loading the transliterator
            String folds = meta.get("hanFolds");
            if (folds != null) TextNormalizer.useHanFolds(folds);
            search = new StreamedSearch(query);
            if (!search.answersNothing()) scan(c, search);
        } catch (SQLException e) {
            throw new CacheFailure(e);
        }
        hk.baycover.io.Timeline.mark("lookup documents searched");
        LookupAnswer a = hits(search, key, meta);
        hk.baycover.io.Timeline.mark("lookup hits' records read");
        return a;
    }

    private LookupAnswer hits(StreamedSearch search, String key, Map<String, String> meta) {
        return db.read(c -> {
            c.setAutoCommit(false); // the records and the fingerprint read together
            try {
                if (!key.equals(fingerprint(c))) return null;
                List<LookupHit> hits = new ArrayList<>();
                Map<String, Institution> institutions = new LinkedHashMap<>();
                List<RegulatedItem> items = new ArrayList<>();
                try (PreparedStatement item = c.prepareStatement("SELECT json FROM item WHERE id = ?");
                     PreparedStatement inst = c.prepareStatement("SELECT json FROM institution WHERE id = ?")) {
                    for (StreamedSearch.Ranked r : search.ranked()) {
                        if (r.document().ref() == ITEM) {
                            RegulatedItem it = one(item, r.document().id(), RegulatedItem.class);
                            if (it == null) return null;
                            items.add(it);
                            hits.add(search.hit(r, it));
                            for (Approval a : it.approvals()) {
                                if (!institutions.containsKey(a.institution())) {
                                    Institution in = one(inst, a.institution(), Institution.class);
                                    if (in != null) institutions.put(in.id(), in);
                                }
                            }
                        } else {
                            Institution in = one(inst, r.document().id(), Institution.class);
                            if (in == null) return null;
                            institutions.put(in.id(), in);
                            hits.add(search.hit(r, in));
                        }
                    }
                }
                List<DatasetInfo> datasets = new CatalogStore(db).datasets(c);
                List<RunningTotal> totals = CatalogStore.records(c, "SELECT json FROM running_total ORDER BY dataset_id, ord", RunningTotal.class, null);
                DataAbout about = DataAbout.of(datasets, totals, count(meta, "drugs"), count(meta, "devices"), count(meta, "institutions"),
                        count(meta, "samples"));
                Catalog records = new Catalog(datasets, new ArrayList<>(institutions.values()), items, totals, List.of(), List.of());
                return new LookupAnswer(search.result(hits), records, about);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        });
    }

    /**
     * Offers the search every document that can match: one with the query in an entry, or, for a one-typo query, with
     * every piece of one of its sets in a NAME entry (SQLite's {@code instr}, over the short text columns only); in a
     * browse, every document.
     */
    private static void scan(Connection c, StreamedSearch search) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT src, id, kind, status, city_mask, insts, rank_len, rank_name, names, other FROM doc");
        List<String> args = new ArrayList<>();
        String needle = search.needle();
        if (!needle.isEmpty()) {
            sql.append(" WHERE instr(names, ?) > 0 OR instr(other, ?) > 0");
            args.add(needle);
            args.add(needle);
            for (List<String> set : search.fuzzyNeedles()) {
                sql.append(" OR (");
                for (int i = 0; i < set.size(); i++) {
                    sql.append(i == 0 ? "" : " AND ").append("instr(names, ?) > 0");
                    args.add(set.get(i));
                }
                sql.append(')');
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String names = rs.getString(9);
                    String other = rs.getString(10);
                    String[] nameTexts = split(names);
                    String[] otherTexts = split(other);
                    String[] texts = new String[nameTexts.length + otherTexts.length];
                    System.arraycopy(nameTexts, 0, texts, 0, nameTexts.length);
                    System.arraycopy(otherTexts, 0, texts, nameTexts.length, otherTexts.length);
                    int status = rs.getInt(4);
                    search.offer(new StreamedSearch.Document(rs.getInt(1), KINDS[rs.getInt(3)], rs.getString(2),
                            status < 0 ? null : STATUSES[status], rs.getInt(5), split(rs.getString(6)), rs.getInt(7), rs.getString(8),
                            texts, nameTexts.length));
                }
            }
        }
    }

    private static String[] split(String joined) {
        return joined.isEmpty() ? new String[0] : joined.split("\n", -1);
    }

    private static int count(Map<String, String> meta, String key) {
        return Integer.parseInt(meta.getOrDefault(key, "0"));
    }

    private static <T> T one(PreparedStatement ps, String id, Class<T> type) throws SQLException {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? CatalogJson.parse(rs.getString(1), type) : null;
        }
    }

    /** The documents' file could not be read or written (not the database: its failures are the store's). */
    private static final class CacheFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CacheFailure(Exception cause) {
            super(cause);
        }
    }
}
