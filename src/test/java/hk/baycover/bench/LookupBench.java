package hk.baycover.bench;

import hk.baycover.app.BayCover;
import hk.baycover.lookup.LinearScan;
import hk.baycover.lookup.LookupIndex;
import hk.baycover.lookup.LookupQuery;
import hk.baycover.lookup.LookupResult;
import hk.baycover.lookup.Searcher;
import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.RegulatedItem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Per-keystroke latency of the lookup: realistic queries typed one character at a time (1–12 characters, Chinese in
 * both scripts and Latin, with a typo or two), each prefix searched as the screen does (limit 200, total counted).
 * The index and a plain linear scan over the very same documents run side by side in the same JVM (each round types
 * every sequence with one, then the other), on the shipped pack and on a generated catalog (100,000 items, 2,000 institutions).
 * Not a test: run it with
 * <pre>mvn -B -q test-compile exec:java -Dexec.mainClass=hk.baycover.bench.LookupBench [-Dexec.args="ITEMS INSTITUTIONS ROUNDS"]</pre>
 */
public final class LookupBench {

    private static final String[] CJK = {"劳拉替尼", "勞拉替尼", "新型人工耳蜗", "人工耳蝸", "香港大學深圳醫院", "帕博利珠单抗", "注射液",
            "深圳市人民医院", "非小细胞肺癌", "心脏起搏器", "中山陳星海醫院", "无导线心脏起搏器", "阿培利司", "眼科医院", "磁控脊柱生长棒",
            "廣州和睦家醫院", "乳腺癌", "英克西兰"};
    private static final String[] LATIN = {"lorlatinib", "lorlatnib", "pembrolizumab", "cochlear implant", "shenzhen people",
            "hospital", "tinib", "injection", "new-type cochlear", "leadless pacemaker", "entrectinib", "HKU-SZH", "zhongshan chen",
            "inclisiran", "brolucizumab", "lung cancer", "eye hospital", "capmatinib"};
    private static final int LIMIT = 200;

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int institutions = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        Path dir = Files.createTempDirectory("baycover-bench");
        Catalog shipped = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE).catalog();
        run("shipped pack (" + shipped.items().size() + " items, " + shipped.institutions().size() + " institutions)", shipped, List.of(), rounds * 20);

        long t0 = System.nanoTime();
        Catalog big = new CatalogGenerator(1).generate(items, institutions);
        System.out.printf(Locale.ROOT, "%ngenerated %,d items and %,d institutions in %.1f s%n", items, institutions, (System.nanoTime() - t0) / 1e9);
        // typed names taken from the generated catalog itself, in every script
        Random r = new Random(5);
        List<String> fromCatalog = new ArrayList<>();
        List<RegulatedItem> list = big.items();
        for (int i = 0; i < 12; i++) {
            RegulatedItem it = list.get(r.nextInt(list.size()));
            fromCatalog.add(it.name().zhHant());
            fromCatalog.add(it.name().en());
        }
        run("generated catalog (" + items + " items, " + institutions + " institutions)", big, fromCatalog, rounds);
    }

    private static void run(String title, Catalog catalog, List<String> extra, int rounds) {
        System.out.printf(Locale.ROOT, "%n== %s%n", title);
        System.gc();
        long heap0 = usedHeap();
        long t0 = System.nanoTime();
        LookupIndex index = LookupIndex.build(catalog);
        double buildS = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heap1 = usedHeap();
        LinearScan scan = LinearScan.over(index);
        System.out.printf(Locale.ROOT, "index: %,d documents built in %.2f s, about %d MB of heap%n", index.size(), buildS, (heap1 - heap0) >> 20);

        List<String> cjk = new ArrayList<>(List.of(CJK));
        List<String> latin = new ArrayList<>(List.of(LATIN));
        for (String s : extra) {
            if (s == null) continue;
            (s.chars().anyMatch(c -> c > 0x2E80) ? cjk : latin).add(s);
        }
        List<String> cjkKeys = keystrokes(cjk);
        List<String> latinKeys = keystrokes(latin);

        // warm up both (JIT), checking on the way that they agree
        for (int w = 0; w < 3; w++) {
            for (String q : cjkKeys) agree(index, scan, q);
            for (String q : latinKeys) agree(index, scan, q);
        }
        long[][] cjkTimes = measure(index, scan, cjkKeys, rounds);
        long[][] latinTimes = measure(index, scan, latinKeys, rounds);
        long[] allIndex = concat(cjkTimes[0], latinTimes[0]);
        long[] allScan = concat(cjkTimes[1], latinTimes[1]);
        System.out.println("| keystrokes | n | index p50 | index p99 | index max | scan p50 | scan p99 | p50 speed-up | p99 speed-up |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        row("Chinese (繁/简), 1–12 chars", cjkTimes[0], cjkTimes[1]);
        row("Latin (incl. typos), 1–12 chars", latinTimes[0], latinTimes[1]);
        row("all", allIndex, allScan);
        heaviest(index, scan, extra.isEmpty() ? 11 : 41);
        int slowest = Integer.getInteger("bench.slowest", 0);
        if (slowest > 0) {
            List<String> keys = new ArrayList<>(cjkKeys);
            keys.addAll(latinKeys);
            long[] times = concat(cjkTimes[0], latinTimes[0]);
            int n = keys.size();
            Integer[] order = new Integer[times.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (x, y) -> Long.compare(times[y], times[x]));
            System.out.println("slowest index keystrokes:");
            for (int i = 0; i < Math.min(slowest, order.length); i++) {
                int at = order[i];
                String q = at < cjkTimes[0].length ? cjkKeys.get(at % cjkKeys.size()) : latinKeys.get((at - cjkTimes[0].length) % latinKeys.size());
                System.out.printf(Locale.ROOT, "  %.3f ms  «%s»  (%d found)%n", times[at] / 1e6, q, index.search(LookupQuery.of(q).withLimit(LIMIT)).total());
            }
            if (n < 0) System.out.print("");
        }
    }

    /**
     * The keystrokes with the most work (one Latin letter matching nearly everything, common words, long phrases),
     * each repeated and reported as its median: the cost without the scheduling noise of a shared machine.
     */
    private static void heaviest(Searcher index, Searcher scan, int repeats) {
        String[] heavy = {"l", "t", "lo", "ca", "非", "医院", "Paedi", "injec", "Implant", "tinib", "lung cancer", "心脏起搏器", "lorlatnib"};
        System.out.println();
        System.out.println("| heavy keystroke | found | index median | scan median | speed-up |");
        System.out.println("|---|---|---|---|---|");
        for (String q : heavy) {
            LookupQuery query = LookupQuery.of(q).withLimit(LIMIT);
            long[] ti = new long[repeats];
            long[] ts = new long[Math.max(3, repeats / 4)];
            for (int i = 0; i < ti.length; i++) {
                long a = System.nanoTime();
                index.search(query);
                ti[i] = System.nanoTime() - a;
            }
            for (int i = 0; i < ts.length; i++) {
                long a = System.nanoTime();
                scan.search(query);
                ts[i] = System.nanoTime() - a;
            }
            Arrays.sort(ti);
            Arrays.sort(ts);
            double mi = ti[ti.length / 2];
            double ms = ts[ts.length / 2];
            System.out.printf(Locale.ROOT, "| «%s» | %,d | %.3f ms | %.2f ms | %.0f× |%n", q, index.search(query).total(), mi / 1e6, ms / 1e6, ms / mi);
        }
    }

    private static void agree(Searcher index, Searcher scan, String q) {
        LookupQuery query = LookupQuery.of(q).withLimit(LIMIT);
        LookupResult a = index.search(query);
        LookupResult b = scan.search(query);
        if (!a.equals(b)) throw new IllegalStateException("index and scan disagree on «" + q + "»");
    }

    /** Every prefix of every query, 1 to 12 characters, in typing order. */
    private static List<String> keystrokes(List<String> queries) {
        List<String> out = new ArrayList<>();
        for (String q : queries) {
            int[] cps = q.codePoints().toArray();
            for (int n = 1; n <= Math.min(12, cps.length); n++) out.add(new String(cps, 0, n));
        }
        return out;
    }

    /**
     * Each round types every sequence with the index, then with the scan (same keystrokes, same order), so the scan's
     * garbage does not land in the index's timings and vice versa.
     */
    private static long[][] measure(Searcher index, Searcher scan, List<String> keys, int rounds) {
        long[] ti = new long[keys.size() * rounds];
        long[] ts = new long[keys.size() * rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            sink += time(index, keys, ti, r * keys.size());
            sink += time(scan, keys, ts, r * keys.size());
        }
        if (sink == 42) System.out.print("");
        return new long[][] {ti, ts};
    }

    private static long time(Searcher searcher, List<String> keys, long[] out, int from) {
        long sink = 0;
        for (int k = 0; k < keys.size(); k++) {
            LookupQuery query = LookupQuery.of(keys.get(k)).withLimit(LIMIT);
            long a = System.nanoTime();
            sink += searcher.search(query).total();
            out[from + k] = System.nanoTime() - a;
        }
        return sink;
    }

    private static void row(String name, long[] index, long[] scan) {
        long[] i = index.clone();
        long[] s = scan.clone();
        Arrays.sort(i);
        Arrays.sort(s);
        double i50 = pct(i, 50), i99 = pct(i, 99), s50 = pct(s, 50), s99 = pct(s, 99);
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f ms | %.3f ms | %.3f ms | %.2f ms | %.2f ms | %.0f× | %.0f× |%n", name, i.length,
                i50 / 1e6, i99 / 1e6, i[i.length - 1] / 1e6, s50 / 1e6, s99 / 1e6, s50 / i50, s99 / i99);
    }

    private static double pct(long[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

}
