package hk.baycover.planning;

import hk.baycover.model.Benefit;
import hk.baycover.model.Coverage;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.GbaItemCover;
import hk.baycover.model.Need;
import hk.baycover.model.NetworkRule;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How well a product pays for a need where care happens: FULL (no deductible, no co-insurance, open or direct-billing
 * network), PARTIAL (a deductible, co-insurance, a restricted network, a listed-items-only rule, or a limit not
 * published), NONE (no benefit there). Each verdict carries the rules that decided it. Shared by Compare, Plans, Gaps.
 */
public final class CoverageEvaluator {

    public Coverage coverage(Product product, Need need, Region place) {
        List<Benefit> benefits = product.benefitsFor(need);
        if (benefits.isEmpty()) {
            return new Coverage(product.id(), need, place, CoverageLevel.NONE, null, List.of(Reason.block("cover.noBenefit")));
        }
        List<Benefit> applicable = benefits.stream().filter(b -> b.appliesIn(place)).toList();
        if (applicable.isEmpty()) {
            return new Coverage(product.id(), need, place, CoverageLevel.NONE, benefits.get(0),
                    List.of(Reason.block("cover.notInRegion", "region." + place.name())));
        }
        Coverage best = null;
        for (Benefit b : applicable) {
            Coverage c = evaluate(product, need, place, b);
            if (best == null || rank(c.level()) > rank(best.level())) best = c;
        }
        return best;
    }

    private Coverage evaluate(Product product, Need need, Region place, Benefit b) {
        List<Reason> rules = new ArrayList<>();
        boolean gbaNeed = need == Need.GBA_DRUG || need == Need.GBA_DEVICE;
        if (gbaNeed && b.gbaItems() == GbaItemCover.NONE) {
            return new Coverage(product.id(), need, place, CoverageLevel.NONE, b, List.of(Reason.block("cover.gbaItemsNone")));
        }
        if (b.coInsurance() != null && b.coInsurance().compareTo(java.math.BigDecimal.valueOf(100)) >= 0) {
            // the client pays everything (e.g. an access scheme such as 港澳藥械通): this is access, not cover
            return new Coverage(product.id(), need, place, CoverageLevel.NONE, b, List.of(Reason.block("cover.paysNothing")));
        }
        if (gbaNeed && b.gbaItems() == GbaItemCover.LISTED) rules.add(Reason.warn("cover.gbaItemsListed", b.gbaItemList().size()));
        if (b.deductible() != null && b.deductible().isPositive()) rules.add(Reason.warn("cover.deductible", b.deductible().toString()));
        if (b.coInsurance() != null && b.coInsurance().signum() > 0) rules.add(Reason.warn("cover.coInsurance", b.coInsurance().stripTrailingZeros().toPlainString()));
        if (b.network() == NetworkRule.LISTED) rules.add(Reason.warn("cover.networkListed", b.institutions().size()));
        if (b.network() == NetworkRule.DESIGNATED_GBA) rules.add(Reason.warn("cover.networkDesignated"));
        if (b.annualLimit() == null && b.perEventLimit() == null && b.subLimits().isEmpty()) rules.add(Reason.warn("cover.limitNotPublished"));
        if (b.annualLimit() != null) rules.add(Reason.info("cover.annualLimit", b.annualLimit().toString()));
        if (b.perEventLimit() != null) rules.add(Reason.info("cover.perEventLimit", b.perEventLimit().toString()));
        if (b.waitingPeriodDays() != null && b.waitingPeriodDays() > 0) rules.add(Reason.info("cover.waiting", b.waitingPeriodDays()));
        if (b.sample()) rules.add(Reason.info("cover.sample"));
        boolean partial = rules.stream().anyMatch(r -> r.severity() == Reason.Severity.WARN);
        return new Coverage(product.id(), need, place, partial ? CoverageLevel.PARTIAL : CoverageLevel.FULL, b, rules);
    }

    private static int rank(CoverageLevel l) {
        return l == CoverageLevel.FULL ? 2 : l == CoverageLevel.PARTIAL ? 1 : 0;
    }

    /** The better of two levels (for a set of products covering one need). */
    public static CoverageLevel best(CoverageLevel a, CoverageLevel b) {
        return rank(a) >= rank(b) ? a : b;
    }

    public static final Comparator<CoverageLevel> ORDER = Comparator.comparingInt(CoverageEvaluator::rank);
}
