package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.app.Logs;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The process the crash harness kills: it imports packs (or restores backups) one after another, forever, and writes
 * "BEGIN n" before and "COMMIT n" after each one to a journal it flushes to disk, so the harness knows exactly what had
 * been committed when the kill landed.
 */
public final class CrashChild {

    private CrashChild() {
    }

    /** The client the plan-save mode writes revision after revision of (personal fields included). */
    public static final String CLIENT_NAME = "Crash Harness Clientname";
    public static final String PLAN_ID = "crash-plan";

    /** The passphrase after change {@code n} in the passphrase mode (0: the first one). */
    public static String passphrase(int n) {
        return "crash harness passphrase " + n;
    }

    /** The client as saved with revision {@code n}: its notes and the plan's title both carry {@code n}. */
    public static hk.baycover.model.ClientProfile client(String id, int n) {
        hk.baycover.model.ClientProfile t = PlanStoreTest.client();
        return new hk.baycover.model.ClientProfile(id, CLIENT_NAME, t.contact(), t.birthDate(), null, t.sex(), t.smoker(), t.residency(), t.livesIn(),
                t.city(), t.szMedicalInsurance(), null, true, false, true, false, List.of(), "cover note", t.conditions(), "condition note",
                List.of(), t.needs(), t.budget(), 12, "revision " + n);
    }

    public static hk.baycover.planning.Plan plan(int n) {
        return PlanStoreTest.plan(List.of()).withTitle("revision " + n, "notes of revision " + n);
    }

    /**
     * args: import DIR JOURNAL FIRST | restore DIR JOURNAL FIRST BACKUP_A BACKUP_B | plans DIR JOURNAL FIRST |
     * passphrase DIR JOURNAL FIRST CURRENT (CURRENT: the number of the passphrase that opens the folder now)
     */
    public static void main(String[] args) throws Exception {
        Logs.quietConsole();
        String mode = args[0];
        Path dir = Path.of(args[1]);
        Path journal = Path.of(args[2]);
        int first = Integer.parseInt(args[3]);
        try (FileOutputStream out = new FileOutputStream(journal.toFile(), true)) {
            BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE);
            String current = null;
            if (mode.equals("plans")) app.keys().unlock(passphrase(0).toCharArray());
            if (mode.equals("passphrase")) current = passphrase(Integer.parseInt(args[4]));
            // warm up (schemas, ICU, Jackson) without writing, so that kills land in imports rather than in class loading
            hk.baycover.catalog.PackReader.Result warm = new hk.baycover.catalog.PackReader(Lang.EN, java.time.LocalDate.now())
                    .read("warm-up.json", CrashPacks.spec(0).bytes(), hk.baycover.catalog.ReferenceContext.EMPTY);
            hk.baycover.catalog.ScriptFiller.fill(warm.pack());
            System.out.println("READY");
            System.out.flush();
            for (int n = first; ; n++) {
                if (mode.equals("import")) {
                    CrashPacks.Spec spec = CrashPacks.spec(n);
                    byte[] bytes = spec.bytes();
                    log(out, "BEGIN " + n);
                    app.catalogStore().importSources(List.of(new CatalogStore.Source(spec.datasetId() + ".json", bytes)),
                            CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
                    log(out, "COMMIT " + n);
                } else if (mode.equals("plans")) {
                    // one transaction: the client's notes and the plan's title both say n, or neither
                    log(out, "BEGIN " + n);
                    app.planStore().saveClientAndPlan(client(null, n), Lang.EN, PLAN_ID, plan(n), null);
                    log(out, "COMMIT " + n);
                } else if (mode.equals("passphrase")) {
                    log(out, "BEGIN " + n);
                    app.keys().change(current.toCharArray(), passphrase(n).toCharArray(), null);
                    log(out, "COMMIT " + n);
                    current = passphrase(n);
                } else {
                    Path backup = Path.of(args[4 + (n % 2)]);
                    log(out, "BEGIN " + n);
                    app.restore(backup, ProgressMonitor.NONE);
                    log(out, "COMMIT " + n);
                }
            }
        }
    }

    private static void log(FileOutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        out.getFD().sync();
    }
}
