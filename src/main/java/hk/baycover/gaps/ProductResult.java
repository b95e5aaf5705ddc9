package hk.baycover.gaps;

import hk.baycover.model.Coverage;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Product;

/**
 * Everything one product contributes to the gap matrix, kept so that a what-if only evaluates the draft (ADR 0041):
 * its verdict per segment, its coverage per care region and need, its cheapest premium per segment, and per cell its
 * level and (when it does not serve the cell) the reason group.
 */
public final class ProductResult {

    private final GapEngine engine;
    private final boolean everyAge;
    private final Product product;
    private final boolean draft;
    private final SegmentVerdict[] verdicts;
    private final Coverage[][] coverage;
    private final PremiumPick[] premiums;
    private final byte[] levels;
    private final byte[] groups;
    private final int needs;

    ProductResult(GapEngine engine, Product product, boolean draft, SegmentVerdict[] verdicts, Coverage[][] coverage, PremiumPick[] premiums,
                  byte[] levels, byte[] groups, int needs, boolean everyAge) {
        this.engine = engine;
        this.everyAge = everyAge;
        this.product = product;
        this.draft = draft;
        this.verdicts = verdicts;
        this.coverage = coverage;
        this.premiums = premiums;
        this.levels = levels;
        this.groups = groups;
        this.needs = needs;
    }

    public Product product() { return product; }

    public String id() { return product.id(); }

    /** A what-if draft (not a real product). */
    public boolean draft() { return draft; }

    /** Whether the segment may join (worked out on first use where the product pays for nothing the segment can use). */
    public SegmentVerdict verdict(int segment) {
        SegmentVerdict v = verdicts[segment];
        if (v == null) {
            v = engine.verdict(product, segment, everyAge);
            verdicts[segment] = v; // immutable value: a racing duplicate computation is harmless
        }
        return v;
    }

    public Coverage coverage(int region, int need) { return coverage[region][need]; }

    /** Cheapest premium for the segment, or null when the product is not eligible for it. */
    public PremiumPick premium(int segment) { return premiums[segment]; }

    public CoverageLevel level(int segment, int need) { return GapMatrix.LEVELS[levels[segment * needs + need]]; }

    byte levelCode(int cell) { return levels[cell]; }

    /** Why the product does not serve the cell, or null when it does. */
    public ReasonGroup group(int segment, int need) {
        byte g = groups[segment * needs + need];
        return g < 0 ? null : ReasonGroup.values()[g];
    }
}
