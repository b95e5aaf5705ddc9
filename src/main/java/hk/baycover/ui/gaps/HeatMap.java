package hk.baycover.ui.gaps;

import hk.baycover.gaps.CellSummary;
import hk.baycover.gaps.GapTexts;
import hk.baycover.gaps.Segment;
import hk.baycover.i18n.I18n;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Lang;
import hk.baycover.model.Need;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The heat map: a GridPane of focusable cells (arrow keys move, Enter or Space or a click opens), rows and columns
 * with their uncovered counts, group header rows, and each cell's level shown by colour AND by a symbol and number.
 * Pivot: segments as rows (default) or as columns. Labels are pooled and updated in place: replacing thousands of
 * scene-graph nodes on every filter change is far slower than re-texting them.
 */
final class HeatMap extends GridPane {

    /** What a pooled label shows this time: a header, or a cell (segment, need, grid position). */
    private record CellRef(Segment segment, Need need, int row, int col) {
    }

    private static final String REF = "gap-cell-ref";

    private final GapsViewModel vm;
    private final List<Label> pool = new ArrayList<>();
    private final Map<Segment, String> segmentTexts = new HashMap<>();
    private Label[][] cells = new Label[0][0];
    private Label selected;
    private Runnable onOpen = () -> { };

    HeatMap(GapsViewModel vm) {
        this.vm = vm;
        setId("heat-map");
        getStyleClass().add("heat-map");
        setAccessibleRole(AccessibleRole.TABLE_VIEW);
    }

    /** Called after the user opened a cell (the screen shows the cell's tab). */
    void setOnOpen(Runnable action) { this.onOpen = action; }

    /** Draws the current matrix with the filters and pivot. */
    void render() {
        selected = null;
        segmentTexts.clear();
        int used = 0;
        if (vm.matrix() != null) used = layoutCells();
        if (getChildren().size() < used) {
            getChildren().addAll(pool.subList(getChildren().size(), used));
        } else if (getChildren().size() > used) {
            getChildren().remove(used, getChildren().size());
        }
    }

    private int layoutCells() {
        Lang lang = vm.lang();
        List<Segment> segments = vm.visibleSegments();
        List<Need> needs = vm.visibleNeeds();
        setAccessibleText(I18n.get(lang, "gaps.map.accessible", segments.size(), needs.size()));
        boolean swap = vm.swapAxesProperty().get();
        boolean blankCovered = vm.uncoveredOnlyProperty().get();
        int rows = swap ? needs.size() : segments.size();
        int cols = swap ? segments.size() : needs.size();
        cells = new Label[rows][cols];
        int k = 0;

        for (int c = 0; c < cols; c++) {
            int uncovered = 0;
            for (int r = 0; r < rows; r++) if (summary(segments, needs, swap, r, c).uncovered()) uncovered++;
            String name = swap ? GapTexts.segmentShort(lang, segments.get(c)) : GapTexts.name(lang, needs.get(c));
            String full = swap ? segmentText(lang, segments.get(c)) : name;
            Label h = header(k++, "col-" + (swap ? "s" + segments.get(c).index() : needs.get(c).name()), "col-header",
                    name + "\n" + GapTexts.symbol(CoverageLevel.NONE) + " " + uncovered, full,
                    I18n.get(lang, "gaps.map.colAccessible", full, uncovered));
            h.setMaxWidth(swap ? 9 * 12 : 7.5 * 12);
            GridPane.setConstraints(h, c + 1, 0, 1, 1);
        }
        int gridRow = 1;
        String lastGroup = null;
        for (int r = 0; r < rows; r++) {
            if (!swap) {
                String group = vm.groupLabel(segments.get(r));
                if (!Objects.equals(group, lastGroup)) {
                    Label g = header(k++, null, "group-header", group, null, group);
                    GridPane.setConstraints(g, 0, gridRow++, cols + 1, 1);
                    lastGroup = group;
                }
            }
            int uncovered = 0;
            for (int c = 0; c < cols; c++) if (summary(segments, needs, swap, r, c).uncovered()) uncovered++;
            String name = swap ? GapTexts.name(lang, needs.get(r)) : GapTexts.segmentShort(lang, segments.get(r));
            String full = swap ? name : segmentText(lang, segments.get(r));
            Label h = header(k++, "row-" + (swap ? needs.get(r).name() : "s" + segments.get(r).index()), "row-header",
                    name + "   " + GapTexts.symbol(CoverageLevel.NONE) + " " + uncovered, full,
                    I18n.get(lang, "gaps.map.rowAccessible", full, uncovered));
            GridPane.setConstraints(h, 0, gridRow, 1, 1);
            for (int c = 0; c < cols; c++) {
                Segment s = swap ? segments.get(c) : segments.get(r);
                Need n = swap ? needs.get(r) : needs.get(c);
                CellSummary sum = vm.cell(s, n);
                if (blankCovered && !sum.uncovered()) continue; // "uncovered only": covered cells are left blank
                Label l = cell(k++, s, n, sum, r, c, lang);
                GridPane.setConstraints(l, c + 1, gridRow, 1, 1);
            }
            gridRow++;
        }
        return k;
    }

