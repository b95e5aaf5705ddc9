package hk.baycover.bench;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.CatalogStore;
import hk.baycover.trust.PersonalDataCipher;
import hk.baycover.trust.TestPacks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What trust costs, p50/p99 over repeated runs on a folder seeded with the shipped packs: unlocking (PBKDF2 at
 * 600,000 iterations), sealing and opening a 2 KB client record, a backup, a restore (checks and swap), and an import
 * with and without its automatic backup share.
 *
 * <p>Run: {@code mvn -B test-compile exec:java -Dexec.mainClass=hk.baycover.bench.TrustBench}
 */
public final class TrustBench {

    private TrustBench() {
    }

    interface Work {
        void run(int i) throws Exception;
    }

    static String measure(String what, int warmup, int runs, String unit, Work w) throws Exception {
        for (int i = 0; i < warmup; i++) w.run(i);
        List<Long> ns = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            w.run(warmup + i);
            ns.add(System.nanoTime() - t);
        }
        Collections.sort(ns);
        double div = unit.equals("µs") ? 1e3 : 1e6;
        long p50 = ns.get(ns.size() / 2);
        long p99 = ns.get(Math.min(ns.size() - 1, (int) Math.ceil(ns.size() * 0.99) - 1));
        return String.format("%-52s p50 %9.2f %s   p99 %9.2f %s   (n=%d)", what, p50 / div, unit, p99 / div, unit, runs);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("baycover-trust-bench");
        List<String> lines = new ArrayList<>();
        try (BayCover app = BayCover.open(dir.resolve("data"), Lang.EN, ProgressMonitor.NONE)) {
            app.keys().setUp("benchmark passphrase".toCharArray(), null);
            lines.add(measure("unlock (PBKDF2-HMAC-SHA256 600k + unwrap)", 2, 10, "ms", i -> {
                app.keys().lock();
                app.keys().unlock("benchmark passphrase".toCharArray());
            }));
            PersonalDataCipher cipher = app.keys().cipher();
            String profile = "{\"name\":\"陳大文\",\"notes\":\"" + "x".repeat(2000) + "\"}";
            lines.add(measure("seal + open a 2 KB client record (AES-256-GCM)", 2000, 20000, "µs", i -> {
                byte[] sealed = cipher.encryptText(profile, "client/" + i);
                cipher.decryptText(sealed, "client/" + i);
            }));
            long size = Files.size(app.database().file());
            lines.add(measure("backup (" + size / 1024 + " KB database)", 2, 15, "ms", i ->
                    app.backups().backup(dir.resolve("b" + i + ".db"), true, ProgressMonitor.NONE)));
            lines.add(measure("restore: checks + automatic backup + swap", 2, 15, "ms", i ->
                    app.restore(dir.resolve("b" + (i % 10) + ".db"), ProgressMonitor.NONE)));
            byte[] pack = TestPacks.drugsBytes("bench-pack", "1", 20, 1000);
            lines.add(measure("import a 1,020-record pack (incl. automatic backup)", 2, 10, "ms", i ->
                    app.catalogStore().importSources(List.of(new CatalogStore.Source("bench.json", pack)), CatalogStore.Origin.IMPORTED,
                            Lang.EN, ProgressMonitor.NONE)));
            lines.add(measure("  of which the automatic backup alone", 2, 10, "ms", i ->
                    hk.baycover.store.BackupService.rolling(app.database(), "bench")));
        }
        System.out.println("BayCover trust bench (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ")");
        lines.forEach(System.out::println);
        System.out.println("rerun: mvn -B test-compile exec:java -Dexec.mainClass=hk.baycover.bench.TrustBench");
    }
}
