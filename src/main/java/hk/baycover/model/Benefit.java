package hk.baycover.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a product pays for one need, as its pack states it. A blank amount means "not published", never zero or
 * unlimited: rules read these fields through {@code planning.Terms}, which turns them into {@link Term}s (a term the
 * source states as none is listed in {@code statedNone}). {@code coInsurance} is the client's share in percent (0–100)
 * after the deductible; {@code copayment} is a fixed amount the client pays on each cost line (a per-visit fee) before
 * the benefit pays the rest. Benefits of one product with the same {@code limitGroup} share one annual limit and
 * deductible (one subsidy cap over consultations and drugs, say). {@code cashAmount} (per {@code cashPer}) makes this a cash benefit: a fixed amount, not a share
 * of cost. {@code changes} hold effective-dated values; {@code limitYear} says which year annual amounts run over.
 * {@code gbaStance} is the benefit's stance on 港澳藥械通 drugs and devices. {@code note} is for the reader (three
 * languages); {@code sourceNote} holds research remarks, shown only with the record's sources.
 */
public record Benefit(
        Need need,
        List<Region> regions,
        NetworkRule network,
        List<String> institutions,
        Money annualLimit,
        Money perEventLimit,
        Money deductible,
        BigDecimal coInsurance,
        Money copayment,
        Money cashAmount,
        CashPer cashPer,
        LimitYear limitYear,
        String limitGroup,
        List<BenefitTerm> statedNone,
        List<BenefitChange> changes,
        List<SubLimit> subLimits,
        GbaStance gbaStance,
        Integer waitingPeriodDays,
        LocalizedText note,
        List<Source> sources,
        String sourceNote,
        boolean sample) {

    public Benefit {
        regions = regions == null ? List.of() : List.copyOf(regions);
        network = network == null ? NetworkRule.NOT_STATED : network;
        institutions = institutions == null ? List.of() : List.copyOf(institutions);
        limitYear = limitYear == null ? LimitYear.POLICY_YEAR : limitYear;
        statedNone = statedNone == null ? List.of() : List.copyOf(Set.copyOf(statedNone)).stream().sorted().toList();
        changes = changes == null ? List.of() : List.copyOf(changes);
        subLimits = subLimits == null ? List.of() : List.copyOf(subLimits);
        gbaStance = gbaStance == null ? GbaStance.notStated() : gbaStance;
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (cashAmount != null && cashPer == null) cashPer = CashPer.EVENT;
    }

    /** True when the benefit applies to care delivered in {@code place}; no regions listed means anywhere. */
    public boolean appliesIn(Region place) {
        return regions.isEmpty() || regions.stream().anyMatch(r -> r.covers(place));
    }

    /** True when this is a cash benefit (an allowance or lump sum), not a share of cost. */
    public boolean isCash() {
        return cashAmount != null;
    }

    public boolean statesNone(BenefitTerm term) {
        return statedNone.contains(term);
    }

    /** The change in force on {@code date} for a field read by {@code field}, if any change set it. */
    public <T> T latest(LocalDate date, java.util.function.Function<BenefitChange, T> field, T base) {
        T out = base;
        LocalDate at = null;
        for (BenefitChange c : changes) {
            if (c.from().isAfter(date) || (at != null && c.from().isBefore(at))) continue;
            T v = field.apply(c);
            if (v != null) {
                out = v;
                at = c.from();
            }
        }
        return out;
    }
}
