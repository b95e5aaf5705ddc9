package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.catalog.PackReader;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.trust.AuditAction;
import hk.baycover.trust.AuditEntry;
import hk.baycover.trust.AuditQuery;
import hk.baycover.trust.ChildJvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Kills a child JVM ({@code Process.destroyForcibly}: SIGKILL, i.e. {@code kill -9}) at random moments while it imports
 * packs or restores backups, then reopens the folder and checks: full {@code integrity_check}; every import the child
 * had confirmed as committed is there (nothing lost); every dataset is exactly one version, whole (its checksum and every
 * record count match the pack), with its audit entry (nothing half-applied); every automatic backup passes its check.
 * For restores: the database is exactly backup A or backup B, never a mixture.
 *
 * <p>Run long: {@code mvn -B -o test -Dtest=CrashSafetyTest -Dbaycover.crash.cycles=200}.
 */
public final class CrashHarness {

    /** What a run found. {@code lost}, {@code halfApplied} and {@code problems} must be zero / empty. */
    public record Report(String mode, int cycles, int killsDuringWork, int inFlightApplied, int inFlightRolledBack, int commitsConfirmed,
                         int lost, int halfApplied, int integrityFailures, int backupsChecked, List<String> problems) {
        public String summary() {
            return String.format("%s: %d kill -9 cycles, %d kills landed inside an operation (found afterwards: %d applied whole, "
                            + "%d not applied at all), %d commits confirmed, %d lost, %d half-applied, %d integrity failures, "
                            + "%d automatic backups checked",
                    mode, cycles, killsDuringWork, inFlightApplied, inFlightRolledBack, commitsConfirmed, lost, halfApplied, integrityFailures,
                    backupsChecked);
        }
    }

    private CrashHarness() {
    }

