package hk.baycover.app;

import hk.baycover.io.SafeFiles;
import hk.baycover.lookup.LookupService;
import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.UserError;
import hk.baycover.store.AuditStore;
import hk.baycover.store.BackupService;
import hk.baycover.store.CatalogStore;
import hk.baycover.store.ClientStore;
import hk.baycover.store.ProposalStore;
import hk.baycover.store.ScenarioStore;
import hk.baycover.store.Database;
import hk.baycover.store.PlanStore;
import hk.baycover.store.ErasureService;
import hk.baycover.store.KeyringStore;
import hk.baycover.store.PinnedComparisons;
import hk.baycover.store.DraftStore;
import hk.baycover.store.ShippedPacks;
import hk.baycover.trust.DataDirLock;
import hk.baycover.trust.KeyManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The services of one data folder, shared by the GUI and the CLI so nothing is computed twice. Opening takes the
 * folder's lock (shared; the GUI's is also the single-instance lock), migrates the database, checks its integrity and
 * seeds the shipped packs. Feature services hang off this object. Close it to release the lock.
 */
public final class BayCover implements AutoCloseable {

    private final Path dataDir;
    private final Clock clock;
    private final Database database;
    private final CatalogStore catalogStore;
    private final ClientStore clientStore;
    private final PlanStore planStore;
    private final ProposalStore proposalStore;
    private final ScenarioStore scenarioStore;
    private final LookupService lookup = new LookupService();
    private final DataDirLock lock;
    private final KeyManager keys;
    private final AuditStore audit;
    private final BackupService backups;
    private final ErasureService erasure;
    private final PinnedComparisons pinnedComparisons;
    private final DraftStore gapDrafts;
    private final SafeFiles files;
    private final hk.baycover.store.TrustedPublishers publishers;
    private volatile Catalog catalog;
    private final CompareUseCase compare;
    private final PlanUseCase plan;
    private final GapsUseCase gaps;
    private final DatasetsUseCase datasets;
    private final BackupUseCase backup;

    private BayCover(Path dataDir, Database database, DataDirLock lock) {
        this.dataDir = dataDir;
        this.files = SafeFiles.forDataDir(dataDir);
        this.publishers = new hk.baycover.store.TrustedPublishers(database);
        this.clock = database.clock();
        this.database = database;
        this.catalogStore = new CatalogStore(database);
        this.clientStore = new ClientStore(database);
        this.planStore = new PlanStore(database, clientStore);
        this.proposalStore = new ProposalStore(database);
        this.scenarioStore = new ScenarioStore(database);
        this.lock = lock;
        this.keys = new KeyManager(new KeyringStore(database), clock);
        this.audit = new AuditStore(database);
        this.backups = new BackupService(database);
        this.erasure = new ErasureService(database);
        this.pinnedComparisons = new PinnedComparisons(database);
        this.erasure.register(clientStore::eraseRows);
        this.clientStore.personalCodec(personalCodec(keys));
        this.gapDrafts = new DraftStore(database);
        // the use cases, built once: the CLI commands and the ViewModels call these
        this.compare = new CompareUseCase(clock, files);
        this.plan = new PlanUseCase(clock, clientStore, planStore, proposalStore, scenarioStore, files);
        this.gaps = new GapsUseCase(clock, files);
        this.datasets = new DatasetsUseCase(catalogStore, this::invalidate);
        this.backup = new BackupUseCase(this);
    }

    /**
     * The application's clock: the system's, in its time zone. This is the one place it is made; the launcher, the
     * command line and the GUI pass it on, and everything that needs "today" or "now" takes it from {@link #clock()}
     * (tests pass a fixed one).
     */
    public static Clock systemClock() {
        return Clock.systemDefaultZone();
    }

    /** Opens the data folder as a command-line run or a test does: alongside others, on the system clock (slow: call off the FX thread). */
    public static BayCover open(Path dataDir, Lang lang, ProgressMonitor monitor) {
        return open(dataDir, lang, monitor, DataDirLock.Mode.SHARED, systemClock());
    }

