package hk.baycover.bench;

import hk.baycover.gaps.GapCatalogGenerator;
import hk.baycover.gaps.GapEngine;
import hk.baycover.gaps.GapFixtures;
import hk.baycover.gaps.GapMatrix;
import hk.baycover.gaps.ProductResult;
import hk.baycover.gaps.SegmentConfig;
import hk.baycover.model.FxTable;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain bench command beside the JMH one: p50/p99 of wall time AND of this thread's CPU time for the full matrix
 * (evaluated on one thread) and for a what-if update, over a generated catalog of 1,000 products. CPU time stays
 * meaningful on a shared, overloaded machine where wall time does not.
 * Run: {@code mvn -B -q test-compile && mvn -B -q exec:exec -Dexec.executable=java
 * -Dexec.args="-cp %classpath hk.baycover.bench.GapBench 20"}.
 */
public final class GapBench {

    private GapBench() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Product> products = GapCatalogGenerator.products(1000, 42);
        GapEngine engine = new GapEngine(SegmentConfig.defaults(), LocalDate.of(2026, 11, 29), FxTable.defaults());
        Product draft = GapFixtures.dentalDraft("draft-bench");
        GapMatrix base = engine.matrix(products, ProgressMonitor.NONE);
        for (int i = 0; i < 5; i++) serial(engine, products); // warm-up
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        long[] wallPar = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            serial(engine, products);
            wall[i] = System.nanoTime() - t0;
            cpu[i] = mx.getCurrentThreadCpuTime() - c0;
            long p0 = System.nanoTime();
            engine.matrix(products, ProgressMonitor.NONE);
            wallPar[i] = System.nanoTime() - p0;
        }
        int whatIfRuns = runs * 50;
        long[] wWall = new long[whatIfRuns];
        long[] wCpu = new long[whatIfRuns];
        for (int i = 0; i < whatIfRuns; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            base.plus(List.of(engine.evaluate(draft, true))).diffFrom(base);
            wWall[i] = System.nanoTime() - t0;
            wCpu[i] = mx.getCurrentThreadCpuTime() - c0;
        }
        System.out.printf("full matrix, 1000 products x %d cells, one thread: wall p50 %.1f ms p99 %.1f ms; CPU p50 %.1f ms p99 %.1f ms%n",
                base.cellCount(), ms(wall, 50), ms(wall, 99), ms(cpu, 50), ms(cpu, 99));
        System.out.printf("full matrix, parallel (%d cores): wall p50 %.1f ms p99 %.1f ms%n", Runtime.getRuntime().availableProcessors(),
                ms(wallPar, 50), ms(wallPar, 99));
        System.out.printf("what-if update (evaluate the draft, fold, diff): wall p50 %.2f ms p99 %.2f ms; CPU p50 %.2f ms p99 %.2f ms%n",
                ms(wWall, 50), ms(wWall, 99), ms(wCpu, 50), ms(wCpu, 99));
    }

    private static GapMatrix serial(GapEngine engine, List<Product> products) {
        List<ProductResult> results = new ArrayList<>(products.size());
        for (Product p : products) results.add(engine.evaluate(p, false));
        return engine.aggregate(results);
    }

    private static double ms(long[] nanos, int percentile) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int idx = (int) Math.ceil(percentile / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))] / 1_000_000.0;
    }
}
