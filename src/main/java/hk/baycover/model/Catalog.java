package hk.baycover.model;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of everything loaded: datasets and their records, in pack order. Screens and services work on
 * a snapshot taken in the background, so nothing on the FX thread touches SQLite.
 */
public final class Catalog {
    private final List<DatasetInfo> datasets;
    private final Map<String, Institution> institutions;
    private final Map<String, RegulatedItem> items;
    private final List<RunningTotal> totals;
    private final Map<String, Product> products;
    private final Map<String, Scenario> scenarios;

    public Catalog(List<DatasetInfo> datasets, List<Institution> institutions, List<RegulatedItem> items,
                   List<RunningTotal> totals, List<Product> products, List<Scenario> scenarios) {
        this.datasets = List.copyOf(datasets);
        this.institutions = index(institutions, Institution::id);
        this.items = index(items, RegulatedItem::id);
        this.totals = List.copyOf(totals);
        this.products = index(products, Product::id);
        this.scenarios = index(scenarios, Scenario::id);
    }

    public static Catalog empty() {
        return new Catalog(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static <T> Map<String, T> index(List<T> list, Function<T, String> id) {
        return java.util.Collections.unmodifiableMap(list.stream().collect(Collectors.toMap(id, t -> t, (a, b) -> a, LinkedHashMap::new)));
    }

    public List<DatasetInfo> datasets() { return datasets; }

    public List<Institution> institutions() { return List.copyOf(institutions.values()); }

    public List<RegulatedItem> items() { return List.copyOf(items.values()); }

    public List<RunningTotal> totals() { return totals; }

    public List<Product> products() { return List.copyOf(products.values()); }

    public List<Scenario> scenarios() { return List.copyOf(scenarios.values()); }

    public Optional<Institution> institution(String id) { return Optional.ofNullable(institutions.get(id)); }

    public Optional<RegulatedItem> item(String id) { return Optional.ofNullable(items.get(id)); }

    public Optional<Product> product(String id) { return Optional.ofNullable(products.get(id)); }

    public Optional<Scenario> scenario(String id) { return Optional.ofNullable(scenarios.get(id)); }

    /** Latest as-of date over all datasets (what the status bar shows), if any. */
    public Optional<PartialDate> asOf() {
        return datasets.stream().map(DatasetInfo::asOf).max(Comparator.naturalOrder());
    }

    /** Items approved for use at an institution. */
    public List<RegulatedItem> itemsAt(String institutionId) {
        return items.values().stream().filter(i -> i.approvals().stream().anyMatch(a -> a.institution().equals(institutionId))).toList();
    }

    /** What one product says about one 港澳藥械通 item: the strongest stance over its benefits, and the benefit that states it. */
    public record ItemStance(Product product, StanceKind stance, Benefit benefit, Stance detail) {
    }

    /**
     * Every product's stance on {@code item} (drugs and devices apart): COVERED when a benefit covers such items (or
     * lists this one), LISTED when benefits list other items only, EXCLUDED when a benefit excludes them, NOT_STATED
     * when no benefit says anything. In catalog order.
     */
    public List<ItemStance> stancesOn(RegulatedItem item) {
        List<ItemStance> out = new java.util.ArrayList<>();
        for (Product p : products.values()) {
            ItemStance best = null;
            for (Benefit b : p.benefits()) {
                Stance s = b.gbaStance().of(item.kind());
                StanceKind k = s.stance();
                if (k == StanceKind.LISTED && s.items().contains(item.id())) k = StanceKind.COVERED;
                ItemStance here = new ItemStance(p, k, b, s);
                if (best == null || rank(k) > rank(best.stance())) best = here;
            }
            out.add(best == null ? new ItemStance(p, StanceKind.NOT_STATED, null, Stance.notStated()) : best);
        }
        return out;
    }

    private static int rank(StanceKind k) {
        switch (k) {
            case COVERED: return 3;
            case EXCLUDED: return 2;
            case LISTED: return 1;
            default: return 0;
        }
    }

    /** Products with a benefit that states cover for {@code item}. */
    public List<Product> productsPaying(RegulatedItem item) {
        return stancesOn(item).stream().filter(s -> s.stance() == StanceKind.COVERED).map(ItemStance::product).toList();
    }
}
