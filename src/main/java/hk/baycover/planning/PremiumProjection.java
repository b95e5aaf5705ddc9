package hk.baycover.planning;

import hk.baycover.model.AgeBasis;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Currency;
import hk.baycover.model.FxTable;
import hk.baycover.model.Money;
import hk.baycover.model.PremiumStatus;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Premiums year by year over the planning horizon as the client ages: each product's premium table is read at the
 * client's age on each policy anniversary (on the table's age basis), converted into the plan currency at the plan's
 * dated FX rate and rounded to the cent. A free scheme costs zero; an unpublished premium stays unknown (never zero)
 * and makes that year's total incomplete; a product past its maximum renewal age has ended (no premium, no cover).
 */
public final class PremiumProjection {

    /** One product in one year. {@code converted} is empty when the premium is unknown or the cover has ended. */
    public record Cell(String productId, int age, Optional<Money> original, Optional<Money> converted, PremiumStatus status,
                       boolean sample, boolean ended, Reason reason) {
        public boolean known() { return ended || converted.isPresent(); }
    }

    /** One policy year: its first day, the client's age then (last birthday), every product's premium and the total. */
    public record Year(int year, LocalDate from, int age, List<Cell> cells, Money total, boolean complete, boolean sample,
                       boolean overBudget) {
        public Year {
            cells = List.copyOf(cells);
        }
    }

    /** The whole projection: every year of the horizon, the grand total and whether any figure is unknown or a sample. */
    public record Result(Currency currency, List<Year> years, Money total, boolean complete, boolean sample, Money budget) {
        public Result {
            years = List.copyOf(years);
        }

        /** Total premium of one product over the horizon (known years only). */
        public Money totalOf(String productId) {
            Money sum = Money.zero(currency);
            for (Year y : years) {
                for (Cell c : y.cells()) if (c.productId().equals(productId) && c.converted().isPresent()) sum = sum.plus(c.converted().get());
            }
            return sum;
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
        boolean allComplete = true;
        boolean anySample = false;
        for (int y = 1; y <= client.horizon(); y++) {
            LocalDate from = plan.startDate().plusYears(y - 1L);
            int age = client.ageOn(from, AgeBasis.LAST_BIRTHDAY, today);
            List<Cell> cells = new ArrayList<>();
            Money total = Money.zero(cur);
            boolean complete = true;
            boolean sample = false;
            for (Product p : products) {
                Cell c = cell(client, p, from, plan.option(p.id()).orElse(null), fx, cur);
                cells.add(c);
                if (c.converted().isPresent()) total = total.plus(c.converted().get());
                if (!c.known()) complete = false;
                if (c.sample() && !c.ended()) sample = true;
            }
            boolean over = budget != null && total.compareTo(budget) > 0;
            years.add(new Year(y, from, age, cells, total, complete, sample, over));
            grand = grand.plus(total);
            allComplete &= complete;
            anySample |= sample;
        }
        return new Result(cur, years, grand, allComplete, anySample, budget);
    }

    /** One product's premium on {@code on}, converted into {@code cur}. */
    public Cell cell(ClientProfile client, Product p, LocalDate on, String option, FxTable fx, Currency cur) {
        PremiumCalculator.Quote q = calculator.quote(p, client, on, today, option);
        boolean ended = q.reason() != null && "premium.pastRenewal".equals(q.reason().key());
        Optional<Money> converted = q.annual().map(m -> Amounts.cents(fx.convert(m, cur)));
        return new Cell(p.id(), q.age(), q.annual(), converted, q.status(), q.sample(), ended, q.reason());
    }
}
