package hk.baycover.planning;

import hk.baycover.model.ProgressMonitor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The exact optimiser behind "Recommend": the cheapest set of products that covers every must-have (need, policy year)
 * pair of the horizon, keeps every year's premium within the budget and, when asked, keeps a scenario's out-of-pocket
 * under a ceiling. It is a weighted set-cover branch and bound, not a greedy pick:
 *
 * <ul>
 *   <li>Products with no premium over the horizon (free public schemes) are always included: they cost nothing and can
 *       only lower out-of-pocket.</li>
 *   <li>Must-have elements already covered by them are dropped; identical elements are merged and an element whose
 *       covering products include all of another element's is dropped (covering the other covers it).</li>
 *   <li>Without a ceiling, a product that covers nothing still needed, or that is dominated (another covers at least its
 *       elements and nice-to-haves for no more in total and in every year, and is not worse on the tie-break), is never in
 *       the optimum and is removed before the search.</li>
 *   <li>The search branches on the uncovered element with the fewest remaining products, trying them cheapest first
 *       (choose one, exclude the ones tried before). A node is cut when its cost plus a lower bound exceeds the best
 *       found; the bound is the larger of (a) the dearest "cheapest product for one uncovered element" and (b) the sum
 *       over uncovered elements of the cheapest per-element share (cost divided by the uncovered elements a product
 *       covers), both valid for every completion.</li>
 *   <li>With a ceiling, a covered node whose out-of-pocket is still too high goes on adding products (cheapest first);
 *       it is cut when even adding every remaining product would not reach the ceiling (adding a product never raises
 *       out-of-pocket — a tested invariant of the adjudicator).</li>
 * </ul>
 *
 * Sets are ranked exactly, in this order: fewer products whose eligibility the insurer must confirm, fewer products
 * whose premium is still to be quoted (a set of fully known cost always comes first), lower known cost, more
 * nice-to-have (need, year) pairs covered, fewer products, then product ids ({@link Problem#weight} folds the first
 * three into one whole number, so the search and its bounds stay those of a weighted set cover). The result is
 * therefore unique, and {@link #bruteForce} (every subset) must find the same one — the tests check that.
 * Amounts are whole cents in the plan currency (premiums converted and rounded to the cent per year).
 */
public final class Recommender {

    /**
     * A product as the optimiser sees it: its known premium per policy year in cents (0 once its cover has ended, and
     * for a year whose premium is still to be quoted), whether any premium is still to be quoted ({@code unknownPremium}),
     * whether the client's eligibility is unconfirmed, and the must-have and nice-to-have (need, year) pairs it covers.
     */
    public record Candidate(String id, long[] yearCents, boolean unknownPremium, boolean unconfirmed, BitSet must, BitSet nice) {
        public Candidate(String id, long[] yearCents, boolean unknownPremium, BitSet must, BitSet nice) {
            this(id, yearCents, unknownPremium, false, must, nice);
        }

        public long total() {
            long t = 0;
            for (long c : yearCents) t += c;
            return t;
        }

        /** Costs nothing that is known and nothing that is unknown: always worth including. */
        boolean free() {
            return !unknownPremium && !unconfirmed && total() == 0;
        }
    }

    /** Out-of-pocket (plan currency) of a chosen scenario under a set of products; consulted only with a ceiling. */
    @FunctionalInterface
    public interface OopOracle {
        BigDecimal outOfPocket(List<String> productIds);
    }

    /**
     * The question: candidates (eligible products), how many must-have and nice-to-have elements there are, the
     * horizon, an optional per-year budget (cents) and an optional out-of-pocket ceiling with its oracle.
     */
    public record Problem(List<Candidate> candidates, int mustElements, int niceElements, int years, Long budgetCents,
                          OopOracle oracle, BigDecimal ceiling) {
        public Problem {
            candidates = List.copyOf(candidates);
            if (ceiling != null && oracle == null) throw new IllegalArgumentException("a ceiling needs an out-of-pocket oracle");
        }

        /**
         * The ranking weight of a product: known cents, plus a step for a premium still to be quoted that outweighs
         * every known cost, plus a larger step for unconfirmed eligibility. Summed over a set it orders sets by
         * (unconfirmed products, products to be quoted, known cost) — exactly, in whole numbers.
         */
        long weight(Candidate c) {
            long q = quoteStep();
            long u = Math.multiplyExact(q, (long) candidates.size() + 1);
            return c.total() + (c.unknownPremium() ? q : 0) + (c.unconfirmed() ? u : 0);
        }

        private long quoteStep() {
            long sum = 1;
            for (Candidate c : candidates) sum = Math.addExact(sum, c.total());
            return sum;
        }

        public Problem withoutBudget() {
            return new Problem(candidates, mustElements, niceElements, years, null, oracle, ceiling);
        }

        public Problem withoutCeiling() {
            return new Problem(candidates, mustElements, niceElements, years, budgetCents, null, null);
        }
    }

    /**
     * A feasible set with its key figures; {@code ids} sorted. {@code costCents} is its known premium over the horizon,
     * {@code unknown} how many of its products are still to be quoted, {@code unconfirmed} how many need the insurer to
     * confirm eligibility, {@code weight} the ranking weight that orders all three.
     */
    public record Solution(List<String> ids, long weight, long costCents, int unconfirmed, int unknown, int nice, long[] yearCents,
                           BigDecimal outOfPocket) {
        public Solution {
            ids = List.copyOf(ids);
        }
    }

    /** Search effort, for the benchmark and the log. */
    public record Stats(long nodes, int candidatesSearched, int elements, int forced, int dominated) {
    }

    /** The order of solutions: the first is the recommendation. */
    public static final Comparator<Solution> ORDER = Comparator.comparingLong(Solution::weight)
            .thenComparing(Comparator.comparingInt(Solution::nice).reversed())
            .thenComparingInt(s -> s.ids().size())
            .thenComparing(Solution::ids, Recommender::compareIds);

    static int compareIds(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private Stats lastStats = new Stats(0, 0, 0, 0, 0);

    public Stats lastStats() { return lastStats; }

    // ---------------------------------------------------------------------------------------------------------------
    // exact search

    /** The best set avoiding {@code excluded}, or empty when no set fits. */
    public Optional<Solution> solve(Problem p, Set<String> excluded, ProgressMonitor monitor) {
        return new Search(p, excluded, monitor).run();
    }

    private final class Search {
        final Problem p;
        final ProgressMonitor monitor;
        final List<Candidate> forced = new ArrayList<>();
        Candidate[] cand;          // searched candidates, cheapest first
        long[] cost;               // total cents
        long[][] elems;            // per candidate: bits over compressed elements
        long[][] coveredBy;        // per element: bits over candidates
        int elementCount;
        int words;                 // words for elements
        int cwords;                // words for candidates
        long[] baseYear;
        BitSet baseNice;
        Solution best;
        long nodes;
        final Map<String, BigDecimal> oopMemo = new HashMap<>();
        int dominated;

        Search(Problem p, Set<String> excluded, ProgressMonitor monitor) {
            this.p = p;
            this.monitor = monitor == null ? ProgressMonitor.NONE : monitor;
            List<Candidate> rest = new ArrayList<>();
            for (Candidate c : p.candidates()) {
                if (excluded.contains(c.id())) continue;
                if (c.free()) forced.add(c);
                else rest.add(c);
            }
            BitSet covered = new BitSet();
            baseNice = new BitSet();
            baseYear = new long[p.years()];
            for (Candidate f : forced) {
                covered.or(f.must());
                baseNice.or(f.nice());
            }
            // a product whose premium alone breaks the budget in some year can be in no feasible set
            if (p.budgetCents() != null) {
                long budget = p.budgetCents();
                rest.removeIf(c -> {
                    for (long v : c.yearCents()) if (v > budget) return true;
                    return false;
                });
            }
            List<Integer> open = new ArrayList<>();
            for (int e = 0; e < p.mustElements(); e++) if (!covered.get(e)) open.add(e);
            if (p.ceiling() == null) {
                BitSet openBits = new BitSet();
                for (int e : open) openBits.set(e);
                rest.removeIf(c -> !c.must().intersects(openBits));
            }
            Map<String, Long> totals = new HashMap<>();
            for (Candidate c : rest) totals.put(c.id(), p.weight(c));
            rest.sort(Comparator.comparingLong((Candidate c) -> totals.get(c.id())).thenComparing(Candidate::id));
            // compress elements: the set of candidates covering each element
            int n = rest.size();
            cwords = Math.max(1, (n + 63) >>> 6);
            List<long[]> cols = new ArrayList<>();
            for (int e : open) {
                long[] col = new long[cwords];
                for (int i = 0; i < n; i++) if (rest.get(i).must().get(e)) col[i >>> 6] |= 1L << i;
                cols.add(col);
            }
            List<long[]> kept = compress(cols);
            if (p.ceiling() == null) {
                // dominance on the compressed elements
                long[][] rows = rowsOf(kept, n);
                long[][] nice = new long[n][];
                long[] total = new long[n];
                for (int i = 0; i < n; i++) {
                    nice[i] = rest.get(i).nice().toLongArray();
                    total[i] = p.weight(rest.get(i));
                }
                boolean[] drop = new boolean[n];
                for (int b = 0; b < n; b++) {
                    for (int a = 0; a < n && !drop[b]; a++) {
                        if (a == b) continue;
                        if (dominates(rest.get(a), rows[a], nice[a], total[a], rest.get(b), rows[b], nice[b], total[b])) drop[b] = true;
                    }
                }
                List<Candidate> survivors = new ArrayList<>();
                for (int i = 0; i < n; i++) if (!drop[i]) survivors.add(rest.get(i)); else dominated++;
                if (survivors.size() != n) {
                    rest = survivors;
                    n = rest.size();
                    cwords = Math.max(1, (n + 63) >>> 6);
                    cols = new ArrayList<>();
                    for (int e : open) {
                        long[] col = new long[cwords];
                        for (int i = 0; i < n; i++) if (rest.get(i).must().get(e)) col[i >>> 6] |= 1L << i;
                        cols.add(col);
                    }
                    kept = compress(cols);
                }
            }
            cand = rest.toArray(new Candidate[0]);
            cost = new long[n];
            for (int i = 0; i < n; i++) cost[i] = p.weight(cand[i]);
            elementCount = kept.size();
            words = Math.max(1, (elementCount + 63) >>> 6);
            coveredBy = kept.toArray(new long[0][]);
            elems = rowsOf(kept, n);
        }

        long[][] rowsOf(List<long[]> cols, int n) {
            int w = Math.max(1, (cols.size() + 63) >>> 6);
            long[][] rows = new long[n][w];
            for (int e = 0; e < cols.size(); e++) {
                long[] col = cols.get(e);
                for (int i = 0; i < n; i++) if ((col[i >>> 6] & (1L << i)) != 0) rows[i][e >>> 6] |= 1L << e;
            }
            return rows;
        }

        /** Merges identical element columns and drops columns that include another column. */
        List<long[]> compress(List<long[]> cols) {
            List<long[]> unique = new ArrayList<>();
            Set<Bits> seen = new HashSet<>();
            for (long[] c : cols) if (seen.add(new Bits(c))) unique.add(c);
            unique.sort(Comparator.comparingInt(Search::bits));
            List<long[]> out = new ArrayList<>();
            for (long[] c : unique) {
                boolean implied = false;
                for (long[] k : out) {
                    if (subset(k, c)) {
                        implied = true;
                        break;
                    }
                }
                if (!implied) out.add(c);
            }
            return out;
        }

        static int bits(long[] c) {
            int n = 0;
            for (long w : c) n += Long.bitCount(w);
            return n;
        }

        boolean dominates(Candidate a, long[] ra, long[] na, long ca, Candidate b, long[] rb, long[] nb, long cb) {
            if (ca > cb) return false;
            if (!subset(rb, ra)) return false;
            if (!subsetPadded(nb, na)) return false;
            long[] ya = a.yearCents();
            long[] yb = b.yearCents();
            for (int y = 0; y < p.years(); y++) if (ya[y] > yb[y]) return false;
            int ua = a.unknownPremium() ? 1 : 0;
            int ub = b.unknownPremium() ? 1 : 0;
            if (ca > cb || ua > ub) return false;
            if (ca < cb || ua < ub) return true;
            return a.id().compareTo(b.id()) < 0;
        }

        Optional<Solution> run() {
            lastStats = new Stats(0, cand.length, elementCount, forced.size(), dominated);
            long[] uncovered = new long[words];
            for (int e = 0; e < elementCount; e++) uncovered[e >>> 6] |= 1L << e;
            long[] allowed = new long[cwords];
            for (int i = 0; i < cand.length; i++) allowed[i >>> 6] |= 1L << i;
            long[] years = baseYear.clone();
            dfs(new ArrayList<>(), uncovered, allowed, 0L, 0, years);
            lastStats = new Stats(nodes, cand.length, elementCount, forced.size(), dominated);
            return Optional.ofNullable(best);
        }

        void dfs(List<Integer> chosen, long[] uncovered, long[] allowed, long spent, int unknown, long[] years) {
            if (++nodes % 1024 == 0) monitor.checkCancelled();
            if (best != null && spent > best.weight()) return;
            if (isEmpty(uncovered)) {
                leaf(chosen, allowed, spent, unknown, years);
                return;
            }
            // element with the fewest allowed products
            int pick = -1;
            int fewest = Integer.MAX_VALUE;
            long maxMin = 0;
            for (int e = 0; e < elementCount; e++) {
                if ((uncovered[e >>> 6] & (1L << e)) == 0) continue;
                int cnt = 0;
                int first = -1;
                long[] col = coveredBy[e];
                for (int w = 0; w < cwords; w++) {
                    long x = col[w] & allowed[w];
                    if (x != 0 && first < 0) first = (w << 6) + Long.numberOfTrailingZeros(x);
                    cnt += Long.bitCount(x);
                }
                if (cnt == 0) return; // this element can no longer be covered
                if (cnt < fewest) {
                    fewest = cnt;
                    pick = e;
                }
                maxMin = Math.max(maxMin, cost[first]);
            }
            if (best != null) {
                if (spent + maxMin > best.weight()) return;
                if (spent + fractionalBound(uncovered, allowed) > best.weight()) return;
            }
            long[] col = coveredBy[pick];
            long[] allowedHere = allowed.clone();
            for (int w = 0; w < cwords; w++) {
                long x = col[w] & allowed[w];
                while (x != 0) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(x);
                    x &= x - 1;
                    if (best != null && spent + cost[i] > best.weight()) return; // cheapest first: the rest cost more
                    long[] y2 = addYears(years, cand[i]);
                    if (y2 != null) {
                        long[] unc2 = uncovered.clone();
                        for (int k = 0; k < words; k++) unc2[k] &= ~elems[i][k];
                        allowedHere[i >>> 6] &= ~(1L << i);
                        chosen.add(i);
                        dfs(chosen, unc2, allowedHere.clone(), spent + cost[i], unknown + (cand[i].unknownPremium() ? 1 : 0), y2);
                        chosen.remove(chosen.size() - 1);
                    } else {
                        allowedHere[i >>> 6] &= ~(1L << i);
                    }
                }
            }
        }

        /** Sum over uncovered elements of the cheapest per-element share; rounded up to whole cents. */
        long fractionalBound(long[] uncovered, long[] allowed) {
            double[] ratio = new double[cand.length];
            for (int w = 0; w < cwords; w++) {
                long x = allowed[w];
                while (x != 0) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(x);
                    x &= x - 1;
                    int k = 0;
                    for (int j = 0; j < words; j++) k += Long.bitCount(elems[i][j] & uncovered[j]);
                    ratio[i] = k == 0 ? Double.POSITIVE_INFINITY : (double) cost[i] / k;
                }
            }
            double sum = 0;
            for (int e = 0; e < elementCount; e++) {
                if ((uncovered[e >>> 6] & (1L << e)) == 0) continue;
                double min = Double.POSITIVE_INFINITY;
                long[] col = coveredBy[e];
                for (int w = 0; w < cwords; w++) {
                    long x = col[w] & allowed[w];
                    while (x != 0) {
                        int i = (w << 6) + Long.numberOfTrailingZeros(x);
                        x &= x - 1;
                        if (ratio[i] < min) min = ratio[i];
                    }
                }
                sum += min;
            }
            // floating error safety: never claim more than is certain
            return (long) Math.ceil(sum * (1 - 1e-12) - 1e-6);
        }

        long[] addYears(long[] years, Candidate c) {
            long[] out = years.clone();
            for (int y = 0; y < out.length; y++) {
                out[y] += c.yearCents()[y];
                if (p.budgetCents() != null && out[y] > p.budgetCents()) return null;
            }
            return out;
        }

        void leaf(List<Integer> chosen, long[] allowed, long spent, int unknown, long[] years) {
            if (p.ceiling() != null) {
                BigDecimal oop = oop(chosen, null);
                if (oop.compareTo(p.ceiling()) > 0) {
                    extend(chosen, allowed, spent, unknown, years);
                    return;
                }
                offer(chosen, spent, unknown, years, oop);
                return;
            }
            offer(chosen, spent, unknown, years, null);
        }

        /** A covered set whose out-of-pocket is above the ceiling: add products, cheapest first. */
        void extend(List<Integer> chosen, long[] allowed, long spent, int unknown, long[] years) {
            if (++nodes % 1024 == 0) monitor.checkCancelled();
            if (oop(chosen, allowed).compareTo(p.ceiling()) > 0) return; // even everything left is not enough
            long[] allowedHere = allowed.clone();
            for (int w = 0; w < cwords; w++) {
                long x = allowed[w];
                while (x != 0) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(x);
                    x &= x - 1;
                    if (best != null && spent + cost[i] > best.weight()) return;
                    allowedHere[i >>> 6] &= ~(1L << i);
                    long[] y2 = addYears(years, cand[i]);
                    if (y2 == null) continue;
                    chosen.add(i);
                    leaf(chosen, allowedHere.clone(), spent + cost[i], unknown + (cand[i].unknownPremium() ? 1 : 0), y2);
                    chosen.remove(chosen.size() - 1);
                }
            }
        }

        BigDecimal oop(List<Integer> chosen, long[] plusAllowed) {
            List<String> ids = new ArrayList<>();
            for (Candidate f : forced) ids.add(f.id());
            for (int i : chosen) ids.add(cand[i].id());
            if (plusAllowed != null) {
                for (int i = 0; i < cand.length; i++) if ((plusAllowed[i >>> 6] & (1L << i)) != 0) ids.add(cand[i].id());
            }
            ids.sort(null);
            String key = String.join(",", ids);
            return oopMemo.computeIfAbsent(key, k -> p.oracle().outOfPocket(ids));
        }

        void offer(List<Integer> chosen, long spent, int unknown, long[] years, BigDecimal oop) {
            List<String> ids = new ArrayList<>();
            BitSet nice = (BitSet) baseNice.clone();
            for (Candidate f : forced) ids.add(f.id());
            for (int i : chosen) {
                ids.add(cand[i].id());
                nice.or(cand[i].nice());
            }
            ids.sort(null);
            long known = 0;
            int unconfirmed = 0;
            for (int i : chosen) {
                known += cand[i].total();
                if (cand[i].unconfirmed()) unconfirmed++;
            }
            Solution s = new Solution(ids, spent, known, unconfirmed, unknown, nice.cardinality(), years, oop);
            if (best == null || ORDER.compare(s, best) < 0) best = s;
        }
    }

    /** A bit array as a hash key. */
    private static final class Bits {
        final long[] words;
        final int hash;

        Bits(long[] words) {
            this.words = words;
            this.hash = Arrays.hashCode(words);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bits && Arrays.equals(words, ((Bits) o).words);
        }

        @Override
        public int hashCode() { return hash; }
    }

    static boolean subset(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) if ((a[i] & ~b[i]) != 0) return false;
        return true;
    }

    /** a ⊆ b for bit arrays of possibly different lengths. */
    static boolean subsetPadded(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            long bi = i < b.length ? b[i] : 0L;
            if ((a[i] & ~bi) != 0) return false;
        }
        return true;
    }

    static boolean isEmpty(long[] a) {
        for (long w : a) if (w != 0) return false;
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // brute force (reference for tests and the benchmark)

    /** Tries every subset of the non-free candidates; exponential, for small catalogs only. */
    public Optional<Solution> bruteForce(Problem p, Set<String> excluded) {
        List<Candidate> free = new ArrayList<>();
        List<Candidate> rest = new ArrayList<>();
        for (Candidate c : p.candidates()) {
            if (excluded.contains(c.id())) continue;
            if (c.free()) free.add(c);
            else rest.add(c);
        }
        if (rest.size() > 26) throw new IllegalArgumentException("brute force is for small catalogs (" + rest.size() + " candidates)");
        Solution best = null;
        for (long mask = 0; mask < (1L << rest.size()); mask++) {
            BitSet must = new BitSet();
            BitSet nice = new BitSet();
            long[] years = new long[p.years()];
            long spent = 0;
            long weight = 0;
            int unknown = 0;
            int unconfirmed = 0;
            List<String> ids = new ArrayList<>();
            for (Candidate f : free) {
                must.or(f.must());
                nice.or(f.nice());
                ids.add(f.id());
            }
            for (int i = 0; i < rest.size(); i++) {
                if ((mask & (1L << i)) == 0) continue;
                Candidate c = rest.get(i);
                must.or(c.must());
                nice.or(c.nice());
                ids.add(c.id());
                for (int y = 0; y < years.length; y++) years[y] += c.yearCents()[y];
                spent += c.total();
                weight += p.weight(c);
                if (c.unknownPremium()) unknown++;
                if (c.unconfirmed()) unconfirmed++;
            }
            if (must.nextClearBit(0) < p.mustElements()) continue;
            if (p.budgetCents() != null && Arrays.stream(years).anyMatch(v -> v > p.budgetCents())) continue;
            ids.sort(null);
            BigDecimal oop = null;
            if (p.ceiling() != null) {
                oop = p.oracle().outOfPocket(ids);
                if (oop.compareTo(p.ceiling()) > 0) continue;
            }
            Solution s = new Solution(ids, weight, spent, unconfirmed, unknown, nice.cardinality(), years, oop);
            if (best == null || ORDER.compare(s, best) < 0) best = s;
        }
        return Optional.ofNullable(best);
    }
}
