package hk.baycover.model;

import java.math.BigDecimal;

/** One premium cell: ages {@code ageFrom}..{@code ageTo} inclusive; null sex/smoker/option mean "any". */
public record PremiumRow(int ageFrom, int ageTo, Sex sex, Boolean smoker, String option, BigDecimal amount) {

    public boolean matches(int age, Sex s, Boolean smokes, String opt) {
        return age >= ageFrom && age <= ageTo
                && (sex == null || s == null || sex == s)
                && (smoker == null || smokes == null || smoker.equals(smokes))
                && (option == null || opt == null || option.equals(opt));
    }
}
