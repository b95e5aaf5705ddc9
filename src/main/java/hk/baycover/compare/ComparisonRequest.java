package hk.baycover.compare;

import hk.baycover.model.ClientProfile;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.model.SzInsurance;

import java.time.LocalDate;
import java.util.List;

/**
 * What to compare: product ids in the order picked, and optionally a client (age or birth date, sex, residency, where
 * they live, Shenzhen medical insurance) for the eligibility filter and the premium at that age. Without an age or
 * birth date no client is checked and premiums show their published range.
 */
public record ComparisonRequest(
        List<String> productIds,
        Integer age,
        LocalDate birthDate,
        Sex sex,
        ResidencyStatus residency,
        LivingPlace livesIn,
        SzInsurance szInsurance) {

    public ComparisonRequest {
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
        residency = residency == null ? ResidencyStatus.HK_PERMANENT_RESIDENT : residency;
        livesIn = livesIn == null ? LivingPlace.HONG_KONG : livesIn;
        szInsurance = szInsurance == null ? SzInsurance.NONE : szInsurance;
    }

    public static ComparisonRequest of(List<String> ids) {
        return new ComparisonRequest(ids, null, null, null, null, null, null);
    }

    public static ComparisonRequest of(List<String> ids, Integer age, Sex sex) {
        return new ComparisonRequest(ids, age, null, sex, null, null, null);
    }

    public boolean hasClient() {
        return age != null || birthDate != null;
    }

    public ComparisonRequest withProducts(List<String> ids) {
        return new ComparisonRequest(ids, age, birthDate, sex, residency, livesIn, szInsurance);
    }

    /** The minimal client profile the eligibility checker and premium calculator need. */
    public ClientProfile client() {
        return client(sex);
    }

    public ClientProfile client(Sex s) {
        return new ClientProfile(null, null, null, birthDate, age, s, null, residency, livesIn, null, szInsurance, null,
                false, false, false, false, null, null, null, null, null, null, null, null, null);
    }
}
