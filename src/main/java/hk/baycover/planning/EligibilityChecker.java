package hk.baycover.planning;

import hk.baycover.model.AgeBasis;
import hk.baycover.model.Bound;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.DeclaredRule;
import hk.baycover.model.Eligibility;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.PreExistingRule;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.Requirement;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.SzInsurance;
import hk.baycover.model.Term;
import hk.baycover.model.Underwriting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a client may join a product and says why: the product's period, entry and renewal ages on its age
 * basis, residency and status requirements and exclusions, alternatives the client already receives, underwriting, the
 * rule for declared and for unknown pre-existing conditions, and waiting periods. The verdict is
 * {@link hk.baycover.model.EligibilityStatus#UNCONFIRMED} — never eligible — when a rule cannot be checked because its
 * term is not published; the reason names the term. The insurer's recorded answers ({@link ProductTerms}) count as
 * published. The one implementation used by Compare, Plans, Gaps and the CLI.
 */
public final class EligibilityChecker {

    private final LocalDate today;
    private final hk.baycover.model.Catalog catalog;

    public EligibilityChecker(LocalDate today) {
        this(today, null);
    }

    /** With a catalog, reasons name other products by their names rather than their ids. */
    public EligibilityChecker(LocalDate today, hk.baycover.model.Catalog catalog) {
        this.today = today;
        this.catalog = catalog;
    }

    public LocalDate today() { return today; }

    public EligibilityResult check(Product product, ClientProfile client) {
        return check(product, client, today);
    }

    /** Eligibility to join on {@code date} (plans starting later use their start date). */
    public EligibilityResult check(Product product, ClientProfile client, LocalDate date) {
        ProductTerms terms = ProductTerms.of(product, client);
        Eligibility e = product.eligibility();
        AgeBasis basis = e.ageBasis();
        int age = client.ageOn(date, basis, today);
        List<Reason> reasons = new ArrayList<>();
        String basisKey = "ageBasis." + basis.name();

        product.periodOpt().ifPresent(p -> {
            if (p.endedBy(date)) reasons.add(Reason.block("elig.ended", p.to().toString()));
            else if (!p.startedBy(date)) reasons.add(Reason.block("elig.notStarted", p.from().toString()));
            else if (p.to() != null) reasons.add(Reason.warn("elig.endsOn", p.to().toString()));
        });

        if (basis == AgeBasis.NOT_STATED && client.birthDate() != null) reasons.add(Reason.info("elig.basisNotStated"));
        ageRule(terms.minEntryAge(), reasons, v -> age < v, v -> Reason.block("elig.tooYoung", age, v, basisKey),
                Reason.confirm("elig.confirm.minEntryAge", age));
        ageRule(terms.maxEntryAge(), reasons, v -> age > v, v -> Reason.block("elig.tooOld", age, v, basisKey),
                Reason.confirm("elig.confirm.maxEntryAge", age));
        Term<Bound<Integer>> renewal = terms.maxRenewalAge();
        Optional<Bound<Integer>> firmRenewal = renewal.firm();
        if (firmRenewal.isPresent()) {
            if (firmRenewal.get().isNone()) reasons.add(Reason.info("elig.renewalNone"));
            else {
                int max = firmRenewal.get().amount().orElseThrow();
                if (age > max) reasons.add(Reason.block("elig.pastRenewal", age, max));
                else reasons.add(Reason.info("elig.renewalUntil", max));
            }
        } else {
            reasons.add(Reason.warn("elig.renewalUnknown"));
        }
        for (Requirement r : e.requires()) {
            if (!meets(client, r)) reasons.add(Reason.block("elig.requires." + r.name()));
        }
        for (Requirement r : e.excludes()) {
            if (meets(client, r)) reasons.add(Reason.block("elig.excludes." + r.name()));
        }
        if (product.kind() == hk.baycover.model.ProductKind.TRAVEL_MEDICAL && client.livesIn() != null
                && client.livesIn() != LivingPlace.HONG_KONG) {
            // trip cover bought in Hong Kong: whether living on the Mainland counts as a trip is for the insurer to say
            reasons.add(Reason.confirm("elig.confirm.travelResident"));
        }
        for (String other : product.exclusiveWith()) {
            if (client.existingProducts().contains(other)) reasons.add(Reason.block("elig.alternativeHeld", nameOf(other)));
        }
        if (e.underwriting() == Underwriting.FULL_MEDICAL) {
            reasons.add(client.hasConditions() ? Reason.warn("elig.underwritingWithConditions") : Reason.info("elig.fullUnderwriting"));
        } else if (e.underwriting() == Underwriting.GUARANTEED_ISSUE) {
            reasons.add(Reason.info("elig.guaranteedIssue"));
        }
        if (client.hasConditions()) {
            // the client declares these conditions: what the product does with declared conditions applies
            DeclaredRule declared = e.declared();
            switch (declared) {
                case COVERED: reasons.add(Reason.info("elig.declared.COVERED")); break;
                case EXCLUDED: reasons.add(Reason.warn("elig.declared.EXCLUDED")); break;
                case UNDERWRITTEN: reasons.add(Reason.warn("elig.declared.UNDERWRITTEN")); break;
                default: reasons.add(Reason.warn("elig.declared.NOT_STATED")); break;
            }
        }
        PreExistingRule rule = e.preExisting();
        // the phase-in applies to conditions unknown at joining; for a client who declares conditions the rule above decides
        if (rule == PreExistingRule.PHASED && !client.hasConditions()) reasons.add(Reason.info("elig.preExisting.PHASED"));
        Term<Integer> waiting = terms.waitingDays();
        if (waiting.firm().isPresent() && waiting.firm().get() > 0) reasons.add(Reason.info("elig.waiting", waiting.firm().get()));
        return EligibilityResult.of(product.id(), age, basis, Reason.forProduct(product.kind(), reasons));
    }

    private Object nameOf(String productId) {
        if (catalog == null) return productId;
        return catalog.product(productId).<Object>map(Product::name).orElse(productId);
    }

    private static void ageRule(Term<Bound<Integer>> term, List<Reason> reasons, java.util.function.IntPredicate breaks,
                                java.util.function.IntFunction<Reason> block, Reason confirm) {
        Optional<Bound<Integer>> firm = term.firm();
        if (firm.isEmpty()) {
            reasons.add(confirm);
            return;
        }
        firm.get().amount().ifPresent(v -> {
            if (breaks.test(v)) reasons.add(block.apply(v));
        });
    }

    static boolean meets(ClientProfile c, Requirement r) {
        switch (r) {
            case HK_RESIDENT: return c.residency() != ResidencyStatus.OTHER;
            case HK_PERMANENT_RESIDENT: return c.residency() == ResidencyStatus.HK_PERMANENT_RESIDENT;
            case LIVES_IN_HK: return c.livesIn() == LivingPlace.HONG_KONG;
            case LIVES_IN_GUANGDONG: return c.livesInGuangdong();
            case LIVES_IN_SHENZHEN: return c.livesIn() == LivingPlace.SHENZHEN;
            case SZ_MEDICAL_INSURANCE: return c.szMedicalInsurance() != SzInsurance.NONE;
            case CSSA_RECIPIENT: return c.cssaRecipient();
            case CARE_HOME_WAITLIST: return c.careHomeWaitlist();
            case HA_FOLLOW_UP_PATIENT: return c.haFollowUpPatient();
            case MAINLAND_RESIDENCE_PERMIT: return c.mainlandResidencePermit();
            default: return false;
        }
    }
}
