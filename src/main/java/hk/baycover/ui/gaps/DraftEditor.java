package hk.baycover.ui.gaps;

import hk.baycover.gaps.GapTexts;
import hk.baycover.model.AgeBasis;
import hk.baycover.model.Benefit;
import hk.baycover.model.Confidence;
import hk.baycover.model.Currency;
import hk.baycover.model.Eligibility;
import hk.baycover.model.GbaItemCover;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.NetworkRule;
import hk.baycover.model.PartialDate;
import hk.baycover.model.PreExistingRule;
import hk.baycover.model.PremiumFrequency;
import hk.baycover.model.PremiumRow;
import hk.baycover.model.PremiumStatus;
import hk.baycover.model.PremiumTable;
import hk.baycover.model.Product;
import hk.baycover.model.ProductKind;
import hk.baycover.model.Region;
import hk.baycover.model.Requirement;
import hk.baycover.model.Underwriting;
import hk.baycover.ui.common.UiContext;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The what-if form: a new draft or a clone of a catalog product. Eligibility (entry ages, renewal age, requirements,
 * underwriting, pre-existing conditions), benefits (per need: regions, network, limits, deductible, co-insurance,
 * 港澳藥械通 items) and a simple premium band table ("18-39 1200" per line). Field errors name the field; the draft is
 * then checked as a products pack before it is saved.
 */
final class DraftEditor extends VBox {

    private final UiContext ctx;
    private final TextField id = field("draft-id");
    private final TextField nameEn = field("draft-name-en");
    private final TextField nameZh = field("draft-name-zh");
    private final ComboBox<ProductKind> kind = combo("draft-kind", ProductKind.values());
    private final TextField minAge = field("draft-min-age");
    private final TextField maxAge = field("draft-max-age");
    private final TextField renewal = field("draft-renewal");
    private final Map<Requirement, CheckBox> requires = new EnumMap<>(Requirement.class);
    private final ComboBox<Underwriting> underwriting = combo("draft-underwriting", Underwriting.values());
    private final ComboBox<PreExistingRule> preExisting = combo("draft-preexisting", PreExistingRule.values());
    private final ObservableList<Benefit> benefits = FXCollections.observableArrayList();
    private final ListView<Benefit> benefitList = new ListView<>(benefits);
    private final ComboBox<Need> need = combo("draft-need", Need.values());
    private final Map<Region, CheckBox> regions = new EnumMap<>(Region.class);
    private final ComboBox<NetworkRule> network = combo("draft-network", NetworkRule.values());
    private final ComboBox<Currency> currency = combo("draft-currency", Currency.values());
    private final TextField limit = field("draft-limit");
    private final TextField deductible = field("draft-deductible");
    private final TextField coInsurance = field("draft-coinsurance");
    private final ComboBox<GbaItemCover> gba = combo("draft-gba", GbaItemCover.values());
    private final ComboBox<Currency> premiumCurrency = combo("draft-premium-currency", Currency.values());
    private final TextArea premiumRows = new TextArea();
    private final Label errors = new Label();
    private String basedOn;
    private String previousId;
    private Consumer<Product> onSave = p -> { };
    private Runnable onCancel = () -> { };

