package hk.baycover.planning;

import hk.baycover.model.Money;
import hk.baycover.model.Reason;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer of "Recommend": the cheapest fitting set (in layer order) with its cost per year and in total, the next
 * best alternatives (the best set without each recommended product), why each product is in or out, and — when no
 * set fits — what is missing.
 */
public record Recommendation(
        boolean found,
        List<String> productIds,
        Money total,
        List<Money> perYear,
        int unknownPremiums,
        BigDecimal ceilingOutOfPocket,
        List<Alternative> alternatives,
        List<Verdict> verdicts,
        List<Reason> missing,
        Options options,
        Recommender.Stats stats) {

    public Recommendation {
        productIds = List.copyOf(productIds);
        perYear = List.copyOf(perYear);
        alternatives = List.copyOf(alternatives);
        verdicts = List.copyOf(verdicts);
        missing = List.copyOf(missing);
    }

    /**
     * What to optimise for. Unknown premiums (not published, contribution-based, or no band for an age) are left out
     * unless {@code allowUnknownPremiums}; then they count as zero and the plan is marked as having unknown cost.
     * With {@code ceilingScenario} and {@code ceiling} (plan currency), the episode's out-of-pocket must stay at or
     * under the ceiling.
     */
    public record Options(boolean allowUnknownPremiums, String ceilingScenario, ScenarioRun ceilingRun, BigDecimal ceiling,
                          int alternatives) {
        public static Options defaults() {
            return new Options(false, null, null, null, 3);
        }
    }

    /** Another fitting set: the best one without {@code without}, costing {@code extra} more than the recommendation. */
    public record Alternative(List<String> productIds, Money total, String without, Money extra, int unknownPremiums) {
        public Alternative {
            productIds = List.copyOf(productIds);
        }
    }

    /** Why a product is in or out of the recommendation. */
    public record Verdict(String productId, boolean chosen, Code code, List<Reason> reasons) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    /** Verdict codes (names in the plan bundles as {@code code.NAME}). */
    public enum Code { FREE, CHOSEN, NOT_ELIGIBLE, PREMIUM_UNKNOWN, OVER_BUDGET, NO_MUST_HAVE, DOMINATED, NOT_NEEDED }
}
