package hk.baycover.gaps;

import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Need;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The gap matrix: for every segment × need, how many eligible products cover it (fully, partly), the best level among
 * them, and the cheapest annual premium among the covering ones whose premium is known. Immutable. Built by
 * {@link GapEngine#aggregate}; {@link #plus} folds drafts in without touching the other products' results (ADR 0041).
 */
public final class GapMatrix {

    static final CoverageLevel[] LEVELS = {CoverageLevel.NONE, CoverageLevel.PARTIAL, CoverageLevel.FULL};

    private final GapEngine engine;
    private final List<ProductResult> products;
    private final int nN;
    private final byte[] best;
    private final int[] full;
    private final int[] partial;
    private final int[] unknownPremium;
    private final PremiumPick[] cheapest;

    private GapMatrix(GapEngine engine, List<ProductResult> products, byte[] best, int[] full, int[] partial, int[] unknownPremium,
                      PremiumPick[] cheapest) {
        this.engine = engine;
        this.products = products;
        this.nN = engine.needs().size();
        this.best = best;
        this.full = full;
        this.partial = partial;
        this.unknownPremium = unknownPremium;
        this.cheapest = cheapest;
    }

    static int code(CoverageLevel l) {
        return l == CoverageLevel.FULL ? 2 : l == CoverageLevel.PARTIAL ? 1 : 0;
    }

    static GapMatrix of(GapEngine engine, List<ProductResult> results) {
        int cells = engine.segments().size() * engine.needs().size();
        GapMatrix m = new GapMatrix(engine, List.copyOf(results), new byte[cells], new int[cells], new int[cells], new int[cells],
                new PremiumPick[cells]);
        for (ProductResult r : results) m.fold(r);
        return m;
    }

    /** This matrix with {@code drafts} added: only the drafts' own results are folded in. */
    public GapMatrix plus(List<ProductResult> drafts) {
        if (drafts.isEmpty()) return this;
        List<ProductResult> all = new ArrayList<>(products);
        all.addAll(drafts);
        GapMatrix m = new GapMatrix(engine, Collections.unmodifiableList(all), best.clone(), full.clone(), partial.clone(),
                unknownPremium.clone(), cheapest.clone());
        for (ProductResult r : drafts) m.fold(r);
        return m;
    }

    private void fold(ProductResult r) {
        int nS = engine.segments().size();
        for (int s = 0; s < nS; s++) {
            PremiumPick pick = r.premium(s);
            int base = s * nN;
            for (int n = 0; n < nN; n++) {
                int cell = base + n;
                byte l = r.levelCode(cell);
                if (l == 0) continue;
                if (l == 2) full[cell]++;
                else partial[cell]++;
                if (l > best[cell]) best[cell] = l;
                if (pick == null || !pick.known()) {
                    unknownPremium[cell]++;
                } else if (cheapest[cell] == null || pick.annual().compareTo(cheapest[cell].annual()) < 0) {
                    cheapest[cell] = pick;
                }
            }
        }
    }

    public GapEngine engine() { return engine; }

    public SegmentConfig config() { return engine.config(); }

    public List<Segment> segments() { return engine.segments(); }

    public List<Need> needs() { return engine.needs(); }

    /** Every product result folded in (catalog products, then drafts). */
    public List<ProductResult> products() { return products; }

    public int cellCount() { return best.length; }

    public CellSummary cell(int segment, int need) {
        int c = segment * nN + need;
        return new CellSummary(engine.segments().get(segment), engine.needs().get(need), LEVELS[best[c]], full[c] + partial[c], full[c],
                partial[c], cheapest[c], unknownPremium[c]);
    }

    public CellSummary cell(Segment segment, Need need) {
        return cell(segment.index(), engine.needs().indexOf(need));
    }

    public List<CellSummary> cells() {
        List<CellSummary> out = new ArrayList<>(best.length);
        for (int s = 0; s < engine.segments().size(); s++) for (int n = 0; n < nN; n++) out.add(cell(s, n));
        return out;
    }

    public CoverageLevel level(int segment, int need) { return LEVELS[best[segment * nN + need]]; }

    public int uncoveredCount() {
        int k = 0;
        for (byte b : best) if (b == 0) k++;
        return k;
    }

    /** Products, their levels and premiums for one cell, and why every other product does not serve it. */
    public CellDetail detail(int segment, int need) {
        List<CellDetail.Line> covering = new ArrayList<>();
        Map<ReasonGroup, List<CellDetail.Failure>> failing = new EnumMap<>(ReasonGroup.class);
        int region = engine.regionOf(segment);
        for (ProductResult r : products) {
            SegmentVerdict v = r.verdict(segment);
            CoverageLevel level = r.level(segment, need);
            if (level != CoverageLevel.NONE) {
                covering.add(new CellDetail.Line(r.product(), r.draft(), level, r.coverage(region, need), v, r.premium(segment)));
            } else {
                ReasonGroup g = r.group(segment, need);
                var cov = r.coverage(region, need);
                List<hk.baycover.model.Reason> reasons = cov.level() == CoverageLevel.NONE ? cov.rules().stream().filter(hk.baycover.model.Reason::blocks).toList()
                        : v.blocking();
                failing.computeIfAbsent(g, k -> new ArrayList<>()).add(new CellDetail.Failure(r.product(), r.draft(), g, reasons, v));
            }
        }
        covering.sort((a, b) -> {
            int c = Integer.compare(code(b.level()), code(a.level()));
            if (c != 0) return c;
            if (a.premium() != null && a.premium().known() && b.premium() != null && b.premium().known()) {
                return a.premium().annual().compareTo(b.premium().annual());
            }
            return Boolean.compare(b.premium() != null && b.premium().known(), a.premium() != null && a.premium().known());
        });
        return new CellDetail(cell(segment, need), covering, failing);
    }

    /** What changed from {@code before} to this matrix (same segments and needs). */
    public GapDiff diffFrom(GapMatrix before) {
        List<GapDiff.Change> changes = new ArrayList<>();
        for (int s = 0; s < engine.segments().size(); s++) {
            for (int n = 0; n < nN; n++) {
                CellSummary a = before.cell(s, n);
                CellSummary b = cell(s, n);
                boolean cheaper = b.cheapest() != null && (a.cheapest() == null || b.cheapest().annual().compareTo(a.cheapest().annual()) < 0);
                if (a.level() != b.level() || a.covering() != b.covering() || cheaper) changes.add(new GapDiff.Change(a, b));
            }
        }
        return new GapDiff(changes);
    }
}
