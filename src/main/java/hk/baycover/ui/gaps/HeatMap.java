package hk.baycover.ui.gaps;

import hk.baycover.gaps.CellSummary;
import hk.baycover.gaps.GapTexts;
import hk.baycover.gaps.Segment;
import hk.baycover.i18n.I18n;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Lang;
import hk.baycover.model.Need;
import javafx.application.Platform;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The heat map, virtual: it has the size of the whole matrix, but only the cells, row headers and column headers that
 * are in (or next to) the scrolled viewport exist as nodes — about one screenful of labels, re-used as the map
 * scrolls, whatever the number of segments and needs. (A node per cell, 2,000 labels for the default segments, took
 * the FX thread 1.2–1.4 s on every render on a 2-core machine: issue 12's "never freeze".)
 * <p>
 * Every shown cell is a focusable label (arrow keys move, scrolling the map when the next cell is out of view; Enter,
 * Space or a click opens), carries its level by colour AND by a symbol and a number, and reads out its segment, need,
 * level and cheapest premium. Rows and columns show their uncovered counts; group titles separate the row groups.
 * Headers stay frozen at the top and left of the viewport (the owner reports the viewport with {@link #setViewport}).
 * Pivot: segments as rows (default) or as columns.
 */
final class HeatMap extends Region {

    /** What a shown label stands for: a cell (row, col), a row header, a column header, a group title line, the corner. */
    private record Key(char kind, int a, int b) {
        static Key cell(int r, int c) { return new Key('c', r, c); }
    }

    private static final String KEY = "gap-key";
    /** Rows and columns laid out beyond each side of the viewport, so a small scroll shows no empty edge. */
    private static final int MARGIN = 1;

    private final GapsViewModel vm;
    private final Map<Key, Label> shown = new HashMap<>();
    private final ArrayDeque<Label> spare = new ArrayDeque<>();
    private final Label probeCell = probe("gap-cell", "cover-full");
    private final Label probeRow = probe("row-header");
    private final Label probeCol = probe("col-header");
    private final Label probeGroup = probe("group-header");

    // ---- what is drawn (from the view model, on render)
    private Lang lang = Lang.ZH_HK;
    private boolean swap;
    private boolean blankCovered;
    private List<Segment> segments = List.of();
    private List<Need> needs = List.of();
    private int rows;
    private int cols;
    private CellSummary[][] sums = new CellSummary[0][0];
    private boolean[][] changed = new boolean[0][0];
    private String[] rowText = new String[0];
    private String[] rowFull = new String[0];
    private String[] rowAccessible = new String[0];
    private String[] colText = new String[0];
    private String[] colFull = new String[0];
    private String[] colAccessible = new String[0];
    /** Line i is a group title when {@code lineGroup[i] != null}, else row {@code lineRow[i]}. */
    private String[] lineGroup = new String[0];
    private int[] lineRow = new int[0];
    private int[] lineOfRow = new int[0];
    private final Map<Segment, String> segmentTexts = new HashMap<>();

    // ---- geometry (measured from the CSS: font, padding, text size)
    private boolean measured;
    /** The font the geometry was measured with: a new text size measures anew. */
    private Font measuredFont;
    private double rowH;
    private double groupH;
    private double headerH;
    private double rowHeaderW;
    private double colW;
    private double[] lineY = new double[0];
    private double contentH;

    // ---- viewport (content coordinates) and focus
    private double viewX;
    private double viewY;
    private double viewW = 800;
    private double viewH = 600;
    private Key selected;
    private Key pendingFocus;
    private Runnable onOpen = () -> { };
    private Consumer<Bounds> onReveal = b -> { };

    HeatMap(GapsViewModel vm) {
        this.vm = vm;
        setId("heat-map");
        getStyleClass().add("heat-map");
        setAccessibleRole(AccessibleRole.TABLE_VIEW);
        getChildren().addAll(probeCell, probeRow, probeCol, probeGroup);
    }

    private static Label probe(String... styleClasses) {
        Label l = new Label("● 000 +");
        l.getStyleClass().addAll(styleClasses);
        l.setManaged(false);
        l.setVisible(false);
        l.setFocusTraversable(false);
        return l;
    }

    /** Called after the user opened a cell (the screen shows the cell's tab). */
    void setOnOpen(Runnable action) { this.onOpen = action; }

    /** Called with a part of the map (content coordinates) that must be scrolled into view. */
    void setOnReveal(Consumer<Bounds> action) { this.onReveal = action; }

    /** The scrolled viewport in the map's coordinates: only what is in it (and a row or column around) becomes nodes. */
    void setViewport(double x, double y, double w, double h) {
        if (x == viewX && y == viewY && w == viewW && h == viewH) return;
        viewX = x;
        viewY = y;
        viewW = w;
        viewH = h;
        requestLayout();
    }

    /** Draws the current matrix with the filters and pivot. */
    void render() {
        selected = null;
        pendingFocus = null;
        segmentTexts.clear();
        for (Label l : shown.values()) release(l);
        shown.clear();
        buildModel();
        measured = false;
        requestLayout();
    }

    // ------------------------------------------------------------------ model

    private void buildModel() {
        lang = vm.lang();
        if (vm.matrix() == null) {
            rows = cols = 0;
            segments = List.of();
            needs = List.of();
            lineGroup = new String[0];
            lineRow = new int[0];
            return;
        }
        segments = vm.visibleSegments();
        needs = vm.visibleNeeds();
        setAccessibleText(I18n.get(lang, "gaps.map.accessible", segments.size(), needs.size()));
        swap = vm.swapAxesProperty().get();
        blankCovered = vm.uncoveredOnlyProperty().get();
        rows = swap ? needs.size() : segments.size();
        cols = swap ? segments.size() : needs.size();
        sums = new CellSummary[rows][cols];
        changed = new boolean[rows][cols];
        Set<Long> changedCells = new HashSet<>();
        if (vm.diffProperty().get() != null) {
            for (var c : vm.diffProperty().get().changes()) changedCells.add(((long) c.after().segment().index() << 8) | c.after().need().ordinal());
        }
        int[] rowUncovered = new int[rows];
        int[] colUncovered = new int[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Segment s = segment(r, c);
                Need n = need(r, c);
                CellSummary sum = vm.cell(s, n);
                sums[r][c] = sum;
                changed[r][c] = changedCells.contains(((long) s.index() << 8) | n.ordinal());
                if (sum.uncovered()) {
                    rowUncovered[r]++;
                    colUncovered[c]++;
                }
            }
        }
        String none = GapTexts.symbol(CoverageLevel.NONE);
        colText = new String[cols];
        colFull = new String[cols];
        colAccessible = new String[cols];
        for (int c = 0; c < cols; c++) {
            String name = swap ? GapTexts.segmentShort(lang, segments.get(c)) : GapTexts.name(lang, needs.get(c));
            colFull[c] = swap ? segmentText(segments.get(c)) : name;
            colText[c] = name + "\n" + none + " " + colUncovered[c];
            colAccessible[c] = I18n.get(lang, "gaps.map.colAccessible", colFull[c], colUncovered[c]);
        }
        rowText = new String[rows];
        rowFull = new String[rows];
        rowAccessible = new String[rows];
        List<String> groups = new ArrayList<>();
        List<Integer> lineRows = new ArrayList<>();
        lineOfRow = new int[rows];
        String lastGroup = null;
        for (int r = 0; r < rows; r++) {
            String name = swap ? GapTexts.name(lang, needs.get(r)) : GapTexts.segmentShort(lang, segments.get(r));
            rowFull[r] = swap ? name : segmentText(segments.get(r));
            rowText[r] = name + "   " + none + " " + rowUncovered[r];
            rowAccessible[r] = I18n.get(lang, "gaps.map.rowAccessible", rowFull[r], rowUncovered[r]);
            if (!swap) {
                String group = vm.groupLabel(segments.get(r));
                if (!Objects.equals(group, lastGroup)) {
                    groups.add(group);
                    lineRows.add(-1);
                    lastGroup = group;
                }
            }
            lineOfRow[r] = lineRows.size();
            groups.add(null);
            lineRows.add(r);
        }
        lineGroup = groups.toArray(new String[0]);
        lineRow = lineRows.stream().mapToInt(Integer::intValue).toArray();
    }

    private Segment segment(int r, int c) { return swap ? segments.get(c) : segments.get(r); }

    private Need need(int r, int c) { return swap ? needs.get(r) : needs.get(c); }

    private String segmentText(Segment s) {
        return segmentTexts.computeIfAbsent(s, x -> GapTexts.segment(lang, x));
    }

    /** How many cells the map holds (shown or scrolled away); blank covered cells under "uncovered only" count too. */
    int cellCount() { return rows * cols; }

    /** How many cell labels exist now (at most about a screenful). */
    int shownCellCount() {
        int n = 0;
        for (Key k : shown.keySet()) if (k.kind() == 'c') n++;
        return n;
    }

    /** Row index of a segment (segments as rows), or -1. */
    int rowOf(Segment s) { return swap ? -1 : segments.indexOf(s); }

    // ------------------------------------------------------------------ geometry

    private void measure() {
        if (measured) return;
        for (Label p : List.of(probeCell, probeRow, probeCol, probeGroup)) p.applyCss();
        measuredFont = probeGroup.getFont();
        double em = measuredFont.getSize();
        probeCell.setText(GapTexts.symbol(CoverageLevel.PARTIAL) + " 000 +");
        rowH = Math.ceil(Math.max(probeCell.prefHeight(-1), probeRow.prefHeight(-1)));
        groupH = Math.ceil(probeGroup.prefHeight(-1));
        colW = Math.ceil(Math.max(probeCell.prefWidth(-1), (swap ? 9 : 7.5) * em));
        double w = 0;
        for (int r = 0; r < rows; r++) {
            probeRow.setText(rowText[r]);
            w = Math.max(w, probeRow.prefWidth(-1));
        }
        rowHeaderW = Math.ceil(w);
        double h = 0;
        for (int c = 0; c < cols; c++) {
            probeCol.setText(colText[c]);
            h = Math.max(h, probeCol.prefHeight(colW));
        }
        headerH = Math.ceil(h);
        lineY = new double[lineRow.length + 1];
        double y = snappedTopInset() + headerH;
        for (int i = 0; i < lineRow.length; i++) {
            lineY[i] = y;
            y += lineGroup[i] != null ? groupH : rowH;
        }
        lineY[lineRow.length] = y;
        contentH = y + snappedBottomInset();
        measured = true;
    }

    private double cellX(int c) { return snappedLeftInset() + rowHeaderW + c * colW; }

    @Override
    protected double computePrefWidth(double height) {
        measure();
        return snappedLeftInset() + rowHeaderW + cols * colW + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        measure();
        return contentH;
    }

    @Override
    protected double computeMinWidth(double height) { return computePrefWidth(height); }

    @Override
    protected double computeMinHeight(double width) { return computePrefHeight(width); }

    /** The part of the map a cell takes (content coordinates). */
    Bounds cellBounds(int r, int c) {
        measure();
        int line = lineOfRow[r];
        return new BoundingBox(cellX(c), lineY[line], colW, rowH);
    }

    /** Where a row's group title starts (or the row itself when it has none above it), for "open on the retirees". */
    double groupTop(int r) {
        measure();
        int line = lineOfRow[r];
        if (line > 0 && lineGroup[line - 1] != null) line--;
        return lineY[line];
    }

    /** Height of the frozen column headers. */
    double headerHeight() {
        measure();
        return headerH;
    }

    /** Width of the frozen row headers. */
    double rowHeaderWidth() {
        measure();
        return rowHeaderW;
    }

    // ------------------------------------------------------------------ layout: only what is in view becomes nodes

    @Override
    protected void layoutChildren() {
        // a Region has no font: the (hidden) probes carry the CSS one, and a new text size measures everything anew
        probeGroup.applyCss();
        if (!probeGroup.getFont().equals(measuredFont)) {
            measured = false;
            requestParentLayout();
        }
        measure();
        double ox = snappedLeftInset();
        double oy = snappedTopInset();
        Map<Key, double[]> wanted = new HashMap<>();
        if (rows > 0 && cols > 0) {
            // the columns right of the frozen row headers, the lines under the frozen column headers
            int c0 = Math.max(0, (int) Math.floor((viewX - ox) / colW) - MARGIN);
            int c1 = Math.min(cols - 1, (int) Math.floor((viewX + viewW - ox - rowHeaderW) / colW) + MARGIN);
            int l0 = Math.max(0, lineAt(viewY + headerH) - MARGIN);
            int l1 = Math.min(lineRow.length - 1, lineAt(viewY + viewH) + MARGIN);
            double top = Math.max(oy, viewY);
            double left = Math.max(ox, viewX);
            wanted.put(new Key('x', 0, 0), new double[] {left, top, rowHeaderW, headerH});
            for (int c = c0; c <= c1; c++) wanted.put(new Key('h', c, 0), new double[] {cellX(c), top, colW, headerH});
            for (int i = l0; i <= l1; i++) {
                if (lineGroup[i] != null) {
                    wanted.put(new Key('g', i, 0), new double[] {left, lineY[i], Math.max(viewW, rowHeaderW), groupH});
                    continue;
                }
                int r = lineRow[i];
                wanted.put(new Key('r', r, 0), new double[] {left, lineY[i], rowHeaderW, rowH});
                for (int c = c0; c <= c1; c++) {
                    if (blankCovered && !sums[r][c].uncovered()) continue; // "uncovered only": covered cells are left blank
                    wanted.put(Key.cell(r, c), new double[] {cellX(c), lineY[i], colW, rowH});
                }
            }
        }
        // let go of what scrolled away (but never of the focused cell: the keyboard stays where it was)
        for (Iterator<Map.Entry<Key, Label>> it = shown.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Label> e = it.next();
            if (wanted.containsKey(e.getKey())) continue;
            if (e.getValue().isFocused() && e.getKey().kind() == 'c' && e.getKey().a() < rows && e.getKey().b() < cols) {
                Key k = e.getKey();
                e.getValue().resizeRelocate(cellX(k.b()), lineY[lineOfRow[k.a()]], colW, rowH);
                continue;
            }
            release(e.getValue());
            it.remove();
        }
        for (Map.Entry<Key, double[]> e : wanted.entrySet()) {
            Label l = shown.get(e.getKey());
            if (l == null) {
                l = take();
                configure(l, e.getKey());
                l.applyCss();
                shown.put(e.getKey(), l);
            }
            double[] b = e.getValue();
            l.resizeRelocate(b[0], b[1], b[2], b[3]);
        }
        if (pendingFocus != null) {
            Label l = shown.get(pendingFocus);
            pendingFocus = null;
            if (l != null) Platform.runLater(l::requestFocus);
        }
    }

    /** The line at content height {@code y} (binary search over the line tops). */
    private int lineAt(double y) {
        int i = Arrays.binarySearch(lineY, 0, lineRow.length, y);
        if (i < 0) i = -i - 2;
        return Math.max(0, Math.min(lineRow.length - 1, i));
    }

    private Label take() {
        Label l = spare.poll();
        if (l != null) {
            l.setVisible(true);
            return l;
        }
        Label n = new Label();
        n.setManaged(false);
        n.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (n.getProperties().get(KEY) instanceof Key k && k.kind() == 'c') open(k);
        });
        n.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (!(n.getProperties().get(KEY) instanceof Key k) || k.kind() != 'c') return;
            KeyCode code = e.getCode();
            if (code == KeyCode.ENTER || code == KeyCode.SPACE) {
                open(k);
                e.consume();
            } else if (code == KeyCode.UP || code == KeyCode.DOWN || code == KeyCode.LEFT || code == KeyCode.RIGHT) {
                int nr = k.a() + (code == KeyCode.DOWN ? 1 : code == KeyCode.UP ? -1 : 0);
                int nc = k.b() + (code == KeyCode.RIGHT ? 1 : code == KeyCode.LEFT ? -1 : 0);
                if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && (!blankCovered || sums[nr][nc].uncovered())) focusCell(nr, nc);
                e.consume();
            }
        });
        getChildren().add(n);
        return n;
    }

    private void release(Label l) {
        l.setVisible(false);
        l.setId(null);
        l.getProperties().remove(KEY);
        l.setFocusTraversable(false);
        spare.push(l);
    }

    private void configure(Label l, Key k) {
        l.getProperties().put(KEY, k);
        switch (k.kind()) {
            case 'c' -> cell(l, k.a(), k.b());
            case 'h' -> header(l, "col-" + (swap ? "s" + segments.get(k.a()).index() : needs.get(k.a()).name()), "col-header",
                    colText[k.a()], colFull[k.a()], colAccessible[k.a()], -2);
            case 'r' -> header(l, "row-" + (swap ? needs.get(k.a()).name() : "s" + segments.get(k.a()).index()), "row-header",
                    rowText[k.a()], rowFull[k.a()], rowAccessible[k.a()], -1);
            case 'g' -> header(l, null, "group-header", lineGroup[k.a()], null, lineGroup[k.a()], -1);
            default -> header(l, "heat-map-corner", "col-header", "", null, "", -3);
        }
    }

    private void header(Label h, String id, String styleClass, String text, String tooltip, String accessible, int order) {
        h.setId(id);
        h.getStyleClass().setAll("label", styleClass);
        h.setText(text);
        h.setWrapText("col-header".equals(styleClass));
        h.setFocusTraversable(false);
        h.setAccessibleRole(AccessibleRole.TEXT);
        h.setAccessibleText(accessible);
        h.setViewOrder(order);
        if (tooltip == null) {
            h.setTooltip(null);
        } else if (h.getTooltip() == null) {
            h.setTooltip(new Tooltip(tooltip));
        } else {
            h.getTooltip().setText(tooltip);
        }
    }

    private void cell(Label l, int r, int c) {
        Segment s = segment(r, c);
        Need n = need(r, c);
        CellSummary sum = sums[r][c];
        boolean ch = changed[r][c];
        l.setId("cell-" + s.index() + "-" + n.name());
        String level = "cover-" + sum.level().name().toLowerCase(Locale.ROOT);
        Key k = Key.cell(r, c);
        List<String> classes = new ArrayList<>(List.of("label", "gap-cell", level));
        if (ch) classes.add("gap-changed");
        if (k.equals(selected)) classes.add("gap-selected");
        l.getStyleClass().setAll(classes);
        l.setText(text(sum, ch));
        l.setWrapText(false);
        l.setTooltip(null);
        l.setViewOrder(0);
        l.setFocusTraversable(true);
        l.setAccessibleRole(AccessibleRole.TABLE_CELL);
        String premium = GapTexts.cheapest(lang, sum);
        l.setAccessibleText(I18n.get(lang, "gaps.cell.accessible", segmentText(s), GapTexts.name(lang, n), GapTexts.name(lang, sum.level()),
                sum.covering(), premium.isEmpty() ? "—" : premium) + (ch ? " " + I18n.get(lang, "gaps.cell.changed") : ""));
    }

    /** The text in a cell: symbol, number of covering products, "+" when drafts changed it. */
    static String text(CellSummary sum, boolean changed) {
        return GapTexts.symbol(sum.level()) + " " + sum.covering() + (changed ? " +" : "");
    }

    // ------------------------------------------------------------------ keyboard and opening

    /** Moves the keyboard to a cell, scrolling it into view first when needed. */
    void focusCell(int r, int c) {
        Key k = Key.cell(r, c);
        Bounds b = cellBounds(r, c);
        boolean inView = b.getMinX() >= viewX + rowHeaderW && b.getMaxX() <= viewX + viewW
                && b.getMinY() >= viewY + headerH && b.getMaxY() <= viewY + viewH;
        Label l = shown.get(k);
        if (l != null && inView) {
            l.requestFocus();
            return;
        }
        pendingFocus = k;
        onReveal.accept(b);
        requestLayout();
    }

    /** The label a segment's cell for a need has now, or null when it is not in view. */
    Label labelFor(Segment s, Need n) {
        int r = swap ? needs.indexOf(n) : segments.indexOf(s);
        int c = swap ? segments.indexOf(s) : needs.indexOf(n);
        return r < 0 || c < 0 ? null : shown.get(Key.cell(r, c));
    }

    /** Scrolls a segment's cell for a need into view and makes its label (for programmatic opening and tests). */
    Label reveal(Segment s, Need n) {
        int r = swap ? needs.indexOf(n) : segments.indexOf(s);
        int c = swap ? segments.indexOf(s) : needs.indexOf(n);
        if (r < 0 || c < 0) return null;
        onReveal.accept(cellBounds(r, c));
        layout();
        return shown.get(Key.cell(r, c));
    }

    private void open(Key k) {
        Label before = selected == null ? null : shown.get(selected);
        if (before != null) before.getStyleClass().remove("gap-selected");
        selected = k;
        Label l = shown.get(k);
        if (l != null) {
            l.getStyleClass().add("gap-selected");
            l.requestFocus();
        }
        Segment s = segment(k.a(), k.b());
        Need n = need(k.a(), k.b());
        vm.open(s.index(), vm.matrix().needs().indexOf(n));
        onOpen.run();
    }

    // ------------------------------------------------------------------ the whole map as a picture

    /**
     * The whole map (not just the part in view) drawn on a canvas, in the colours the CSS gives the cells (palette and
     * text size included): for the PNG export. Drawing is fast at any size; no node per cell is made.
     */
    WritableImage picture() {
        measure();
        Map<CoverageLevel, Paint[]> colours = new HashMap<>();
        for (CoverageLevel level : CoverageLevel.values()) {
            Label p = probe("gap-cell", "cover-" + level.name().toLowerCase(Locale.ROOT));
            getChildren().add(p);
            p.applyCss();
            Paint bg = p.getBackground() == null || p.getBackground().getFills().isEmpty() ? Color.LIGHTGRAY : p.getBackground().getFills().get(0).getFill();
            colours.put(level, new Paint[] {bg, p.getTextFill()});
            getChildren().remove(p);
        }
        double w = computePrefWidth(-1);
        double h = contentH;
        Canvas canvas = new Canvas(Math.max(1, w), Math.max(1, h));
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setTextBaseline(VPos.CENTER);
        Font cellFont = probeCell.getFont();
        Font headFont = probeCol.getFont();
        Font rowFont = probeRow.getFont();
        Font groupFont = probeGroup.getFont();
        Paint ink = probeRow.getTextFill();
        double ox = snappedLeftInset();
        double oy = snappedTopInset();
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(headFont);
        g.setFill(ink);
        for (int c = 0; c < cols; c++) {
            List<String> lines = wrap(colText[c], headFont, colW - 4);
            double lh = headerH / Math.max(1, lines.size() + 0.5);
            for (int i = 0; i < lines.size(); i++) g.fillText(lines.get(i), cellX(c) + colW / 2, oy + headerH - (lines.size() - i - 0.5) * lh, colW - 2);
        }
        for (int i = 0; i < lineRow.length; i++) {
            double y = lineY[i];
            if (lineGroup[i] != null) {
                g.setTextAlign(TextAlignment.LEFT);
                g.setFont(groupFont);
                g.setFill(ink);
                g.fillText(lineGroup[i], ox + 4, y + groupH * 0.6);
                continue;
            }
            int r = lineRow[i];
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(rowFont);
            g.setFill(ink);
            g.fillText(rowText[r], ox + 3, y + rowH / 2, rowHeaderW - 4);
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(cellFont);
            for (int c = 0; c < cols; c++) {
                CellSummary sum = sums[r][c];
                if (blankCovered && !sum.uncovered()) continue;
                Paint[] p = colours.get(sum.level());
                g.setFill(p[0]);
                g.fillRect(cellX(c), y, colW - 1, rowH - 1);
                g.setFill(p[1]);
                g.fillText(text(sum, changed[r][c]), cellX(c) + colW / 2, y + rowH / 2, colW - 4);
            }
        }
        return canvas.snapshot(null, null);
    }

    /** Breaks a header text into lines that fit {@code width} (at its line breaks, then at spaces or between CJK characters). */
    static List<String> wrap(String text, Font font, double width) {
        List<String> out = new ArrayList<>();
        Text t = new Text();
        t.setFont(font);
        for (String para : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String token : hk.baycover.i18n.LineBreaks.tokens(para)) {
                String next = line + token;
                t.setText(next);
                if (line.length() > 0 && t.getLayoutBounds().getWidth() > width) {
                    out.add(line.toString().strip());
                    line = new StringBuilder(token.stripLeading());
                } else {
                    line = new StringBuilder(next);
                }
            }
            out.add(line.toString().strip());
        }
        return out;
    }
}
