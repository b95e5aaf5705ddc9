package hk.baycover.planning;

import hk.baycover.model.AgeBasis;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Eligibility;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.PreExistingRule;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.Requirement;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.SzInsurance;
import hk.baycover.model.Underwriting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a client may join a product and says why: entry and renewal ages on the product's age basis,
 * residency and status requirements, underwriting, the pre-existing-condition rule and waiting periods. The one
 * implementation used by Compare, Plans and Gaps.
 */
public final class EligibilityChecker {

    private final LocalDate today;

    public EligibilityChecker(LocalDate today) {
        this.today = today;
    }

    public LocalDate today() { return today; }

    public EligibilityResult check(Product product, ClientProfile client) {
        return check(product, client, today);
    }

    /** Eligibility to join on {@code date} (plans starting later use their start date). */
    public EligibilityResult check(Product product, ClientProfile client, LocalDate date) {
        Eligibility e = product.eligibility();
        AgeBasis basis = e.ageBasis();
        int age = client.ageOn(date, basis, today);
        List<Reason> reasons = new ArrayList<>();
        String basisKey = "ageBasis." + basis.name();
        if (basis == AgeBasis.NOT_STATED && client.birthDate() != null) reasons.add(Reason.info("elig.basisNotStated"));
        if (e.minEntryAge() != null && age < e.minEntryAge()) reasons.add(Reason.block("elig.tooYoung", age, e.minEntryAge(), basisKey));
        if (e.maxEntryAge() != null && age > e.maxEntryAge()) reasons.add(Reason.block("elig.tooOld", age, e.maxEntryAge(), basisKey));
        if (e.maxRenewalAge() != null) {
            if (age > e.maxRenewalAge()) reasons.add(Reason.block("elig.pastRenewal", age, e.maxRenewalAge()));
            else reasons.add(Reason.info("elig.renewalUntil", e.maxRenewalAge()));
        }
        for (Requirement r : e.requires()) {
            if (!meets(client, r)) reasons.add(Reason.block("elig.requires." + r.name()));
        }
        if (e.underwriting() == Underwriting.FULL_MEDICAL) {
            reasons.add(client.hasConditions() ? Reason.warn("elig.underwritingWithConditions") : Reason.info("elig.fullUnderwriting"));
        } else if (e.underwriting() == Underwriting.GUARANTEED_ISSUE) {
            reasons.add(Reason.info("elig.guaranteedIssue"));
        }
        if (client.hasConditions()) {
            PreExistingRule rule = e.preExisting();
            switch (rule) {
                case EXCLUDED: reasons.add(Reason.warn("elig.preExisting.EXCLUDED")); break;
                case REDUCED: reasons.add(Reason.warn("elig.preExisting.REDUCED", e.preExistingRate() == null ? "?" : e.preExistingRate().stripTrailingZeros().toPlainString())); break;
                case COVERED_AFTER_WAITING: reasons.add(Reason.warn("elig.preExisting.COVERED_AFTER_WAITING")); break;
                case PHASED: reasons.add(Reason.info("elig.preExisting.PHASED")); break;
                case NOT_STATED: reasons.add(Reason.warn("elig.preExisting.NOT_STATED")); break;
                default: break;
            }
        }
        if (e.waitingPeriodDays() != null && e.waitingPeriodDays() > 0) reasons.add(Reason.info("elig.waiting", e.waitingPeriodDays()));
        boolean eligible = reasons.stream().noneMatch(Reason::blocks);
        return new EligibilityResult(product.id(), eligible, age, basis, reasons);
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
