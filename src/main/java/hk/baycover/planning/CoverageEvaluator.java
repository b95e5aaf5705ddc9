package hk.baycover.planning;

import hk.baycover.model.Benefit;
import hk.baycover.model.Bound;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Coverage;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.ItemKind;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.NetworkRule;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.Region;
import hk.baycover.model.Stance;
import hk.baycover.model.StanceKind;
import hk.baycover.model.Term;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How well a product pays for a need where care happens, on a date, with the insurer's answers for a client:
 * <ul>
 *   <li>FULL — every term that shapes the payment is published (or quoted) and none takes a share: no deductible, no
 *       co-insurance, an open or direct-billing network, a published limit (or none);</li>
 *   <li>PARTIAL — a deductible, co-insurance, a restricted network, listed items only — or a term that is not
 *       published (the verdict then carries a CONFIRM reason naming it: unknown is never full cover);</li>
 *   <li>CASH — only a fixed cash allowance (not a share of the cost of care);</li>
 *   <li>NONE — no benefit there, 港澳藥械通 items excluded or not stated, the client pays 100 %, or the scheme has
 *       ended.</li>
 * </ul>
 * Each verdict carries the rules that decided it. Shared by Compare, Plans, Gaps and the recommender.
 */
public final class CoverageEvaluator {

    private final LocalDate today;

    public CoverageEvaluator(LocalDate today) {
        this.today = today;
    }

    /** Coverage on today's terms, without client-specific answers. */
    public Coverage coverage(Product product, Need need, Region place) {
        return coverage(product, need, place, null, today);
    }

    public Coverage coverage(Product product, Need need, Region place, ClientProfile client, LocalDate on) {
        if (product.periodOpt().map(p -> p.endedBy(on)).orElse(false)) {
            return new Coverage(product.id(), need, place, CoverageLevel.NONE, null,
                    List.of(Reason.block("cover.ended", product.period().to().toString())));
        }
        List<Benefit> benefits = product.benefitsFor(need);
        if (benefits.isEmpty()) {
            return new Coverage(product.id(), need, place, CoverageLevel.NONE, null, List.of(Reason.block("cover.noBenefit")));
        }
        List<Benefit> applicable = benefits.stream().filter(b -> b.appliesIn(place)).toList();
        if (applicable.isEmpty()) {
            return new Coverage(product.id(), need, place, CoverageLevel.NONE, benefits.get(0),
                    List.of(Reason.block("cover.notInRegion", "region." + place.name())));
        }
        ProductTerms terms = ProductTerms.of(product, client);
        Coverage best = null;
        for (Benefit b : applicable) {
            Coverage c = evaluate(product, need, place, terms.benefit(b, on));
            if (best == null || rank(c.level()) > rank(best.level())) best = c;
        }
        if (best.level() != CoverageLevel.NONE) {
            Optional<LocalDate> ends = product.periodOpt().map(p -> p.to());
            if (ends.isPresent()) {
                List<Reason> rules = new ArrayList<>(best.rules());
                rules.add(Reason.warn("cover.endsOn", ends.get().toString()));
                best = new Coverage(best.productId(), need, place, best.level(), best.benefit(), rules);
            }
        }
        return best;
    }