    /**
     * Opens the data folder; {@link DataDirLock.Mode#INSTANCE} (the GUI) is refused with {@code trust.alreadyOpen}
     * while another window has the folder. A corrupt database is reported as {@link CorruptDatabase}.
     */
    public static BayCover open(Path dataDir, Lang lang, ProgressMonitor monitor, DataDirLock.Mode mode, Clock clock) {
        BayCover app = openWithoutSnapshot(dataDir, lang, monitor, mode, clock);
        try {
            app.reload();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /**
     * Opens the data folder for the window (one instance per folder) and reads the catalog, without reading every page of
     * the file first: the window checks the whole file in the background once it is up ({@link Database#ensureChecked},
     * ADR 0065), and any write before that waits for the check. A file that is not a database, a damaged schema, or a
     * damaged page the catalog read meets is {@link CorruptDatabase} here, as with {@link #open}.
     */
    public static BayCover openForWindow(Path dataDir, Lang lang, ProgressMonitor monitor, Clock clock) {
        BayCover app = openWithoutSnapshot(dataDir, lang, monitor, DataDirLock.Mode.INSTANCE, clock, Database.Check.BEFORE_FIRST_WRITE);
        try {
            app.reload();
            hk.baycover.io.Timeline.mark("catalog snapshot read");
        } catch (RuntimeException e) {
            app.close();
            if (e instanceof UserError u && "store.corrupt".equals(u.key())) throw CorruptDatabase.of(u, dataDir);
            throw e;
        }
        return app;
    }

    /**
     * Opens the data folder as {@link #open} does but takes the catalog snapshot only when {@link #catalog()} is first
     * asked for: a command that needs no catalog (such as {@code info}, which reads the tallies kept at import) does not
     * read every record.
     */
    public static BayCover openWithoutSnapshot(Path dataDir, Lang lang, ProgressMonitor monitor, DataDirLock.Mode mode, Clock clock) {
        return openWithoutSnapshot(dataDir, lang, monitor, mode, clock, Database.Check.AT_OPEN);
    }

    /**
     * Opens the data folder for one command-line run: alongside others, the snapshot read on first use, and the whole
     * database checked before the first write rather than at open ({@link Database.Check#BEFORE_FIRST_WRITE}, ADR 0065),
     * so a command that only reads ({@code info}, {@code gaps}, {@code lookup}…) does not read every page of a large
     * file first. A file that is not a database, a damaged schema, or a damaged page a command reads is still
     * {@code store.corrupt}.
     */
    public static BayCover openForCommandLine(Path dataDir, Lang lang, ProgressMonitor monitor, Clock clock) {
        return openWithoutSnapshot(dataDir, lang, monitor, DataDirLock.Mode.SHARED, clock, Database.Check.BEFORE_FIRST_WRITE);
    }

    private static BayCover openWithoutSnapshot(Path dataDir, Lang lang, ProgressMonitor monitor, DataDirLock.Mode mode, Clock clock,
                                                Database.Check check) {
        DataDirLock lock = DataDirLock.acquire(dataDir, mode);
        hk.baycover.io.Timeline.mark("lock taken");
        try {
            BackupService.cleanStale(dataDir, clock);
            hk.baycover.io.Timeline.mark("stale backup copies cleaned");
            Database db;
            try {
                db = Database.open(dataDir, clock, check);
            } catch (UserError e) {
                if ("store.corrupt".equals(e.key())) throw CorruptDatabase.of(e, dataDir);
                throw e;
            }
            BayCover app = new BayCover(dataDir, db, lock);
            hk.baycover.io.Timeline.mark("services built");
            ShippedPacks.seed(app.catalogStore, lang, monitor);
            hk.baycover.io.Timeline.mark("shipped packs checked (seeding)");
            return app;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Path dataDir() { return dataDir; }

    /** The one way to write a file the user named: refuses this folder's own files, writes atomically. */
    public SafeFiles files() { return files; }

    /** The publishers whose pack-signing keys the user trusts (ADR 0058). */
    public hk.baycover.store.TrustedPublishers publishers() { return publishers; }
    /** The clock this application runs on: "today" for eligibility, ages, plans and file names, "now" for records. */
    public Clock clock() { return clock; }

    /** Today by {@link #clock()}. */
    public LocalDate today() { return LocalDate.now(clock); }

    public Database database() { return database; }

    public CatalogStore catalogStore() { return catalogStore; }

    /** Saved clients (personal fields sealed once a passphrase is set). */
    public ClientStore clientStore() { return clientStore; }

    /** Saved plans with every revision. */
    public PlanStore planStore() { return planStore; }

    /** Proposals issued for plan revisions. */
    public ProposalStore proposalStore() { return proposalStore; }

    /** The user's own care episodes. */
    public ScenarioStore scenarioStore() { return scenarioStore; }
    /** 港澳藥械通 search over catalog snapshots (one in-memory index per snapshot). */
    public LookupService lookup() { return lookup; }

    /**
     * One 港澳藥械通 search where nothing else will be searched (the command line): over the documents kept beside the
     * database ({@link hk.baycover.store.LookupCache}, ADR 0069), reading only the hits' records, when the snapshot has
     * not been read; over the snapshot's index otherwise, or when those documents can be neither read nor made. Both
     * give the same answer.
     */
    public hk.baycover.lookup.LookupAnswer lookupOnce(hk.baycover.lookup.LookupQuery query) {
        if (catalog == null) {
            var answer = new hk.baycover.store.LookupCache(database).search(query);
            if (answer.isPresent()) return answer.get();
        }
        Catalog c = catalog();
        return new hk.baycover.lookup.LookupAnswer(lookup.search(c, query, ProgressMonitor.NONE), c, hk.baycover.lookup.DataAbout.of(c));
    }
    /** The passphrase, the data key and the cipher for client personal data. */
    public KeyManager keys() { return keys; }

    public AuditStore audit() { return audit; }

    public BackupService backups() { return backups; }

    /** Client and plan stores register how to delete a client's rows here. */
    public ErasureService erasure() { return erasure; }
    /** Comparisons pinned on the Compare screen. */
    public PinnedComparisons pinnedComparisons() { return pinnedComparisons; }

    /** Compare products; export comparisons. */
    public CompareUseCase compare() { return compare; }

    /** Analyse, recommend, save a plan; export the proposal. */
    public PlanUseCase plan() { return plan; }

    /** The gap matrix with what-if drafts; its exports. */
    public GapsUseCase gaps() { return gaps; }

    /** Validate, import and export catalog packs. */
    public DatasetsUseCase datasets() { return datasets; }

    /** Back up and restore the data folder. */
    public BackupUseCase backup() { return backup; }

    /** The current catalog snapshot (immutable; replaced after every import; read on first use after {@link #openWithoutSnapshot}). */
    public Catalog catalog() {
        Catalog c = catalog;
        if (c != null) return c;
        synchronized (this) {
            if (catalog == null) {
                catalog = catalogStore.snapshot();
                hk.baycover.io.Timeline.mark("catalog snapshot read");
            }
            return catalog;
        }
    }

    /**
     * The catalog's datasets and products, without institutions, items, running totals and scenarios (the whole snapshot
     * when it is already read): for work that reads products only — the gap matrix of the command line. Not kept.
     */
    public Catalog productsOnly() {
        Catalog c = catalog;
        if (c != null) return c;
        Catalog products = catalogStore.productsSnapshot();
        hk.baycover.io.Timeline.mark("products read");
        return products;
    }

    /** Forgets the snapshot after a change; the next {@link #catalog()} reads it again. */
    private java.util.function.Supplier<Catalog> invalidate() {
        synchronized (this) {
            catalog = null;
        }
        return this::catalog;
    }

    /** Re-reads the catalog from SQLite after a change. */
    public synchronized Catalog reload() {
        catalog = catalogStore.snapshot();
        return catalog;
    }

    /**
     * Replaces the database with a checked backup while no other process uses the folder; then the key is forgotten
     * (the backup brings its own keyring) and the catalog re-read.
     */
    public BackupService.Candidate restore(Path file, ProgressMonitor monitor) {
        BackupService.Candidate c = lock.exclusively(() -> backups.restore(file, monitor));
        keys.reset();
        reload();
        return c;
    }

    /** Restores into a folder that could not be opened (its database is corrupt), with nothing of it open. */
    public static BackupService.Candidate restoreUnopened(Path dataDir, Path file, Clock clock) {
        try (DataDirLock l = DataDirLock.acquire(dataDir, DataDirLock.Mode.SHARED)) {
            return l.exclusively(() -> BackupService.restoreOffline(dataDir, file, clock));
        }
    }

    /** Erases one client beyond recovery (see {@link ErasureService}) while no other process uses the folder. */
    public ErasureService.Result eraseClient(String clientId) {
        return lock.exclusively(() -> erasure.erase(clientId));
    }

    /** What setting the first passphrase did to data already stored. */
    public record Sealed(int records, int automaticBackupsReplaced, boolean wiped) {
    }

    /**
     * Sets the first passphrase and seals every client record an older build stored in plain text, then rebuilds the
     * database so no page of the plain text is left in it, its WAL or a free list, and replaces the automatic backups
     * (which hold it) with a fresh one. Runs with the folder held exclusively ({@code trust.folderBusy} otherwise).
     * Backups the user saved elsewhere before are not touched: they keep what they held.
     */
    public Sealed setPassphrase(char[] passphrase, char[] confirmation) {
        KeyManager.checkNew(passphrase, confirmation);
        return lock.exclusively(() -> {
            markScrubPending();
            keys.setUp(passphrase, confirmation);
            return seal();
        });
    }

    /**
     * After an unlock: finishes a sealing that a crash interrupted (plain text left, or a rebuild pending). Does nothing
     * when all is sealed; waits for another time when other BayCover processes use the folder.
     */
    public void ensureSealed() {
        if (!keys.isUnlocked()) return;
        if (!Files.exists(scrubMarker()) && !clientStore.hasPlaintext()) return;
        try {
            lock.exclusively(() -> {
                markScrubPending();
                return seal();
            });
        } catch (UserError busy) {
            java.util.logging.Logger.getLogger(BayCover.class.getName()).info(() -> "sealing left for later: " + busy.key());
        }
    }

    private Sealed seal() {
        int n = clientStore.sealPlaintext();
        ErasureService.Scrub s = ErasureService.scrub(database, "after-passphrase");
        audit.append(hk.baycover.trust.AuditEntry.of(hk.baycover.trust.AuditAction.CLIENT_DATA_SEALED, "database", null, null,
                java.util.Map.of("records", String.valueOf(n), "automaticBackupsReplaced", String.valueOf(s.automaticBackupsDeleted()))));
        try {
            Files.deleteIfExists(scrubMarker());
        } catch (java.io.IOException e) {
            throw new UserError(e, "trust.cannotDelete", scrubMarker(), hk.baycover.io.IoErrors.reason(e));
        }
        return new Sealed(n, s.automaticBackupsDeleted(), s.wiped());
    }

    private Path scrubMarker() {
        return dataDir.resolve(hk.baycover.io.DataFolder.SCRUB_PENDING);
    }

    private void markScrubPending() {
        SafeFiles.writeOwn(scrubMarker(), out -> out.write('1'));
    }
    /** The gap explorer's what-if draft products. */
    public DraftStore gapDrafts() { return gapDrafts; }

    @Override
    public void close() {
        keys.lock();
        lock.close();
    }

    /**
     * Client personal data (names, contact, conditions, notes) is always sealed with AES-256-GCM (records that name
     * themselves as associated data): without a passphrase nothing is saved ({@code trust.passphraseFirst}; the GUI asks
     * for one first, the CLI sets it from {@code --passphrase-file}). Records an older build stored in plain text are
     * read as they are until {@link #setPassphrase} seals them. Reading a sealed record needs the folder unlocked.
     */
    private static ClientStore.PersonalCodec personalCodec(KeyManager keys) {
        return ClientStore.PersonalCodec.of(
                (json, recordId) -> {
                    // client data is never stored in plain text: without a passphrase nothing is saved
                    if (keys.state() == KeyManager.State.NOT_SET) throw new UserError("trust.passphraseFirst");
                    return keys.cipher().encryptString(json, recordId);
                },
                (stored, recordId) -> stored != null && stored.startsWith("v1:") ? keys.cipher().decryptString(stored, recordId) : stored);
    }
}
