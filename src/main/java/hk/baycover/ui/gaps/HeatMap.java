package hk.baycover.ui.gaps;

import hk.baycover.gaps.CellSummary;
import hk.baycover.gaps.GapTexts;
import hk.baycover.gaps.Segment;
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

import java.util.List;
import java.util.Objects;

/**
 * The heat map: a GridPane of focusable cells (arrow keys move, Enter or Space or a click opens), rows and columns
 * with their uncovered counts, group header rows, and each cell's level shown by colour AND by a symbol and number.
 * Pivot: segments as rows (default) or as columns.
 */
final class HeatMap extends GridPane {

    private final GapsViewModel vm;
    private Label[][] cells = new Label[0][0];
    private Label selected;

    HeatMap(GapsViewModel vm) {
        this.vm = vm;
        setId("heat-map");
        getStyleClass().add("heat-map");
        setAccessibleRole(AccessibleRole.TABLE_VIEW);
    }

    /** Draws the current matrix with the filters and pivot. */
    void render() {
        getChildren().clear();
        selected = null;
        if (vm.matrix() == null) return;
        Lang lang = vm.lang();
        List<Segment> segments = vm.visibleSegments();
        List<Need> needs = vm.visibleNeeds();
        setAccessibleText(hk.baycover.i18n.I18n.get(lang, "gaps.map.accessible", segments.size(), needs.size()));
        boolean swap = vm.swapAxesProperty().get();
        int rows = swap ? needs.size() : segments.size();
        int cols = swap ? segments.size() : needs.size();
        cells = new Label[rows][cols];

        // column headers
        for (int c = 0; c < cols; c++) {
            int uncovered = 0;
            for (int r = 0; r < rows; r++) if (summary(segments, needs, swap, r, c).uncovered()) uncovered++;
            String name = swap ? GapTexts.segmentShort(lang, segments.get(c)) : GapTexts.name(lang, needs.get(c));
            Label h = new Label(name + "\n" + GapTexts.symbol(CoverageLevel.NONE) + " " + uncovered);
            h.setId("col-" + (swap ? "s" + segments.get(c).index() : needs.get(c).name()));
            h.getStyleClass().add("col-header");
            h.setMaxWidth(swap ? 9 * 12 : 7.5 * 12);
            h.setTooltip(new Tooltip(swap ? GapTexts.segment(lang, segments.get(c)) : name));
            h.setAccessibleText(hk.baycover.i18n.I18n.get(lang, "gaps.map.colAccessible", swap ? GapTexts.segment(lang, segments.get(c)) : name, uncovered));
            add(h, c + 1, 0);
        }
        int gridRow = 1;
        String lastGroup = null;
        for (int r = 0; r < rows; r++) {
            if (!swap) {
                String group = vm.groupLabel(segments.get(r));
                if (!Objects.equals(group, lastGroup)) {
                    Label g = new Label(group);
                    g.getStyleClass().add("group-header");
                    add(g, 0, gridRow++, cols + 1, 1);
                    lastGroup = group;
                }
            }
            int uncovered = 0;
            for (int c = 0; c < cols; c++) if (summary(segments, needs, swap, r, c).uncovered()) uncovered++;
            String name = swap ? GapTexts.name(lang, needs.get(r)) : GapTexts.segmentShort(lang, segments.get(r));
            Label h = new Label(name + "   " + GapTexts.symbol(CoverageLevel.NONE) + " " + uncovered);
            h.setId("row-" + (swap ? needs.get(r).name() : "s" + segments.get(r).index()));
            h.getStyleClass().add("row-header");
            h.setTooltip(new Tooltip(swap ? name : GapTexts.segment(lang, segments.get(r))));
            h.setAccessibleText(hk.baycover.i18n.I18n.get(lang, "gaps.map.rowAccessible", swap ? name : GapTexts.segment(lang, segments.get(r)), uncovered));
            add(h, 0, gridRow);
            for (int c = 0; c < cols; c++) {
                Segment s = swap ? segments.get(c) : segments.get(r);
                Need n = swap ? needs.get(r) : needs.get(c);
                add(cell(s, n, r, c, lang), c + 1, gridRow);
            }
            gridRow++;
        }
    }

    private CellSummary summary(List<Segment> segments, List<Need> needs, boolean swap, int r, int c) {
        return swap ? vm.cell(segments.get(c), needs.get(r)) : vm.cell(segments.get(r), needs.get(c));
    }

    private Label cell(Segment s, Need n, int r, int c, Lang lang) {
        CellSummary sum = vm.cell(s, n);
        boolean changed = vm.changed(s, n);
        Label l = new Label(text(sum, changed));
        l.setId("cell-" + s.index() + "-" + n.name());
        l.getStyleClass().addAll("gap-cell", "cover-" + sum.level().name().toLowerCase(java.util.Locale.ROOT));
        if (changed) l.getStyleClass().add("gap-changed");
        l.setFocusTraversable(true);
        l.setAccessibleRole(AccessibleRole.TABLE_CELL);
        String acc = GapTexts.cellAccessible(lang, sum) + (changed ? " " + hk.baycover.i18n.I18n.get(lang, "gaps.cell.changed") : "");
        l.setAccessibleText(acc);
        l.setTooltip(new Tooltip(acc));
        l.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> open(l, s, n));
        l.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            KeyCode k = e.getCode();
            if (k == KeyCode.ENTER || k == KeyCode.SPACE) {
                open(l, s, n);
                e.consume();
            } else if (k == KeyCode.UP || k == KeyCode.DOWN || k == KeyCode.LEFT || k == KeyCode.RIGHT) {
                int nr = r + (k == KeyCode.DOWN ? 1 : k == KeyCode.UP ? -1 : 0);
                int nc = c + (k == KeyCode.RIGHT ? 1 : k == KeyCode.LEFT ? -1 : 0);
                if (nr >= 0 && nr < cells.length && nc >= 0 && nc < cells[nr].length && cells[nr][nc] != null) cells[nr][nc].requestFocus();
                e.consume();
            }
        });
        cells[r][c] = l;
        return l;
    }

    /** The text in a cell: symbol, number of covering products, "+" when drafts changed it. */
    static String text(CellSummary sum, boolean changed) {
        return GapTexts.symbol(sum.level()) + " " + sum.covering() + (changed ? " +" : "");
    }

    private void open(Label l, Segment s, Need n) {
        if (selected != null) selected.getStyleClass().remove("gap-selected");
        selected = l;
        l.getStyleClass().add("gap-selected");
        l.requestFocus();
        vm.open(s.index(), vm.matrix().needs().indexOf(n));
    }
}