    private Coverage evaluate(Product product, Need need, Region place, ProductTerms.BenefitTerms bt) {
        Benefit b = bt.benefit();
        List<Reason> rules = new ArrayList<>();
        if (b.isCash()) {
            Money amount = bt.cashAmount().value().orElse(b.cashAmount());
            rules.add(Reason.info("cover.cash", Amounts.format(amount), "cashPer." + b.cashPer().name()));
            if (!bt.cashAmount().isFirm()) rules.add(Reason.confirm("cover.cashSample"));
            return new Coverage(product.id(), need, place, CoverageLevel.CASH, b, rules);
        }
        boolean gbaNeed = need == Need.GBA_DRUG || need == Need.GBA_DEVICE;
        if (gbaNeed) {
            Term<Stance> stance = need == Need.GBA_DEVICE ? bt.devices() : bt.drugs();
            Optional<Stance> firm = stance.firm();
            String kind = "itemKind." + (need == Need.GBA_DEVICE ? ItemKind.DEVICE : ItemKind.DRUG).name();
            if (firm.isEmpty()) {
                return new Coverage(product.id(), need, place, CoverageLevel.NONE, b, List.of(Reason.confirm("cover.gbaNotStated", kind)));
            }
            if (firm.get().stance() == StanceKind.EXCLUDED || firm.get().stance() == StanceKind.NOT_STATED) {
                return new Coverage(product.id(), need, place, CoverageLevel.NONE, b, List.of(Reason.block("cover.gbaItemsNone")));
            }
            if (firm.get().stance() == StanceKind.LISTED) {
                rules.add(firm.get().items().isEmpty() ? Reason.confirm("cover.gbaItemsUnlisted")
                        : Reason.warn("cover.gbaItemsListed", firm.get().items().size()));
            }
        }
        Optional<BigDecimal> coIns = bt.coInsurance().firm();
        if (coIns.isPresent() && coIns.get().compareTo(BigDecimal.valueOf(100)) >= 0) {
            // the client pays everything (e.g. an access scheme such as 港澳藥械通): this is access, not cover
            return new Coverage(product.id(), need, place, CoverageLevel.NONE, b, List.of(Reason.block("cover.paysNothing")));
        }
        if (b.copayment() != null && b.copayment().isPositive()) rules.add(Reason.warn("cover.copayment", Amounts.format(b.copayment())));
        Optional<Bound<Money>> ded = bt.deductible().firm();
        if (ded.isEmpty()) rules.add(Reason.confirm("cover.confirm.deductible"));
        else ded.get().amount().filter(Money::isPositive).ifPresent(d -> rules.add(Reason.warn("cover.deductible", Amounts.format(d))));
        if (coIns.isEmpty()) rules.add(Reason.confirm("cover.confirm.coInsurance"));
        else if (coIns.get().signum() > 0) rules.add(Reason.warn("cover.coInsurance", Amounts.percent(coIns.get())));
        if (bt.network() == NetworkRule.LISTED) rules.add(Reason.warn("cover.networkListed", bt.institutions().size()));
        if (bt.network() == NetworkRule.DESIGNATED_GBA) rules.add(Reason.warn("cover.networkDesignated"));
        if (bt.network() == NetworkRule.DIRECT_BILLING_ONLY) rules.add(Reason.warn("cover.networkDirect"));
        if (bt.network() == NetworkRule.NOT_STATED) rules.add(Reason.confirm("cover.confirm.network"));
        Optional<Bound<Money>> annual = bt.annualLimit().firm();
        Optional<Bound<Money>> perEvent = bt.perEventLimit().firm();
        if (annual.isEmpty() && perEvent.isEmpty()) rules.add(Reason.confirm("cover.confirm.limits"));
        else if (annual.isEmpty()) rules.add(Reason.confirm("cover.confirm.annualLimit"));
        annual.flatMap(Bound::amount).ifPresent(a -> rules.add(Reason.info("cover.annualLimit", Amounts.format(a))));
        perEvent.flatMap(Bound::amount).ifPresent(a -> rules.add(Reason.info("cover.perEventLimit", Amounts.format(a))));
        if (annual.isPresent() && annual.get().isNone() && perEvent.isPresent() && perEvent.get().isNone()) rules.add(Reason.info("cover.noLimit"));
        Optional<Integer> waiting = bt.waitingDays().firm();
        if (waiting.isEmpty()) rules.add(Reason.confirm("cover.confirm.waiting"));
        else if (waiting.get() > 0) rules.add(Reason.info("cover.waiting", waiting.get()));
        if (b.sample()) rules.add(Reason.info("cover.sample"));
        boolean partial = rules.stream().anyMatch(r -> r.severity() == Reason.Severity.WARN || r.severity() == Reason.Severity.CONFIRM);
        return new Coverage(product.id(), need, place, partial ? CoverageLevel.PARTIAL : CoverageLevel.FULL, b, Reason.forProduct(product.kind(), rules));
    }

    private static int rank(CoverageLevel l) {
        switch (l) {
            case FULL: return 3;
            case PARTIAL: return 2;
            case CASH: return 1;
            default: return 0;
        }
    }

    /** True when the level means the product pays toward the cost of care (full or part), not only cash or nothing. */
    public static boolean paysCare(CoverageLevel l) {
        return l == CoverageLevel.FULL || l == CoverageLevel.PARTIAL;
    }

    /** The better of two levels (for a set of products covering one need). */
    public static CoverageLevel best(CoverageLevel a, CoverageLevel b) {
        return rank(a) >= rank(b) ? a : b;
    }

    public static final Comparator<CoverageLevel> ORDER = Comparator.comparingInt(CoverageEvaluator::rank);
}
