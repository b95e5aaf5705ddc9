package hk.baycover.bench;

import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Currency;
import hk.baycover.model.Money;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.planning.Plan;
import hk.baycover.planning.Planner;
import hk.baycover.planning.Recommendation;
import hk.baycover.planning.Recommender;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recommendation time on generated catalogs (N products x 16 needs x 20-year horizon), next to brute force at a size
 * where brute force still finishes, in the same run. Prints p50/p99 per size.
 *
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.mainClass=hk.baycover.bench.RecommendBenchmark [-Dexec.args="ROUNDS"]
 * </pre>
 */
public final class RecommendBenchmark {

    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        LocalDate today = LocalDate.of(2026, 11, 29);
        // warm the JIT on a catalog that is not measured (C2 needs a few hundred calls)
        Catalog warm = PlanCatalogGenerator.catalog(200, 42);
        ClientProfile warmClient = PlanCatalogGenerator.client(Money.of("60000", Currency.HKD));
        Planner warmPlanner = new Planner(warm, today);
        for (int i = 0; i < 300; i++) warmPlanner.recommend(warmClient, warmPlanner.newPlan(warmClient, List.of()), Recommendation.Options.defaults(), ProgressMonitor.NONE);
        System.out.printf(Locale.ROOT, "BayCover recommend benchmark (%d rounds per size, %d catalogs each), Java %s, %d cores%n", rounds, 5,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("wall = elapsed time (includes waiting for a core on a loaded machine); cpu = CPU time of the benchmark thread");
        System.out.println("size  engine         min ms    p50 ms    p99 ms   max ms  cpu p50  cpu p99   nodes(p50)  searched  elements  found");
        // brute force at a size it still finishes: catalogs whose searched candidates stay below ~20
        for (int size : new int[] {30, 200}) {
            row(size, "exact (full)", rounds, today, false);
            row(size, "exact (core)", rounds, today, true);
        }
        bruteForceRow(40, Math.max(3, rounds / 10), today);
    }

    static void row(int size, String label, int rounds, LocalDate today, boolean coreOnly) {
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Long> nodes = new ArrayList<>();
        int searched = 0;
        int elements = 0;
        int found = 0;
        for (int c = 0; c < 5; c++) {
            Catalog cat = PlanCatalogGenerator.catalog(size, 1000 + c);
            ClientProfile client = PlanCatalogGenerator.client(Money.of("60000", Currency.HKD));
            Planner planner = new Planner(cat, today);
            Plan frame = planner.newPlan(client, List.of());
            Planner.Framing f = planner.frame(client, frame, Recommendation.Options.defaults());
            for (int i = 0; i < rounds + 5; i++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                if (coreOnly) {
                    Recommender engine = new Recommender();
                    Optional<Recommender.Solution> s = engine.solve(f.problem(), Set.of(), ProgressMonitor.NONE);
                    if (i >= 5) {
                        nodes.add(engine.lastStats().nodes());
                        searched = engine.lastStats().candidatesSearched();
                        elements = engine.lastStats().elements();
                        if (s.isPresent()) found++;
                    }
                } else {
                    Recommendation rec = planner.recommend(client, frame, Recommendation.Options.defaults(), ProgressMonitor.NONE);
                    if (i >= 5) {
                        nodes.add(rec.stats().nodes());
                        if (rec.found()) found++;
                    }
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                double cms = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
                if (i >= 5) { // the first rounds of each catalog are not counted
                    times.add(ms);
                    cpu.add(cms);
                }
            }
        }
        print(size, label, times, cpu, nodes, searched, elements, found);
    }

    static void bruteForceRow(int size, int rounds, LocalDate today) {
        List<Double> exactTimes = new ArrayList<>();
        List<Double> bruteTimes = new ArrayList<>();
        List<Double> exactCpu = new ArrayList<>();
        List<Double> bruteCpu = new ArrayList<>();
        List<Long> nodes = new ArrayList<>();
        int searched = 0;
        int agree = 0;
        int total = 0;
        for (int c = 0; c < 5; c++) {
            Catalog cat = PlanCatalogGenerator.catalog(size, 2000 + c);
            ClientProfile client = PlanCatalogGenerator.client(Money.of("60000", Currency.HKD));
            Planner planner = new Planner(cat, today);
            Planner.Framing f = planner.frame(client, planner.newPlan(client, List.of()), Recommendation.Options.defaults());
            // brute force over every subset of the non-free candidates: keep the 20 cheapest so it finishes
            List<Recommender.Candidate> small = new ArrayList<>(f.problem().candidates());
            small.sort((a, b) -> Long.compare(a.total(), b.total()));
            small = small.subList(0, Math.min(20, small.size()));
            Recommender.Problem p = new Recommender.Problem(small, f.problem().mustElements(), f.problem().niceElements(), f.problem().years(),
                    f.problem().budgetCents(), null, null);
            for (int i = 0; i < rounds + 1; i++) {
                Recommender engine = new Recommender();
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Optional<Recommender.Solution> e = engine.solve(p, Set.of(), ProgressMonitor.NONE);
                double te = (System.nanoTime() - t0) / 1e6;
                double ce = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
                long c1 = THREADS.getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                Optional<Recommender.Solution> b = engine.bruteForce(p, Set.of());
                double tb = (System.nanoTime() - t1) / 1e6;
                double cb = (THREADS.getCurrentThreadCpuTime() - c1) / 1e6;
                if (i >= 1) {
                    exactTimes.add(te);
                    bruteTimes.add(tb);
                    exactCpu.add(ce);
                    bruteCpu.add(cb);
                    total++;
                    if (e.map(Recommender.Solution::ids).equals(b.map(Recommender.Solution::ids))) agree++;
                    nodes.add(0L);
                    searched = small.size();
                }
            }
        }
        print(20, "exact (20 c.)", exactTimes, exactCpu, nodes, searched, -1, total);
        print(20, "brute force", bruteTimes, bruteCpu, nodes, searched, -1, total);
        System.out.printf(Locale.ROOT, "brute force and branch and bound agree on %d of %d runs%n", agree, total);
    }

    static void print(int size, String label, List<Double> times, List<Double> cpu, List<Long> nodes, int searched, int elements, int found) {
        double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] c = cpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long[] n = nodes.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%4d  %-12s %8.2f  %8.2f  %8.2f  %7.2f  %7.2f  %7.2f  %10d  %8d  %8d  %d/%d%n", size, label, t[0], pct(t, 50),
                pct(t, 99), t[t.length - 1], pct(c, 50), pct(c, 99),
                n.length == 0 ? 0 : n[n.length / 2], searched, elements, found, t.length);
    }

    static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String join(long[] a) {
        return Arrays.toString(a);
    }
}
