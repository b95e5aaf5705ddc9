package hk.baycover.model;

import java.util.List;

/** A catalog pack: a header and the records it carries. Only the sections of its kind may be non-empty. */
public record Pack(
        PackHeader pack,
        List<Institution> institutions,
        List<RegulatedItem> items,
        List<RunningTotal> totals,
        List<Product> products,
        List<Scenario> scenarios) {

    public Pack {
        institutions = institutions == null ? List.of() : List.copyOf(institutions);
        items = items == null ? List.of() : List.copyOf(items);
        totals = totals == null ? List.of() : List.copyOf(totals);
        products = products == null ? List.of() : List.copyOf(products);
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }

    public int recordCount() {
        return institutions.size() + items.size() + totals.size() + products.size() + scenarios.size();
    }
}
