package hk.baycover.bench;

import hk.baycover.app.BayCover;
import hk.baycover.catalog.PackReader;
import hk.baycover.catalog.ReferenceContext;
import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.CatalogStore;
import hk.baycover.store.ShippedPacks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Timings of the foundation's slow paths on the shipped packs: opening a fresh data folder (create, migrate, seed),
 * re-opening a seeded one, reading and checking each shipped pack, re-importing the largest one (validate + one
 * transaction + snapshot), taking a catalog snapshot, exporting every dataset. Prints p50/p99/max per operation.
 * Not a test: run it with
 * <pre>mvn -B -q test-compile exec:java -Dexec.mainClass=hk.baycover.bench.StoreBench [-Dexec.args="ROUNDS"]</pre>
 */
public final class StoreBench {

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        hk.baycover.app.Logs.quietConsole();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MB, %d rounds%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, rounds);
        Path root = Files.createTempDirectory("baycover-store-bench");

        // warm-up: class loading, ICU4J tables, JIT
        for (int i = 0; i < 3; i++) BayCover.open(root.resolve("warm-" + i), Lang.EN, ProgressMonitor.NONE).close();

        int[] n = {0};
        report("open a fresh data folder (create, migrate, seed " + ShippedPacks.names().size() + " packs)", time(Math.max(5, rounds / 2),
                () -> BayCover.open(root.resolve("fresh-" + n[0]++), Lang.EN, ProgressMonitor.NONE)));

        Path seeded = root.resolve("seeded");
        BayCover app = BayCover.open(seeded, Lang.EN, ProgressMonitor.NONE);
        report("re-open a seeded data folder (check, migrate, compare checksums, snapshot)", time(rounds,
                () -> BayCover.open(seeded, Lang.EN, ProgressMonitor.NONE)));

        Set<String> institutions = app.catalog().institutions().stream().map(i -> i.id()).collect(Collectors.toSet());
        Set<String> items = app.catalog().items().stream().map(i -> i.id()).collect(Collectors.toSet());
        String largest = null;
        int largestSize = 0;
        for (String name : ShippedPacks.names()) {
            byte[] bytes = ShippedPacks.JAR.bytes(name).orElse(null);
            if (bytes == null) continue;
            if (bytes.length > largestSize) {
                largestSize = bytes.length;
                largest = name;
            }
            PackReader reader = new PackReader(Lang.EN, java.time.LocalDate.now());
            report("read and check " + name + " (" + bytes.length / 1024 + " KB)", time(rounds, () -> {
                PackReader.Result r = reader.read(name, bytes, ReferenceContext.of(institutions, items));
                if (!r.ok()) throw new IllegalStateException(r.problems().toString());
                return r;
            }));
        }

        byte[] big = ShippedPacks.bytes(largest);
        String bigName = largest;
        report("re-import " + largest + " (read, check, fill, one transaction) + snapshot", time(rounds, () -> {
            app.catalogStore().importSources(List.of(new CatalogStore.Source(bigName, big)), CatalogStore.Origin.SHIPPED, Lang.EN,
                    ProgressMonitor.NONE);
            return app.reload();
        }));

        Catalog[] last = new Catalog[1];
        report("catalog snapshot (every dataset from SQLite into memory)", time(rounds * 2, () -> last[0] = app.catalogStore().snapshot()));
        System.out.printf(Locale.ROOT, "   (%d datasets, %d institutions, %d items, %d products, %d scenarios)%n", last[0].datasets().size(),
                last[0].institutions().size(), last[0].items().size(), last[0].products().size(), last[0].scenarios().size());

        int[] e = {0};
        report("export every dataset", time(rounds, () -> app.catalogStore().exportAll(root.resolve("export-" + e[0]++), ProgressMonitor.NONE)));
    }

    private static double[] time(int runs, Supplier<?> work) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-95s n=%3d  p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms%n", what, s.length,
                percentile(s, 50), percentile(s, 99), s[s.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

}