    DraftEditor(UiContext ctx) {
        this.ctx = ctx;
        setId("draft-editor");
        setSpacing(6);
        setPadding(new Insets(8));
        Lang lang = ctx.tr().lang();

        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        int r = 0;
        g.addRow(r++, label("gaps.form.id", id), id);
        g.addRow(r++, label("gaps.form.nameEn", nameEn), nameEn);
        g.addRow(r++, label("gaps.form.nameZh", nameZh), nameZh);
        g.addRow(r++, label("gaps.form.kind", kind), kind);
        g.addRow(r++, label("gaps.form.minAge", minAge), minAge);
        g.addRow(r++, label("gaps.form.maxAge", maxAge), maxAge);
        g.addRow(r++, label("gaps.form.renewal", renewal), renewal);
        g.addRow(r++, label("gaps.form.underwriting", underwriting), underwriting);
        g.addRow(r, label("gaps.form.preExisting", preExisting), preExisting);

        FlowPane reqBox = new FlowPane(8, 4);
        for (Requirement q : Requirement.values()) {
            CheckBox cb = new CheckBox();
            cb.setId("draft-req-" + q.name());
            cb.setText(GapTexts.name(lang, q));
            requires.put(q, cb);
            reqBox.getChildren().add(cb);
        }

        benefitList.setId("draft-benefits");
        benefitList.setPrefHeight(110);
        benefitList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Benefit b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : describe(b));
            }
        });
        benefitList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) loadBenefit(b);
        });
        benefitList.accessibleTextProperty().bind(ctx.tr().bind("gaps.form.benefits"));
        FlowPane regionBox = new FlowPane(8, 4);
        for (Region reg : Region.values()) {
            CheckBox cb = new CheckBox(GapTexts.name(lang, reg));
            cb.setId("draft-region-" + reg.name());
            regions.put(reg, cb);
            regionBox.getChildren().add(cb);
        }
        GridPane bg = new GridPane();
        bg.setHgap(6);
        bg.setVgap(4);
        int b = 0;
        bg.addRow(b++, label("gaps.form.need", need), need);
        bg.addRow(b++, label("gaps.form.network", network), network);
        bg.addRow(b++, label("gaps.form.currency", currency), currency);
        bg.addRow(b++, label("gaps.form.limit", limit), limit);
        bg.addRow(b++, label("gaps.form.deductible", deductible), deductible);
        bg.addRow(b++, label("gaps.form.coInsurance", coInsurance), coInsurance);
        bg.addRow(b, label("gaps.form.gba", gba), gba);
        Button add = button("draft-benefit-add", "gaps.form.benefitAdd", e -> addBenefit(false));
        Button update = button("draft-benefit-update", "gaps.form.benefitUpdate", e -> addBenefit(true));
        Button remove = button("draft-benefit-remove", "gaps.form.benefitRemove", e -> {
            Benefit sel = benefitList.getSelectionModel().getSelectedItem();
            if (sel != null) benefits.remove(sel);
        });

        premiumRows.setId("draft-premiums");
        premiumRows.setPrefRowCount(4);
        premiumRows.promptTextProperty().bind(ctx.tr().bind("gaps.form.premiumsPrompt"));
        premiumRows.accessibleTextProperty().bind(ctx.tr().bind("gaps.form.premiums"));

        errors.setId("draft-errors");
        errors.setWrapText(true);
        errors.getStyleClass().add("error-text");

        Label sample = new Label();
        sample.textProperty().bind(ctx.tr().bind("gaps.draft.sampleNote"));
        sample.getStyleClass().add("sample-badge");
        sample.setWrapText(true);

        Button save = button("draft-save", "gaps.form.save", e -> save());
        save.setDefaultButton(false);
        Button cancel = button("draft-cancel", "action.cancel", e -> onCancel.run());

        getChildren().addAll(title("gaps.form.title"), sample, g, title("gaps.form.requires"), reqBox, title("gaps.form.benefits"), benefitList,
                bg, regionLabel(), regionBox, new HBox(6, add, update, remove), title("gaps.form.premiums"), premiumCurrency, premiumRows,
                errors, new HBox(6, save, cancel));
        clear();
    }

    void onSave(Consumer<Product> action) { this.onSave = action; }

    void onCancel(Runnable action) { this.onCancel = action; }

    String basedOn() { return basedOn; }

    String previousId() { return previousId; }

    /** A blank draft with a fresh id. */
    void newDraft(String freshId) {
        clear();
        id.setText(freshId);
        nameEn.setText(ctx.tr().get("gaps.draft.newName"));
    }

    /** Fills the form from a product: a clone of a catalog product (new id) or an existing draft (edit). */
    void load(Product p, String draftId, String basedOnId, boolean editing) {
        clear();
        basedOn = basedOnId;
        previousId = editing ? p.id() : null;
        id.setText(draftId);
        nameEn.setText(p.name().en() == null ? "" : p.name().en() + (editing ? "" : " " + ctx.tr().get("gaps.draft.cloneSuffix")));
        nameZh.setText(p.name().zhHant() == null ? "" : p.name().zhHant() + (editing ? "" : " " + ctx.tr().get("gaps.draft.cloneSuffix")));
        kind.setValue(p.kind());
        Eligibility e = p.eligibility();
        minAge.setText(e.minEntryAge() == null ? "" : e.minEntryAge().toString());
        maxAge.setText(e.maxEntryAge() == null ? "" : e.maxEntryAge().toString());
        renewal.setText(e.maxRenewalAge() == null ? "" : e.maxRenewalAge().toString());
        for (Requirement q : e.requires()) requires.get(q).setSelected(true);
        underwriting.setValue(e.underwriting());
        preExisting.setValue(e.preExisting());
        benefits.setAll(p.benefits());
        PremiumTable t = p.premiums();
        if (t.currency() != null) premiumCurrency.setValue(t.currency());
        StringBuilder sb = new StringBuilder();
        for (PremiumRow row : t.rows()) {
            if (row.sex() != null || row.smoker() != null || row.option() != null) continue;
            BigDecimal annual = row.amount().multiply(BigDecimal.valueOf(t.frequency().perYear()));
            sb.append(row.ageFrom()).append('-').append(row.ageTo()).append(' ').append(annual.stripTrailingZeros().toPlainString()).append('\n');
        }
        premiumRows.setText(sb.toString().strip());
    }

    private void clear() {
        basedOn = null;
        previousId = null;
        id.clear();
        nameEn.clear();
        nameZh.clear();
        kind.setValue(ProductKind.COMMERCIAL_MEDICAL);
        minAge.clear();
        maxAge.clear();
        renewal.clear();
        requires.values().forEach(c -> c.setSelected(false));
        underwriting.setValue(Underwriting.NOT_STATED);
        preExisting.setValue(PreExistingRule.NOT_STATED);
        benefits.clear();
        need.setValue(Need.INPATIENT);
        regions.values().forEach(c -> c.setSelected(false));
        regions.get(Region.GBA_MAINLAND).setSelected(true);
        network.setValue(NetworkRule.ANY);
        currency.setValue(Currency.HKD);
        limit.clear();
        deductible.clear();
        coInsurance.clear();
        gba.setValue(GbaItemCover.NOT_STATED);
        premiumCurrency.setValue(Currency.HKD);
        premiumRows.clear();
        errors.setText("");
    }

    private void loadBenefit(Benefit b) {
        need.setValue(b.need());
        regions.forEach((reg, cb) -> cb.setSelected(b.regions().contains(reg)));
        network.setValue(b.network());
        Money any = b.annualLimit() != null ? b.annualLimit() : b.deductible();
        if (any != null) currency.setValue(any.currency());
        limit.setText(b.annualLimit() == null ? "" : b.annualLimit().amount().toPlainString());
        deductible.setText(b.deductible() == null ? "" : b.deductible().amount().toPlainString());
        coInsurance.setText(b.coInsurance() == null ? "" : b.coInsurance().toPlainString());
        gba.setValue(b.gbaItems());
    }

    private void addBenefit(boolean replaceSelected) {
        List<String> problems = new ArrayList<>();
        Benefit b = benefitFromForm(problems);
        if (!problems.isEmpty()) {
            errors.setText(String.join("\n", problems));
            return;
        }
        errors.setText("");
        int sel = benefitList.getSelectionModel().getSelectedIndex();
        if (replaceSelected && sel >= 0) benefits.set(sel, b);
        else benefits.add(b);
    }

    private Benefit benefitFromForm(List<String> problems) {
        List<Region> where = regions.entrySet().stream().filter(e -> e.getValue().isSelected()).map(Map.Entry::getKey).toList();
        Currency cur = currency.getValue();
        BigDecimal lim = decimal(limit, "gaps.form.limit", problems);
        BigDecimal ded = decimal(deductible, "gaps.form.deductible", problems);
        BigDecimal co = decimal(coInsurance, "gaps.form.coInsurance", problems);
        if (co != null && co.compareTo(BigDecimal.valueOf(100)) > 0) problems.add(ctx.tr().get("gaps.form.percent", ctx.tr().get("gaps.form.coInsurance"), co));
        return new Benefit(need.getValue(), where, network.getValue(), null, lim == null ? null : new Money(lim, cur), null,
                ded == null ? null : new Money(ded, cur), co, null, gba.getValue(), null, null, null, null, true);
    }

    /** Builds the draft from the form; field problems are listed (naming the field) and null is returned. */
    Product product() {
        List<String> problems = new ArrayList<>();
        String draftId = id.getText() == null ? "" : id.getText().strip();
        if (!draftId.matches("[a-z0-9][a-z0-9._-]{1,79}")) problems.add(ctx.tr().get("gaps.form.badId", draftId));
        if (blank(nameEn) && blank(nameZh)) problems.add(ctx.tr().get("gaps.form.noName"));
        Integer min = integer(minAge, "gaps.form.minAge", problems);
        Integer max = integer(maxAge, "gaps.form.maxAge", problems);
        Integer ren = integer(renewal, "gaps.form.renewal", problems);
        List<Requirement> req = requires.entrySet().stream().filter(e -> e.getValue().isSelected()).map(Map.Entry::getKey).toList();
        if (benefits.isEmpty()) problems.add(ctx.tr().get("gaps.form.noBenefits"));
        List<PremiumRow> rows = new ArrayList<>();
        String[] lines = premiumRows.getText() == null ? new String[0] : premiumRows.getText().split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,3})\\s*[-–]\\s*(\\d{1,3})\\s+([0-9]+(?:\\.[0-9]{1,2})?)").matcher(line);
            if (!m.matches()) {
                problems.add(ctx.tr().get("gaps.form.badPremiumLine", i + 1, line));
                continue;
            }
            rows.add(new PremiumRow(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), null, null, null, new BigDecimal(m.group(3))));
        }
        if (!problems.isEmpty()) {
            errors.setText(String.join("\n", problems));
            return null;
        }
        errors.setText("");
        PremiumTable premiums = rows.isEmpty() ? new PremiumTable(PremiumStatus.NOT_PUBLISHED, null, null, null, null, null, null, null, null, null, true)
                : new PremiumTable(PremiumStatus.TABLE, premiumCurrency.getValue(), PremiumFrequency.ANNUAL, AgeBasis.LAST_BIRTHDAY, null, rows, null,
                null, null, Confidence.LOW, true);
        Eligibility e = new Eligibility(min, max, AgeBasis.LAST_BIRTHDAY, ren, req, underwriting.getValue(), preExisting.getValue(), null, null, null);
        LocalizedText name = LocalizedText.of(blank(nameZh) ? null : nameZh.getText().strip(), null, blank(nameEn) ? null : nameEn.getText().strip());
        return new Product(draftId, kind.getValue(), name, null, null, null, null, null, e, List.copyOf(benefits), premiums, List.of(),
                PartialDate.of(ctx.today()), Confidence.LOW, null, true);
    }

    /** Shows problems found when the draft was checked as a pack (pointers turned into field names). */
    void showProblems(String text) {
        errors.setText(text);
    }

    private void save() {
        Product p = product();
        if (p != null) onSave.accept(p);
    }

    private String describe(Benefit b) {
        Lang lang = ctx.tr().lang();
        StringBuilder sb = new StringBuilder(GapTexts.name(lang, b.need()));
        sb.append(" · ").append(b.regions().isEmpty() ? ctx.tr().get("gaps.form.anywhere")
                : String.join("/", b.regions().stream().map(x -> GapTexts.name(lang, x)).toList()));
        sb.append(" · ").append(GapTexts.name(lang, b.network()));
        if (b.annualLimit() != null) sb.append(" · ").append(GapTexts.money(lang, b.annualLimit()));
        if (b.deductible() != null) sb.append(" · ").append(ctx.tr().get("cover.deductible", GapTexts.money(lang, b.deductible())));
        return sb.toString();
    }

    private Integer integer(TextField f, String key, List<String> problems) {
        if (blank(f)) return null;
        try {
            int v = Integer.parseInt(f.getText().strip());
            if (v < 0 || v > 130) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            problems.add(ctx.tr().get("gaps.form.badAge", ctx.tr().get(key), f.getText().strip()));
            return null;
        }
    }

    private BigDecimal decimal(TextField f, String key, List<String> problems) {
        if (blank(f)) return null;
        try {
            BigDecimal v = new BigDecimal(f.getText().strip().replace(",", ""));
            if (v.signum() < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            problems.add(ctx.tr().get("gaps.form.badAmount", ctx.tr().get(key), f.getText().strip()));
            return null;
        }
    }

    private static boolean blank(TextField f) {
        return f.getText() == null || f.getText().isBlank();
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(12);
        return f;
    }

    private <E extends Enum<E>> ComboBox<E> combo(String id, E[] values) {
        ComboBox<E> c = new ComboBox<>(FXCollections.observableArrayList(values));
        c.setId(id);
        Function<E, String> name = v -> v == null ? "" : GapTexts.name(ctx.tr().lang(), v);
        c.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(E item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : name.apply(item));
            }
        });
        c.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(E item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : name.apply(item));
            }
        });
        return c;
    }

    private Label label(String key, javafx.scene.control.Control target) {
        Label l = new Label();
        l.textProperty().bind(ctx.tr().bind(key));
        l.setLabelFor(target);
        target.accessibleTextProperty().bind(ctx.tr().bind(key));
        return l;
    }

    private Label regionLabel() {
        Label l = new Label();
        l.textProperty().bind(ctx.tr().bind("gaps.form.regions"));
        return l;
    }

    private Label title(String key) {
        Label l = new Label();
        l.textProperty().bind(ctx.tr().bind(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    private Button button(String id, String key, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(ctx.tr().bind(key));
        b.setOnAction(action);
        return b;
    }
}
