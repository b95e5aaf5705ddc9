package hk.baycover.planning;

import hk.baycover.model.Catalog;
import hk.baycover.model.Currency;
import hk.baycover.model.FxTable;
import hk.baycover.model.Product;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cover plan for one client: the chosen products (paid in layer order: public, then inclusive, then commercial;
 * within a layer in the order chosen), a plan option per product when its premium table has options, the start date,
 * the currency figures are shown in, the dated FX table used for conversions, the episodes to run, and notes.
 * {@code title} and {@code notes} are personal data (stored with the client's personal fields).
 */
public record Plan(
        String title,
        List<String> productIds,
        Map<String, String> options,
        LocalDate startDate,
        Currency currency,
        FxTable fx,
        List<ScenarioRun> runs,
        String notes,
        PlanStatus status) {

    public Plan {
        productIds = productIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(productIds));
        options = options == null ? Map.of() : Map.copyOf(options);
        currency = currency == null ? Currency.HKD : currency;
        fx = fx == null ? FxTable.defaults() : fx;
        runs = runs == null ? List.of() : List.copyOf(runs);
        status = status == null ? PlanStatus.DRAFT : status;
    }

    public static Plan of(List<String> productIds, LocalDate start, Currency currency) {
        return new Plan(null, productIds, null, start, currency, null, null, null, null);
    }

    /** The plan's products that exist in {@code catalog}, in layer order (stable within a layer). */
    public List<Product> layered(Catalog catalog) {
        List<Product> out = new ArrayList<>();
        for (String id : productIds) catalog.product(id).ifPresent(out::add);
        out.sort(Comparator.comparing(Product::layer));
        return out;
    }

    /** Product ids named by the plan but missing from {@code catalog} (e.g. a dataset was replaced). */
    public List<String> missing(Catalog catalog) {
        return productIds.stream().filter(id -> catalog.product(id).isEmpty()).toList();
    }

    public Optional<String> option(String productId) {
        return Optional.ofNullable(options.get(productId));
    }

    public Plan withProducts(List<String> ids) {
        Map<String, String> kept = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            if (ids.contains(k)) kept.put(k, v);
        });
        return new Plan(title, ids, kept, startDate, currency, fx, runs, notes, status);
    }

    public Plan withRuns(List<ScenarioRun> newRuns) {
        return new Plan(title, productIds, options, startDate, currency, fx, newRuns, notes, status);
    }

    public Plan withFx(FxTable table) {
        return new Plan(title, productIds, options, startDate, currency, table, runs, notes, status);
    }

    public Plan withCurrency(Currency c) {
        return new Plan(title, productIds, options, startDate, c, fx, runs, notes, status);
    }

    public Plan withTitle(String t, String n) {
        return new Plan(t, productIds, options, startDate, currency, fx, runs, n, status);
    }

    public Plan withStatus(PlanStatus s) {
        return new Plan(title, productIds, options, startDate, currency, fx, runs, notes, s);
    }

    public Plan withStart(LocalDate d) {
        return new Plan(title, productIds, options, d, currency, fx, runs, notes, status);
    }
}
