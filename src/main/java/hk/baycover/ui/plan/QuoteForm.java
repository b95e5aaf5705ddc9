package hk.baycover.ui.plan;

import hk.baycover.model.Currency;
import hk.baycover.model.InsurerQuote;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.NetworkRule;
import hk.baycover.model.PremiumFrequency;
import hk.baycover.model.StanceKind;
import hk.baycover.ui.common.UiContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The insurer's answer for one product, as the agent types it: the date and reference of the answer, a premium, and any
 * term the insurer confirmed (limits, deductible, the client's share, entry and renewal ages, waiting period, whether
 * the client's hospitals are accepted, the 港澳藥械通 stance). Blank means "not answered". {@link #quote()} checks every
 * field and names the ones to fix in plain words; it builds nothing until all are right.
 */
final class QuoteForm extends GridPane {

    private final UiContext ctx;
    private final String productId;
    private final TextField date = new TextField();
    private final TextField reference = new TextField();
    private final TextField premium = new TextField();
    private final ComboBox<Currency> currency = new ComboBox<>();
    private final ComboBox<PremiumFrequency> frequency = new ComboBox<>();
    private final ComboBox<Need> need = new ComboBox<>();
    private final TextField annualLimit = new TextField();
    private final TextField perEventLimit = new TextField();
    private final TextField deductible = new TextField();
    private final TextField coInsurance = new TextField();
    private final TextField minAge = new TextField();
    private final TextField maxAge = new TextField();
    private final TextField renewal = new TextField();
    private final TextField waiting = new TextField();
    private final ComboBox<NetworkRule> network = new ComboBox<>();
    private final ComboBox<StanceKind> drugs = new ComboBox<>();
    private final ComboBox<StanceKind> devices = new ComboBox<>();
    private final Label errors = new Label();

    QuoteForm(UiContext ctx, String productId) {
        this.ctx = ctx;
        this.productId = productId;
        setId("quote-form");
        setHgap(10);
        setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(labels, fields);
        date.setText(ctx.today().toString());
        currency.getItems().setAll(Currency.values());
        currency.setValue(Currency.HKD);
        frequency.getItems().setAll(PremiumFrequency.values());
        frequency.setValue(PremiumFrequency.ANNUAL);
        need.getItems().add(null);
        need.getItems().addAll(Need.values());
        network.getItems().addAll(null, NetworkRule.ANY, NetworkRule.DIRECT_BILLING_ONLY, NetworkRule.DESIGNATED_GBA);
        drugs.getItems().addAll(null, StanceKind.COVERED, StanceKind.EXCLUDED);
        devices.getItems().addAll(null, StanceKind.COVERED, StanceKind.EXCLUDED);
        named(currency, c -> c.name());
        named(frequency, f -> ctx.tr().name(f));
        named(need, n -> n == null ? ctx.tr().get("quote.allBenefits") : ctx.tr().name(n));
        named(network, n -> n == null ? ctx.tr().get("quote.notAnswered") : ctx.tr().name(n));
        named(drugs, n -> n == null ? ctx.tr().get("quote.notAnswered") : ctx.tr().name(n));
        named(devices, n -> n == null ? ctx.tr().get("quote.notAnswered") : ctx.tr().name(n));
        int row = 0;
        row = row(row, "quote.date", date, "quote-date");
        row = row(row, "quote.reference", reference, "quote-reference");
        row = row(row, "quote.premium", new javafx.scene.layout.HBox(6, premium, currency, frequency), "quote-premium");
        premium.setId("quote-premium-amount");
        row = row(row, "quote.need", need, "quote-need");
        row = row(row, "quote.annualLimit", annualLimit, "quote-annual");
        row = row(row, "quote.perEventLimit", perEventLimit, "quote-per-event");
        row = row(row, "quote.deductible", deductible, "quote-deductible");
        row = row(row, "quote.coInsurance", coInsurance, "quote-co-insurance");
        row = row(row, "quote.minEntryAge", minAge, "quote-min-age");
        row = row(row, "quote.maxEntryAge", maxAge, "quote-max-age");
        row = row(row, "quote.maxRenewalAge", renewal, "quote-renewal");
        row = row(row, "quote.waiting", waiting, "quote-waiting");
        row = row(row, "quote.network", network, "quote-network");
        row = row(row, "quote.gbaDrugs", drugs, "quote-gba-drugs");
        row = row(row, "quote.gbaDevices", devices, "quote-gba-devices");
        errors.setId("quote-errors");
        errors.setWrapText(true);
        errors.getStyleClass().add("error-text");
        add(errors, 0, row, 2, 1);
    }

    private <T> void named(ComboBox<T> box, Function<T, String> name) {
        box.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : name.apply(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
    }

    private int row(int row, String key, javafx.scene.Node field, String id) {
        Label l = new Label();
        l.textProperty().bind(ctx.tr().bind(key));
        l.setWrapText(true);
        l.setLabelFor(field);
        field.setId(id);
        if (field instanceof javafx.scene.control.Control c) c.setAccessibleText(ctx.tr().get(key));
        add(l, 0, row);
        add(field, 1, row);
        return row + 1;
    }

    /** The answer, or empty with the problems shown (each naming its field). */
    Optional<InsurerQuote> quote() {
        List<String> problems = new ArrayList<>();
        LocalDate on = null;
        try {
            on = LocalDate.parse(date.getText().strip());
            if (on.isAfter(ctx.today())) problems.add(ctx.tr().get("quote.err.future"));
        } catch (DateTimeParseException e) {
            problems.add(ctx.tr().get("quote.err.date"));
        }
        BigDecimal premiumAmount = amount(premium, "quote.premium", problems);
        Money annual = money(annualLimit, "quote.annualLimit", problems);
        Money perEvent = money(perEventLimit, "quote.perEventLimit", problems);
        Money ded = money(deductible, "quote.deductible", problems);
        BigDecimal co = amount(coInsurance, "quote.coInsurance", problems);
        if (co != null && co.compareTo(BigDecimal.valueOf(100)) > 0) problems.add(ctx.tr().get("quote.err.percent"));
        Integer min = age(minAge, "quote.minEntryAge", problems);
        Integer max = age(maxAge, "quote.maxEntryAge", problems);
        Integer ren = age(renewal, "quote.maxRenewalAge", problems);
        Integer wait = age(waiting, "quote.waiting", problems);
        boolean any = premiumAmount != null || annual != null || perEvent != null || ded != null || co != null || min != null || max != null
                || ren != null || wait != null || network.getValue() != null || drugs.getValue() != null || devices.getValue() != null;
        if (problems.isEmpty() && !any) problems.add(ctx.tr().get("quote.err.empty"));
        if (!problems.isEmpty()) {
            errors.setText(String.join("\n", problems));
            return Optional.empty();
        }
        errors.setText("");
        Money premiumMoney = premiumAmount == null ? null : new Money(premiumAmount, currency.getValue());
        String ref = reference.getText() == null || reference.getText().isBlank() ? null : reference.getText().strip();
        return Optional.of(new InsurerQuote(productId, on, ref, premiumMoney, frequency.getValue(), need.getValue(), annual, perEvent, ded, co,
                min, max, ren, wait, network.getValue(), null, drugs.getValue(), devices.getValue(), null));
    }

    private BigDecimal amount(TextField f, String field, List<String> problems) {
        String t = f.getText() == null ? "" : f.getText().strip().replace(",", "");
        if (t.isEmpty()) return null;
        try {
            BigDecimal v = new BigDecimal(t);
            if (v.signum() < 0 || v.scale() > 2 || v.compareTo(new BigDecimal("1000000000")) > 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            problems.add(ctx.tr().get("quote.err.amount", ctx.tr().get(field)));
            return null;
        }
    }

    private Money money(TextField f, String field, List<String> problems) {
        BigDecimal v = amount(f, field, problems);
        return v == null ? null : new Money(v, currency.getValue());
    }

    private Integer age(TextField f, String field, List<String> problems) {
        String t = f.getText() == null ? "" : f.getText().strip();
        if (t.isEmpty()) return null;
        try {
            int v = Integer.parseInt(t);
            if (v < 0 || v > 3650) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            problems.add(ctx.tr().get("quote.err.whole", ctx.tr().get(field)));
            return null;
        }
    }
}