    /** Repeated imports killed at random. */
    public static Report imports(Path dir, int cycles, long seed, int maxDelayMillis) throws Exception {
        Random random = new Random(seed);
        hk.baycover.trust.TestFolders.seeded(dir);
        Path journal = dir.resolveSibling(dir.getFileName() + "-journal.txt");
        Files.deleteIfExists(journal);
        int kills = 0;
        int applied = 0;
        int rolledBack = 0;
        int lost = 0;
        int half = 0;
        int integrity = 0;
        int backups = 0;
        List<String> problems = new ArrayList<>();
        for (int cycle = 0; cycle < cycles; cycle++) {
            Journal j = Journal.read(journal);
            runAndKill("import", dir, journal, j.last + 1, List.of(), random.nextInt(maxDelayMillis));
            Journal after = Journal.read(journal);
            if (after.inFlight != null) kills++;
            String check = integrity(dir);
            if (!"ok".equals(check)) {
                integrity++;
                problems.add("cycle " + cycle + ": integrity " + check);
                break;
            }
            try (BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE)) {
                Map<String, DatasetInfo> stored = new HashMap<>();
                for (DatasetInfo d : app.catalogStore().datasets()) stored.put(d.id(), d);
                for (int k = 0; k < CrashPacks.DATASETS; k++) {
                    String id = "crash-" + k;
                    Integer committed = after.lastCommitted.get(id);
                    Integer inFlight = after.inFlight != null && CrashPacks.spec(after.inFlight).datasetId().equals(id) ? after.inFlight : null;
                    DatasetInfo d = stored.get(id);
                    if (d == null) {
                        if (inFlight != null) {
                            rolledBack++;
                            resolve(journal, inFlight, false);
                        }
                        if (committed != null) {
                            lost++;
                            problems.add("cycle " + cycle + ": " + id + " v" + committed + " was committed but is gone");
                        }
                        continue;
                    }
                    int version = Integer.parseInt(d.version().substring(1));
                    if (inFlight != null) {
                        if (version == inFlight) applied++;
                        else rolledBack++;
                        resolve(journal, inFlight, version == inFlight);
                    }
                    if (!(committed != null && version == committed) && !(inFlight != null && version == inFlight)) {
                        lost++;
                        problems.add("cycle " + cycle + ": " + id + " is v" + version + ", expected v" + committed + (inFlight == null ? "" : " or v" + inFlight));
                        continue;
                    }
                    String whole = whole(app, d, CrashPacks.spec(version));
                    if (whole != null) {
                        half++;
                        problems.add("cycle " + cycle + ": " + id + " v" + version + " " + whole);
                    }
                }
                for (BackupService.AutoBackup b : app.backups().automatic()) {
                    backups++;
                    String v = quickCheck(b.file());
                    if (!"ok".equals(v)) problems.add("cycle " + cycle + ": automatic backup " + b.file().getFileName() + ": " + v);
                }
            }
        }
        Journal end = Journal.read(journal);
        return new Report("imports", cycles, kills, applied, rolledBack, end.commits, lost, half, integrity, backups, problems);
    }

    /** Repeated restores (A, B, A, …) killed at random: the database must always be exactly A or exactly B. */
    public static Report restores(Path dir, Path a, Path b, int cycles, long seed, int maxDelayMillis) throws Exception {
        Random random = new Random(seed);
        Path journal = dir.resolveSibling(dir.getFileName() + "-restore-journal.txt");
        Files.deleteIfExists(journal);
        List<String> ignore = List.of("audit_log", "sqlite_sequence");
        String fa = DbFingerprint.ofFile(a, ignore);
        String fb = DbFingerprint.ofFile(b, ignore);
        int kills = 0;
        int applied = 0;
        int rolledBack = 0;
        int half = 0;
        int integrity = 0;
        int backups = 0;
        List<String> problems = new ArrayList<>();
        for (int cycle = 0; cycle < cycles; cycle++) {
            Journal j = Journal.read(journal);
            runAndKill("restore", dir, journal, j.last + 1, List.of(a.toString(), b.toString()), random.nextInt(maxDelayMillis));
            Integer inFlight = Journal.read(journal).inFlight;
            if (inFlight != null) kills++;
            String check = integrity(dir);
            if (!"ok".equals(check)) {
                integrity++;
                problems.add("cycle " + cycle + ": integrity " + check);
                break;
            }
            try (BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE)) {
                String now = DbFingerprint.ofFile(app.database().file(), ignore);
                if (!now.equals(fa) && !now.equals(fb)) {
                    half++;
                    problems.add("cycle " + cycle + ": the database is neither backup A nor backup B");
                } else if (inFlight != null) {
                    // restore n copies backup A when n is even, B when odd (CrashChild)
                    if (now.equals(inFlight % 2 == 0 ? fa : fb)) applied++;
                    else rolledBack++;
                    resolve(journal, inFlight, now.equals(inFlight % 2 == 0 ? fa : fb));
                }
                for (BackupService.AutoBackup bk : app.backups().automatic()) {
                    backups++;
                    String v = quickCheck(bk.file());
                    if (!"ok".equals(v)) problems.add("cycle " + cycle + ": automatic backup " + bk.file().getFileName() + ": " + v);
                }
            }
            try (var s = Files.list(dir)) {
                List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".restore-")).toList();
                if (!left.isEmpty()) problems.add("cycle " + cycle + ": restore copies left after reopening: " + left);
            }
        }
        return new Report("restores", cycles, kills, applied, rolledBack, Journal.read(journal).commits, 0, half, integrity, backups, problems);
    }

    /** Sets up a folder for the plan and passphrase modes: seeded, the first passphrase set, the client and plan saved once. */
    static void planFolder(Path dir) {
        hk.baycover.trust.TestFolders.seeded(dir);
        try (BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE)) {
            app.setPassphrase(CrashChild.passphrase(0).toCharArray(), null);
            // the plan the child keeps revising: created with a fixed id (revision 1 = "revision 0")
            app.database().inTransaction(c -> {
                try (java.sql.PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO client(id, created_at, updated_at, profile_json, personal_json) VALUES ('crash-client', '2026-01-01T00:00:00Z', "
                                + "'2026-01-01T00:00:00Z', '{}', 'v1:placeholder')")) {
                    ps.executeUpdate();
                }
                try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO plan(id, client_id, status, revision, created_at, updated_at) "
                        + "VALUES (?, 'crash-client', 'DRAFT', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")) {
                    ps.setString(1, CrashChild.PLAN_ID);
                    ps.executeUpdate();
                }
                return null;
            });
            app.planStore().saveClientAndPlan(CrashChild.client("crash-client", 0), Lang.EN, CrashChild.PLAN_ID, CrashChild.plan(0), null);
        }
    }

    /**
     * Repeated plan saves (a client and a new plan revision in one transaction) killed at random: every confirmed
     * revision is there, the newest revision and the client's notes name the same save (never half of one), the
     * revision has its audit entry, and no personal field is in plain text in any file of the folder.
     */
    public static Report plans(Path dir, int cycles, long seed, int maxDelayMillis) throws Exception {
        Random random = new Random(seed);
        planFolder(dir);
        Path journal = dir.resolveSibling(dir.getFileName() + "-plans-journal.txt");
        Files.deleteIfExists(journal);
        int appliedUnconfirmed = 0;
        int kills = 0;
        int applied = 0;
        int rolledBack = 0;
        int lost = 0;
        int half = 0;
        int integrity = 0;
        int backups = 0;
        List<String> problems = new ArrayList<>();
        for (int cycle = 0; cycle < cycles; cycle++) {
            Journal j = Journal.read(journal, false);
            runAndKill("plans", dir, journal, j.last + 1, List.of(), random.nextInt(maxDelayMillis));
            Journal after = Journal.read(journal, false);
            if (after.inFlight != null) kills++;
            String check = integrity(dir);
            if (!"ok".equals(check)) {
                integrity++;
                problems.add("cycle " + cycle + ": integrity " + check);
                break;
            }
            try (BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE)) {
                app.keys().unlock(CrashChild.passphrase(0).toCharArray());
                int committed = after.lastCommittedNumber;
                PlanStore.SavedPlan latest = app.planStore().plan(CrashChild.PLAN_ID).orElseThrow();
                String title = latest.plan().title();
                String notes = app.clientStore().client(latest.clientId()).orElseThrow().profile().notes();
                int saved = Integer.parseInt(title.substring("revision ".length()));
                if (after.inFlight != null) {
                    if (saved == after.inFlight) applied++;
                    else rolledBack++;
                }
                if (saved != committed && !(after.inFlight != null && saved == after.inFlight)) {
                    lost++;
                    problems.add("cycle " + cycle + ": the newest revision is " + title + ", expected revision " + committed
                            + (after.inFlight == null ? "" : " or " + after.inFlight));
                }
                if (!("revision " + saved).equals(notes)) {
                    half++;
                    problems.add("cycle " + cycle + ": the plan says " + title + " but the client says " + notes + " (half a save)");
                }
                // revision 1 was the set-up's; then one per confirmed save, and one per save the kill landed after SQLite's commit
                if (after.inFlight != null && saved == after.inFlight) appliedUnconfirmed++;
                if (after.inFlight != null) resolve(journal, after.inFlight, saved == after.inFlight);
                int expected = 1 + after.commits + appliedUnconfirmed;
                if (latest.revision() != expected) {
                    lost++;
                    problems.add("cycle " + cycle + ": " + latest.revision() + " revisions, expected " + expected);
                }
                boolean audited = app.audit().list(new AuditQuery(AuditAction.PLAN_CHANGED, null, null, null, null, 0)).stream()
                        .anyMatch(e -> CrashChild.PLAN_ID.equals(e.subjectId()) && String.valueOf(latest.revision()).equals(e.details().get("revision")));
                if (latest.revision() > 1 && !audited) {
                    half++;
                    problems.add("cycle " + cycle + ": revision " + latest.revision() + " has no audit entry");
                }
                for (BackupService.AutoBackup b : app.backups().automatic()) {
                    backups++;
                    String v = quickCheck(b.file());
                    if (!"ok".equals(v)) problems.add("cycle " + cycle + ": automatic backup " + b.file().getFileName() + ": " + v);
                }
            }
            for (String found : PlaintextProbe.find(dir, List.of(CrashChild.CLIENT_NAME, "condition note", "cover note"))) {
                problems.add("cycle " + cycle + ": plain text " + found);
            }
        }
        return new Report("plan saves", cycles, kills, applied, rolledBack, Journal.read(journal, false).commits, lost, half, integrity, backups, problems);
    }

    /**
     * Repeated passphrase changes killed at random: afterwards exactly the last confirmed passphrase — or the one being
     * set when the kill landed — opens the folder, and the client's sealed data still reads with it.
     */
    public static Report passphrases(Path dir, int cycles, long seed, int maxDelayMillis) throws Exception {
        Random random = new Random(seed);
        planFolder(dir);
        Path journal = dir.resolveSibling(dir.getFileName() + "-passphrase-journal.txt");
        Files.deleteIfExists(journal);
        int current = 0;
        int kills = 0;
        int applied = 0;
        int rolledBack = 0;
        int lost = 0;
        int integrity = 0;
        List<String> problems = new ArrayList<>();
        for (int cycle = 0; cycle < cycles; cycle++) {
            Journal j = Journal.read(journal, false);
            runAndKill("passphrase", dir, journal, j.last + 1, List.of(String.valueOf(current)), random.nextInt(maxDelayMillis));
            Journal after = Journal.read(journal, false);
            if (after.inFlight != null) kills++;
            String check = integrity(dir);
            if (!"ok".equals(check)) {
                integrity++;
                problems.add("cycle " + cycle + ": integrity " + check);
                break;
            }
            int committed = after.lastCommittedNumber;
            try (BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE)) {
                // checked without the slow-down for wrong passphrases (the harness itself tries the two candidates)
                hk.baycover.trust.KeyManager keys = new hk.baycover.trust.KeyManager(new KeyringStore(app.database()), app.clock(), d -> { });
                Integer opens = null;
                if (keys.verify(CrashChild.passphrase(committed).toCharArray())) opens = committed;
                else if (after.inFlight != null && keys.verify(CrashChild.passphrase(after.inFlight).toCharArray())) opens = after.inFlight;
                if (opens == null) {
                    lost++;
                    problems.add("cycle " + cycle + ": neither passphrase " + committed + " nor the one in flight opens the folder");
                    break;
                }
                if (after.inFlight != null) {
                    if (opens.equals(after.inFlight)) applied++;
                    else rolledBack++;
                    resolve(journal, after.inFlight, opens.equals(after.inFlight));
                }
                current = opens;
                app.keys().unlock(CrashChild.passphrase(current).toCharArray());
                String name = app.clientStore().client("crash-client").orElseThrow().profile().name();
                if (!CrashChild.CLIENT_NAME.equals(name)) {
                    lost++;
                    problems.add("cycle " + cycle + ": the client's sealed data no longer reads (" + name + ")");
                }
            }
        }
        return new Report("passphrase changes", cycles, kills, applied, rolledBack, Journal.read(journal, false).commits, lost, 0, integrity, 0, problems);
    }

    private static void runAndKill(String mode, Path dir, Path journal, int first, List<String> extra, int delayMillis) throws Exception {
        List<String> args = new ArrayList<>(List.of(mode, dir.toString(), journal.toString(), String.valueOf(first)));
        args.addAll(extra);
        Process p = ChildJvm.builder(CrashChild.class, args, Map.of()).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            StringBuilder said = new StringBuilder();
            while ((line = r.readLine()) != null && !line.equals("READY")) said.append(line).append('\n');
            if (line == null) throw new IllegalStateException("the child died before it was ready (exit " + p.waitFor() + "): " + said);
            Thread.sleep(delayMillis);
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Checks a dataset against the pack it must be, record by record count, checksum and audit entry. */
    private static String whole(BayCover app, DatasetInfo d, CrashPacks.Spec spec) {
        byte[] bytes = spec.bytes();
        if (!d.checksum().equals(PackReader.sha256(bytes))) return "checksum differs from its pack";
        int institutions = d.counts().getOrDefault("institutions", 0);
        int items = d.counts().getOrDefault("drugs", 0) + d.counts().getOrDefault("devices", 0);
        if (institutions != spec.institutions() || items != spec.items()) {
            return "has " + institutions + " institutions and " + items + " items, not " + spec.institutions() + " and " + spec.items();
        }
        int approvals = BackupServiceTest.count(app.database().file(),
                "SELECT COUNT(*) FROM approval a JOIN item i ON i.id = a.item_id WHERE i.dataset_id = '" + d.id() + "'");
        if (approvals != spec.items()) return "has " + approvals + " approvals, not " + spec.items();
        List<AuditEntry> audit = app.audit().list(new AuditQuery(AuditAction.PACK_IMPORTED, null, null, null, null, 0));
        boolean audited = audit.stream().anyMatch(e -> d.id().equals(e.subjectId()) && d.version().equals(e.details().get("version"))
                && d.checksum().equals(e.details().get("sha256")));
        return audited ? null : "has no audit entry";
    }

    static String integrity(Path dir) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            StringBuilder sb = new StringBuilder();
            while (rs.next()) sb.append(sb.length() == 0 ? "" : "; ").append(rs.getString(1));
            return sb.toString();
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String quickCheck(Path db) {
        return BackupServiceTest.quickCheck(db);
    }

    /** The child's journal: the last number begun, what was confirmed committed per dataset, what was in flight. */
    /**
     * Records what the harness found for the operation a kill interrupted: {@code APPLIED n} (SQLite had committed it;
     * from now on it is the last committed one) or {@code ABORTED n}. Without it, the next child's first {@code BEGIN}
     * would hide an applied-but-unconfirmed operation and the following check would take it for a lost one.
     */
    static void resolve(Path journal, int n, boolean applied) throws IOException {
        byte[] before = Files.exists(journal) ? Files.readAllBytes(journal) : new byte[0];
        String lead = before.length > 0 && before[before.length - 1] != '\n' ? "\n" : "";
        Files.writeString(journal, lead + (applied ? "APPLIED " : "ABORTED ") + n + "\n", StandardCharsets.US_ASCII,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    static final class Journal {
        int last;
        int commits;
        int lastCommittedNumber;
        Integer inFlight;
        final Map<String, Integer> lastCommitted = new HashMap<>();

        static Journal read(Path file) throws IOException {
            return read(file, true);
        }

        /** {@code packs}: the numbers name crash packs (import mode), whose dataset each commit is recorded under. */
        static Journal read(Path file, boolean packs) throws IOException {
            Journal j = new Journal();
            if (!Files.exists(file)) return j;
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] parts = line.split(" ");
                if (parts.length != 2) continue; // a line torn by the kill
                int n = Integer.parseInt(parts[1]);
                j.last = Math.max(j.last, n);
                if (parts[0].equals("BEGIN")) {
                    j.inFlight = n;
                } else if (parts[0].equals("COMMIT") || parts[0].equals("APPLIED")) {
                    // APPLIED: committed by SQLite before the kill, confirmed by the harness rather than the child
                    j.inFlight = null;
                    if (parts[0].equals("COMMIT")) j.commits++;
                    j.lastCommittedNumber = n;
                    if (packs) j.lastCommitted.put(CrashPacks.spec(n).datasetId(), n);
                } else if (parts[0].equals("ABORTED")) {
                    j.inFlight = null;
                }
            }
            return j;
        }
    }

    /** {@code --cycles N --seed S --dir DIR [--modes all|imports|plans]}: prints the reports. */
    public static void main(String[] args) throws Exception {
        int cycles = 50;
        long seed = 7;
        String modes = "all";
        Path dir = Files.createTempDirectory("baycover-crash");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cycles": cycles = Integer.parseInt(args[i + 1]); break;
                case "--seed": seed = Long.parseLong(args[i + 1]); break;
                case "--dir": dir = Path.of(args[i + 1]); break;
                case "--modes": modes = args[i + 1]; break;
                default: throw new IllegalArgumentException(args[i]);
            }
        }
        // --modes all (default), imports (imports and restores) or plans (plan saves and passphrase changes)
        if (!modes.equals("plans")) System.out.println(CrashSafetyTest.runBoth(dir, cycles, seed));
        if (!modes.equals("imports")) System.out.println(CrashSafetyTest.runPlansAndPassphrases(dir, cycles, seed));
    }
}
