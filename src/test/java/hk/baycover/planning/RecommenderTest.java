package hk.baycover.planning;

import hk.baycover.model.ProgressMonitor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The branch and bound must find exactly what trying every subset finds, on many random small catalogs. */
class RecommenderTest {

    static Recommender.Problem random(Random r, boolean ceiling) {
        int years = 1 + r.nextInt(5);
        int mustNeeds = 1 + r.nextInt(4);
        int niceNeeds = r.nextInt(3);
        int n = 3 + r.nextInt(12);
        List<Recommender.Candidate> cands = new ArrayList<>();
        BigDecimal[] relief = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            long[] cents = new long[years];
            boolean free = r.nextInt(8) == 0;
            boolean unknown = !free && r.nextInt(8) == 0;
            int base = 1 + r.nextInt(50);
            int last = r.nextInt(4) == 0 ? 1 + r.nextInt(years) : years;
            for (int y = 0; y < years; y++) {
                if (free || unknown || y >= last) continue;
                // identical prices are common (ties must be broken the same way)
                cents[y] = (base + (r.nextBoolean() ? y * r.nextInt(5) : 0)) * 100L;
            }
            BitSet must = new BitSet();
            BitSet nice = new BitSet();
            for (int k = 0; k < mustNeeds; k++) if (r.nextInt(3) == 0) for (int y = 0; y < last; y++) must.set(k * years + y);
            for (int k = 0; k < niceNeeds; k++) if (r.nextInt(3) == 0) for (int y = 0; y < last; y++) nice.set(k * years + y);
            cands.add(new Recommender.Candidate("p" + (char) ('a' + i), cents, unknown, must, nice));
            relief[i] = BigDecimal.valueOf(r.nextInt(40));
        }
        Long budget = r.nextInt(3) == 0 ? null : (long) (20 + r.nextInt(120)) * 100L;
        Recommender.OopOracle oracle = null;
        BigDecimal limit = null;
        if (ceiling) {
            // a monotone out-of-pocket: every product in the set takes its own relief off a base amount
            oracle = ids -> {
                BigDecimal left = BigDecimal.valueOf(100);
                for (String id : ids) left = left.subtract(relief[id.charAt(1) - 'a']);
                return left.max(BigDecimal.ZERO);
            };
            limit = BigDecimal.valueOf(r.nextInt(100));
        }
        return new Recommender.Problem(cands, mustNeeds * years, niceNeeds * years, years, budget, oracle, limit);
    }

    static void same(Recommender.Problem p, Set<String> excluded) {
        Recommender engine = new Recommender();
        Optional<Recommender.Solution> exact = engine.solve(p, excluded, ProgressMonitor.NONE);
        Optional<Recommender.Solution> brute = engine.bruteForce(p, excluded);
        assertEquals(brute.isPresent(), exact.isPresent(), "both find a set or neither");
        if (brute.isPresent()) {
            assertEquals(brute.get().ids(), exact.get().ids(), "same set");
            assertEquals(brute.get().costCents(), exact.get().costCents(), "same cost");
        }
    }

    @Property(tries = 300)
    void branchAndBoundEqualsBruteForce(@ForAll long seed) {
        Random r = new Random(seed);
        Recommender.Problem p = random(r, false);
        same(p, Set.of());
        // the alternatives (best set without one product) are exact too
        new Recommender().solve(p, Set.of(), ProgressMonitor.NONE)
                .ifPresent(s -> s.ids().forEach(id -> same(p, Set.of(id))));
    }

    @Property(tries = 200)
    void branchAndBoundEqualsBruteForceWithAnOutOfPocketCeiling(@ForAll long seed) {
        same(random(new Random(seed), true), Set.of());
    }

    @Property(tries = 50)
    void theRecommendationCoversEveryMustHaveAndKeepsTheBudget(@ForAll long seed) {
        Recommender.Problem p = random(new Random(seed), false);
        new Recommender().solve(p, Set.of(), ProgressMonitor.NONE).ifPresent(s -> {
            BitSet covered = new BitSet();
            for (Recommender.Candidate c : p.candidates()) if (s.ids().contains(c.id())) covered.or(c.must());
            assertTrue(covered.nextClearBit(0) >= p.mustElements());
            if (p.budgetCents() != null) for (long y : s.yearCents()) assertTrue(y <= p.budgetCents());
        });
    }
}
