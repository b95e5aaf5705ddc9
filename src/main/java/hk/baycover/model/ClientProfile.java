package hk.baycover.model;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * A client's needs analysis (in the spirit of the IA's GL30), entered once and reused everywhere. Either
 * {@code birthDate} or {@code age} (age last birthday today) is given. Name, contact, conditions and notes are
 * personal data: stored encrypted, never logged.
 */
public record ClientProfile(
        String id,
        String name,
        String contact,
        LocalDate birthDate,
        Integer age,
        Sex sex,
        Boolean smoker,
        ResidencyStatus residency,
        LivingPlace livesIn,
        City city,
        SzInsurance szMedicalInsurance,
        String szTier,
        boolean cssaRecipient,
        boolean careHomeWaitlist,
        boolean haFollowUpPatient,
        boolean mainlandResidencePermit,
        List<String> existingProducts,
        String existingCoverNote,
        List<HealthCondition> conditions,
        String conditionNote,
        List<String> preferredInstitutions,
        Map<Need, Priority> needs,
        Money budget,
        Integer horizonYears,
        String notes,
        List<InsurerQuote> quotes) {

    public ClientProfile {
        residency = residency == null ? ResidencyStatus.HK_PERMANENT_RESIDENT : residency;
        livesIn = livesIn == null ? LivingPlace.HONG_KONG : livesIn;
        szMedicalInsurance = szMedicalInsurance == null ? SzInsurance.NONE : szMedicalInsurance;
        existingProducts = existingProducts == null ? List.of() : List.copyOf(existingProducts);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        preferredInstitutions = preferredInstitutions == null ? List.of() : List.copyOf(preferredInstitutions);
        needs = needs == null ? Map.of() : Map.copyOf(needs);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }

    /** The insurer's answers recorded for {@code productId}, oldest first. */
    public List<InsurerQuote> quotesFor(String productId) {
        return quotes.stream().filter(q -> q.product().equals(productId))
                .sorted(java.util.Comparator.comparing(InsurerQuote::quotedOn)).toList();
    }

    /** The same client with other recorded answers. */
    public ClientProfile withQuotes(List<InsurerQuote> newQuotes) {
        return new ClientProfile(id, name, contact, birthDate, age, sex, smoker, residency, livesIn, city, szMedicalInsurance, szTier,
                cssaRecipient, careHomeWaitlist, haFollowUpPatient, mainlandResidencePermit, existingProducts, existingCoverNote,
                conditions, conditionNote, preferredInstitutions, needs, budget, horizonYears, notes, newQuotes);
    }

    /** Age on {@code date} counted on {@code basis}; with only an age given, that age (years pass from {@code today}). */
    public int ageOn(LocalDate date, AgeBasis basis, LocalDate today) {
        if (birthDate == null) {
            int base = age == null ? 0 : age;
            int last = base + Math.max(0, Period.between(today, date).getYears());
            return basis == AgeBasis.NEXT_BIRTHDAY ? last + 1 : last;
        }
        Period p = Period.between(birthDate, date);
        int last = p.getYears();
        if (basis == AgeBasis.NEXT_BIRTHDAY) return last + 1;
        if (basis == AgeBasis.NEAREST_BIRTHDAY) {
            LocalDate lastBirthday = birthDate.plusYears(last);
            LocalDate nextBirthday = birthDate.plusYears(last + 1L);
            long sinceLast = date.toEpochDay() - lastBirthday.toEpochDay();
            long toNext = nextBirthday.toEpochDay() - date.toEpochDay();
            return toNext < sinceLast ? last + 1 : last;
        }
        return last;
    }

    public boolean hasConditions() {
        return !conditions.isEmpty();
    }

    public boolean livesInGuangdong() {
        return livesIn == LivingPlace.SHENZHEN || livesIn == LivingPlace.OTHER_GBA;
    }

    public boolean mustHave(Need need) {
        return needs.get(need) == Priority.MUST_HAVE;
    }

    public int horizon() {
        return horizonYears == null || horizonYears < 1 ? 10 : horizonYears;
    }
}
