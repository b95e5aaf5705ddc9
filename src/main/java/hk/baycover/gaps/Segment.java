package hk.baycover.gaps;

import hk.baycover.model.City;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Region;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.SzInsurance;

/**
 * One client segment: an age band, where the client lives (a Hong Kong resident living in Hong Kong and crossing north
 * for care, living in Shenzhen, or elsewhere in the GBA), Shenzhen medical insurance (enrolled or not) and declared
 * conditions. {@link #profile(int)} builds the representative client the shared planning rules are asked about.
 */
public record Segment(int index, int bandIndex, AgeBand band, LivingPlace livesIn, boolean szInsured, ConditionClass condition,
                      boolean residencePermitWhenLivingNorth) {

    /** Stable ASCII id, e.g. {@code 65-74|SHENZHEN|SZ|CHRONIC}. */
    public String id() {
        return band.code() + "|" + livesIn.name() + "|" + (szInsured ? "SZ" : "NO_SZ") + "|" + condition.name();
    }

    /** Where this segment gets care when heading north. */
    public Region careRegion() { return livesIn.careRegion(); }

    /**
     * A Hong Kong permanent resident of this segment at {@code age}: lives where the segment lives (city Shenzhen for
     * Shenzhen), enrolled in Shenzhen resident medical insurance or not, declaring the segment's conditions, holding the
     * Mainland residence permit when living north (configurable), with none of the special statuses (CSSA, care-home
     * waiting list, HA follow-up). Sex and smoking are left open: eligibility does not depend on them.
     */
    public ClientProfile profile(int age) {
        boolean north = livesIn == LivingPlace.SHENZHEN || livesIn == LivingPlace.OTHER_GBA;
        return new ClientProfile(null, null, null, null, age, null, null, ResidencyStatus.HK_PERMANENT_RESIDENT, livesIn,
                livesIn == LivingPlace.SHENZHEN ? City.SHENZHEN : livesIn == LivingPlace.HONG_KONG ? City.HONG_KONG : null,
                szInsured ? SzInsurance.RESIDENT : SzInsurance.NONE, null, false, false, false,
                north && residencePermitWhenLivingNorth, null, null, condition.conditions(), null, null, null, null, null, null);
    }
}
