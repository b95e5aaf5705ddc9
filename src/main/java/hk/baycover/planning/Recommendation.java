package hk.baycover.planning;

import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import hk.baycover.model.Reason;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer of "Recommend": always the best plan found (in layer order) with its known cost per year and in total,
 * the products whose premium is still to be quoted and whose eligibility the insurer must confirm, whether it covers
 * every must-have need ({@code complete}) and — when not — each uncovered must-have with its reasons, the next best
 * alternatives (the best set without each recommended product), why each product is in or out, and notes on what was
 * relaxed to find a plan ({@code missing}: a budget or ceiling no set can meet).
 */
public record Recommendation(
        boolean found,
        boolean complete,
        List<String> productIds,
        Money total,
        List<Money> perYear,
        List<String> toBeQuoted,
        List<String> unconfirmed,
        BigDecimal ceilingOutOfPocket,
        List<Uncovered> uncovered,
        List<Alternative> alternatives,
        List<Verdict> verdicts,
        List<Reason> missing,
        Options options,
        Recommender.Stats stats) {

    public Recommendation {
        productIds = List.copyOf(productIds);
        perYear = List.copyOf(perYear);
        toBeQuoted = List.copyOf(toBeQuoted);
        unconfirmed = List.copyOf(unconfirmed);
        uncovered = List.copyOf(uncovered);
        alternatives = List.copyOf(alternatives);
        verdicts = List.copyOf(verdicts);
        missing = List.copyOf(missing);
    }

    /** How many products of the plan are still to be quoted. */
    public int unknownPremiums() {
        return toBeQuoted.size();
    }

    /**
     * What to optimise for. With {@code ceilingScenario} and {@code ceiling} (plan currency), the episode's worst-case
     * out-of-pocket must stay at or under the ceiling.
     */
    public record Options(String ceilingScenario, ScenarioRun ceilingRun, BigDecimal ceiling, int alternatives) {
        public static Options defaults() {
            return new Options(null, null, null, 3);
        }
    }

    /** A must-have need the plan leaves uncovered (in some or all years), with why. */
    public record Uncovered(Need need, Priority priority, Integer fromYear, Integer toYear, List<Reason> reasons) {
        public Uncovered {
            reasons = List.copyOf(reasons);
        }
    }

    /** Another fitting set: the best one without {@code without}, costing {@code extra} more (known part) than the recommendation. */
    public record Alternative(List<String> productIds, Money total, String without, Money extra, int unknownPremiums) {
        public Alternative {
            productIds = List.copyOf(productIds);
        }

        /** The message key that words this alternative: with premiums to be quoted, its cost is a known part plus those. */
        public String textKey() {
            return unknownPremiums > 0 ? "pdf.rec.alternative.quoted" : "pdf.rec.alternative";
        }
    }

    /** Why a product is in or out of the recommendation. */
    public record Verdict(String productId, boolean chosen, Code code, List<Reason> reasons) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    /** Verdict codes (names in the plan bundles as {@code rec.verdict.NAME}). */
    public enum Code { FREE, ENROLLED, CHOSEN, NOT_ELIGIBLE, PREMIUM_UNKNOWN, OVER_BUDGET, NO_MUST_HAVE, DOMINATED, NOT_NEEDED, ALTERNATIVE }
}
