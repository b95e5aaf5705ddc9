package hk.baycover.planning;

import hk.baycover.model.AgeBasis;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Currency;
import hk.baycover.model.FxTable;
import hk.baycover.model.Money;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.TermState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Premiums year by year over the planning horizon as the client ages: each product's premium is read at the client's
 * age on each policy anniversary ({@link PremiumCalculator}), converted into the plan currency at the plan's dated FX
 * rate and rounded to the cent. A year's {@code total} is its known part (published and quoted premiums);
 * {@code toBeQuoted} lists the products whose premium that year is unknown or only a sample — never counted as zero.
 */
public final class PremiumProjection {

    /** One product in one year. {@code converted} is empty when the premium is unknown or the cover has ended. */
    public record Cell(String productId, int age, TermState state, Optional<Money> original, Optional<Money> converted,
                       boolean enrolled, boolean ended, Reason reason) {
        public boolean firm() {
            return ended || (state.firm() && converted.isPresent());
        }

        public boolean toBeQuoted() {
            return !ended && !firm();
        }

        public boolean sample() {
            return state == TermState.SAMPLE && !ended;
        }
    }

    /**
     * One policy year: its first day, the client's age then (last birthday), every product's premium, the known total,
     * the products still to be quoted, whether any figure shown is a sample, and whether the known part alone is over
     * the budget.
     */
    public record Year(int year, LocalDate from, int age, List<Cell> cells, Money total, List<String> toBeQuoted, boolean sample,
                       boolean overBudget) {
        public Year {
            cells = List.copyOf(cells);
            toBeQuoted = List.copyOf(toBeQuoted);
        }

        public boolean complete() {
            return toBeQuoted.isEmpty();
        }
    }

    /** The whole projection: every year of the horizon, the known total, and the products to be quoted in any year. */
    public record Result(Currency currency, List<Year> years, Money total, List<String> toBeQuoted, boolean sample, Money budget) {
        public Result {
            years = List.copyOf(years);
            toBeQuoted = List.copyOf(toBeQuoted);
        }

        public boolean complete() {
            return toBeQuoted.isEmpty();
        }

        /** Known premiums of one product over the horizon. */
        public Money totalOf(String productId) {
            Money sum = Money.zero(currency);
            for (Year y : years) {
                for (Cell c : y.cells()) if (c.productId().equals(productId) && c.firm() && c.converted().isPresent()) sum = sum.plus(c.converted().get());
            }
            return sum;
        }

        /** The state of a product's premium over the plan: QUOTED or PUBLISHED when every year is firm, else SAMPLE or UNKNOWN. */
        public TermState stateOf(String productId) {
            boolean anyUnknown = false;
            boolean anySample = false;
            boolean anyQuoted = false;
            for (Year y : years) {
                for (Cell c : y.cells()) {
                    if (!c.productId().equals(productId) || c.ended()) continue;
                    if (c.state() == TermState.UNKNOWN || c.converted().isEmpty()) anyUnknown = true;
                    else if (c.state() == TermState.SAMPLE) anySample = true;
                    else if (c.state() == TermState.QUOTED) anyQuoted = true;
                }
            }
            if (anyUnknown) return TermState.UNKNOWN;
            if (anySample) return TermState.SAMPLE;
            return anyQuoted ? TermState.QUOTED : TermState.PUBLISHED;
        }
    }

    private final PremiumCalculator calculator = new PremiumCalculator();
    private final LocalDate today;

    public PremiumProjection(LocalDate today) {
        this.today = today;
    }

    public Result project(ClientProfile client, List<Product> products, Plan plan) {
        Currency cur = plan.currency();
        FxTable fx = plan.fx();
        Money budget = client.budget() == null ? null : Amounts.cents(fx.convert(client.budget(), cur));
        List<Year> years = new ArrayList<>();
        Money grand = Money.zero(cur);
        java.util.LinkedHashSet<String> tbq = new java.util.LinkedHashSet<>();
        boolean anySample = false;
        for (int y = 1; y <= client.horizon(); y++) {
            LocalDate from = plan.startDate().plusYears(y - 1L);
            int age = client.ageOn(from, AgeBasis.LAST_BIRTHDAY, today);
            List<Cell> cells = new ArrayList<>();
            Money total = Money.zero(cur);
            List<String> yearTbq = new ArrayList<>();
            boolean sample = false;
            for (Product p : products) {
                Cell c = cell(client, p, from, plan.option(p.id()).orElse(null), fx, cur);
                cells.add(c);
                if (c.firm() && c.converted().isPresent()) total = total.plus(c.converted().get());
                if (c.toBeQuoted()) yearTbq.add(p.id());
                if (c.sample()) sample = true;
            }
            boolean over = budget != null && total.compareTo(budget) > 0;
            years.add(new Year(y, from, age, cells, total, yearTbq, sample, over));
            grand = grand.plus(total);
            tbq.addAll(yearTbq);
            anySample |= sample;
        }
        return new Result(cur, years, grand, List.copyOf(tbq), anySample, budget);
    }

    /** One product's premium on {@code on}, converted into {@code cur}. */
    public Cell cell(ClientProfile client, Product p, LocalDate on, String option, FxTable fx, Currency cur) {
        PremiumCalculator.Quote q = calculator.quote(p, client, on, today, option);
        Optional<Money> converted = q.annual().map(m -> Amounts.cents(fx.convert(m, cur)));
        return new Cell(p.id(), q.age(), q.state(), q.annual(), converted, q.enrolled(), q.ended(), q.reason());
    }
}
