package hk.baycover.compare;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The comparison of 2–6 products: one column per product in the order picked (neutral: no ranking, no "best"), rows of
 * dimensions in {@link RowGroup} order, each cell with its value, source and sample flag. Immutable; the GUI, the CLI
 * and the PDF/CSV exports all render this one object.
 */
public record ComparisonMatrix(ComparisonRequest request, LocalDate on, List<Column> columns, List<Row> rows) {

    public ComparisonMatrix {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public List<Row> rows(RowGroup group) {
        return rows.stream().filter(r -> r.group() == group).toList();
    }

    /** Rows whose values are not all the same (the "only differences" view). */
    public List<Row> differingRows() {
        return rows.stream().filter(Row::differs).toList();
    }

    public Optional<Row> row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    public Optional<Column> column(String productId) {
        return columns.stream().filter(c -> c.productId().equals(productId)).findFirst();
    }

    /** Columns the client may not join (a published rule says so). */
    public List<Column> ineligible() {
        return columns.stream().filter(c -> !c.eligible() && !c.unconfirmed()).toList();
    }

    /** Columns whose eligibility the insurer must confirm (a term the check needs is not published). */
    public List<Column> unconfirmed() {
        return columns.stream().filter(Column::unconfirmed).toList();
    }

    /** True when any shown value is an illustrative sample. */
    public boolean hasSample() {
        return rows.stream().anyMatch(r -> r.cells().stream().anyMatch(Cell::sample)) || columns.stream().anyMatch(Column::sample);
    }
}
