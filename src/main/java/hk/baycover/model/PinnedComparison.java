package hk.baycover.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A comparison the user pinned to reopen later: products in the order picked, the client filter, the view option. */
public record PinnedComparison(
        long id,
        String name,
        List<String> productIds,
        Integer age,
        LocalDate birthDate,
        Sex sex,
        ResidencyStatus residency,
        LivingPlace livesIn,
        SzInsurance szInsurance,
        boolean onlyDifferences,
        Instant createdAt) {

    public PinnedComparison {
        productIds = List.copyOf(productIds);
        residency = residency == null ? ResidencyStatus.HK_PERMANENT_RESIDENT : residency;
        livesIn = livesIn == null ? LivingPlace.HONG_KONG : livesIn;
        szInsurance = szInsurance == null ? SzInsurance.NONE : szInsurance;
    }
}