    private String segmentText(Lang lang, Segment s) {
        return segmentTexts.computeIfAbsent(s, x -> GapTexts.segment(lang, x));
    }

    private CellSummary summary(List<Segment> segments, List<Need> needs, boolean swap, int r, int c) {
        return swap ? vm.cell(segments.get(c), needs.get(r)) : vm.cell(segments.get(r), needs.get(c));
    }

    private Label take(int i) {
        if (i < pool.size()) return pool.get(i);
        Label l = new Label();
        l.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (l.getProperties().get(REF) instanceof CellRef) open(l, (CellRef) l.getProperties().get(REF));
        });
        l.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (!(l.getProperties().get(REF) instanceof CellRef)) return;
            CellRef ref = (CellRef) l.getProperties().get(REF);
            KeyCode k = e.getCode();
            if (k == KeyCode.ENTER || k == KeyCode.SPACE) {
                open(l, ref);
                e.consume();
            } else if (k == KeyCode.UP || k == KeyCode.DOWN || k == KeyCode.LEFT || k == KeyCode.RIGHT) {
                int nr = ref.row() + (k == KeyCode.DOWN ? 1 : k == KeyCode.UP ? -1 : 0);
                int nc = ref.col() + (k == KeyCode.RIGHT ? 1 : k == KeyCode.LEFT ? -1 : 0);
                if (nr >= 0 && nr < cells.length && nc >= 0 && nc < cells[nr].length && cells[nr][nc] != null) cells[nr][nc].requestFocus();
                e.consume();
            }
        });
        pool.add(l);
        return l;
    }

    private Label header(int i, String id, String styleClass, String text, String tooltip, String accessible) {
        Label h = take(i);
        h.getProperties().remove(REF);
        h.setId(id);
        h.getStyleClass().setAll("label", styleClass);
        h.setText(text);
        h.setFocusTraversable(false);
        h.setAccessibleRole(AccessibleRole.TEXT);
        h.setAccessibleText(accessible);
        h.setMaxWidth(USE_COMPUTED_SIZE);
        if (tooltip == null) {
            h.setTooltip(null);
        } else if (h.getTooltip() == null) {
            h.setTooltip(new Tooltip(tooltip));
        } else {
            h.getTooltip().setText(tooltip);
        }
        return h;
    }

    private Label cell(int i, Segment s, Need n, CellSummary sum, int r, int c, Lang lang) {
        boolean changed = vm.changed(s, n);
        Label l = take(i);
        l.getProperties().put(REF, new CellRef(s, n, r, c));
        l.setId("cell-" + s.index() + "-" + n.name());
        if (changed) l.getStyleClass().setAll("label", "gap-cell", "cover-" + sum.level().name().toLowerCase(Locale.ROOT), "gap-changed");
        else l.getStyleClass().setAll("label", "gap-cell", "cover-" + sum.level().name().toLowerCase(Locale.ROOT));
        l.setText(text(sum, changed));
        l.setTooltip(null);
        l.setMaxWidth(USE_COMPUTED_SIZE);
        l.setFocusTraversable(true);
        l.setAccessibleRole(AccessibleRole.TABLE_CELL);
        String premium = GapTexts.cheapest(lang, sum);
        l.setAccessibleText(I18n.get(lang, "gaps.cell.accessible", segmentText(lang, s), GapTexts.name(lang, n), GapTexts.name(lang, sum.level()),
                sum.covering(), premium.isEmpty() ? "—" : premium) + (changed ? " " + I18n.get(lang, "gaps.cell.changed") : ""));
        cells[r][c] = l;
        return l;
    }

    /**
     * Frozen headers: the column headers stay at the top and the row headers at the left while the map scrolls by
     * ({@code dx}, {@code dy}) pixels; they are drawn above the cells.
     */
    void freeze(double dx, double dy) {
        for (javafx.scene.Node n : getChildren()) {
            if (n.getStyleClass().contains("col-header")) {
                n.setTranslateY(dy);
                n.setViewOrder(-1);
            } else if (n.getStyleClass().contains("row-header") || n.getStyleClass().contains("group-header")) {
                n.setTranslateX(dx);
                n.setViewOrder(-1);
            }
        }
    }

    /** The text in a cell: symbol, number of covering products, "+" when drafts changed it. */
    static String text(CellSummary sum, boolean changed) {
        return GapTexts.symbol(sum.level()) + " " + sum.covering() + (changed ? " +" : "");
    }

    private void open(Label l, CellRef ref) {
        if (selected != null) selected.getStyleClass().remove("gap-selected");
        selected = l;
        l.getStyleClass().add("gap-selected");
        l.requestFocus();
        vm.open(ref.segment().index(), vm.matrix().needs().indexOf(ref.need()));
        onOpen.run();
    }
}
