package hk.baycover.compare;

import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;

import java.util.List;

/**
 * One dimension across the compared products. {@code key} is stable (e.g. "benefit.INPATIENT.annualLimit") for tests
 * and scripts; {@code section} names a sub-heading inside the group (the need, for benefit rows) or is null.
 * {@code differs} is true when not every product has the same value.
 */
public record Row(String key, RowGroup group, LocalizedText section, LocalizedText label, List<Cell> cells, boolean differs) {

    public Row {
        cells = List.copyOf(cells);
    }

    public String label(Lang lang) {
        return Texts.get(label, lang);
    }

    public Cell cell(String productId) {
        return cells.stream().filter(c -> c.productId().equals(productId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell for " + productId + " in row " + key));
    }
}
