package hk.baycover.ui.plan;

import hk.baycover.catalog.Problem;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.ClientAge;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Currency;
import hk.baycover.model.HealthCondition;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import hk.baycover.model.Product;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.model.ShenzhenDistrict;
import hk.baycover.model.SzInsurance;
import hk.baycover.planning.ClientFile;
import hk.baycover.ui.common.Dropdowns;
import hk.baycover.ui.common.Fit;
import hk.baycover.ui.common.UiContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The client profile form: every field of the client file, validated as you type by the same rules as a client file
 * ({@link ClientFile#check}, the age by {@link ClientAge}), each field with its own message next to it. The form builds
 * the profile straight from its fields (no file in between). Tab moves through the fields in reading order.
 * {@link #profileProperty()} holds the profile while the form is valid and null otherwise; an age typed without a
 * birth date is dated the day it was typed, so the client grows older with the calendar.
 */
public final class ProfileForm extends ScrollPane {

    private final UiContext ctx;
    private final ObjectProperty<ClientProfile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<Lang> language = new SimpleObjectProperty<>();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    /** Fields the user has left (their messages show); all of them after "Save" or for a loaded client. */
    private final Set<String> touched = new HashSet<>();
    private boolean revealAll;
    private final GridPane grid = new GridPane();
    private int row;
    private boolean loading;
    private String clientId;
    /** The loaded client's age and the day it was given: kept while the age field still shows that age. */
    private Integer loadedAge;
    private LocalDate loadedAgeAsOf;

    final TextField name;
    final TextField contact;
    final ComboBox<Lang> lang;
    final TextField age;
    final TextField birth;
    final ComboBox<Sex> sex;
    final CheckBox smoker;
    final ComboBox<ResidencyStatus> residency;
    final ComboBox<LivingPlace> livesIn;
    final ComboBox<City> city;
    /** The Shenzhen district ("" for none): shown while the client lives in Shenzhen, or while a district is still chosen. */
    final ComboBox<String> district;
    private final List<Node> districtRow = new ArrayList<>();
    final ComboBox<SzInsurance> sz;
    final ComboBox<String> szTier;
    final CheckBox cssa;
    final CheckBox waitlist;
    final CheckBox haPatient;
    final CheckBox permit;
    /** Product ids, named in the reader's language (ids hash cheaply; a product record hashes all its tables). */
    final CheckComboBox<String> existing;
    final TextField existingNote;
    final CheckComboBox<HealthCondition> conditions;
    final TextField conditionNote;
    /** Institution ids, named in the reader's language. */
    final CheckComboBox<String> preferred;
    final Map<Need, ComboBox<String>> needs;
    final TextField budget;
    final ComboBox<Currency> budgetCurrency;
    final TextField horizon;
    final TextArea notes;

    public ProfileForm(UiContext ctx) {
        this.ctx = ctx;
        this.loading = true; // no validation until every field exists
        name = textField("f-name");
        contact = textField("f-contact");
        lang = combo("f-language", Lang.values(), l -> ctxText("lang." + l.name()));
        age = textField("f-age");
        birth = textField("f-birth");
        sex = combo("f-sex", Sex.values(), null);
        smoker = check("f-smoker", "planui.smoker");
        residency = combo("f-residency", ResidencyStatus.values(), null);
        livesIn = combo("f-livesIn", LivingPlace.values(), null);
        city = combo("f-city", City.values(), null);
        String[] districts = new String[ShenzhenDistrict.values().length + 1];
        districts[0] = "";
        for (ShenzhenDistrict d : ShenzhenDistrict.values()) districts[d.ordinal() + 1] = d.name();
        district = combo("f-district", districts, d -> d.isEmpty() ? ctxText("planui.district.none") : ctx.tr().name(ShenzhenDistrict.valueOf(d)));
        sz = combo("f-sz", SzInsurance.values(), null);
        szTier = combo("f-szTier", new String[] {"", "TIER_1", "TIER_2"}, t -> t.isEmpty() ? "—" : ctxText("szTier." + t));
        cssa = check("f-cssa", "requirement.CSSA_RECIPIENT");
        waitlist = check("f-waitlist", "requirement.CARE_HOME_WAITLIST");
        haPatient = check("f-ha", "requirement.HA_FOLLOW_UP_PATIENT");
        permit = check("f-permit", "requirement.MAINLAND_RESIDENCE_PERMIT");
        existing = Dropdowns.lean(new CheckComboBox<>());
        existingNote = textField("f-existingNote");
        conditions = Dropdowns.lean(new CheckComboBox<>());
        conditionNote = textField("f-conditionNote");
        preferred = Dropdowns.lean(new CheckComboBox<>());
        needs = new EnumMap<>(Need.class);
        budget = textField("f-budget");
        budgetCurrency = combo("f-budgetCurrency", Currency.values(), Enum::name);
        horizon = textField("f-horizon");
        notes = new TextArea();
        setId("profile-form");
        setFitToWidth(true);
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setPadding(new Insets(12));
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // the messages' column keeps its width whether or not a field has a message: the fields never jump sideways
        ColumnConstraints c2 = new ColumnConstraints();
        c2.minWidthProperty().bind(ctx.settings().fontScaleProperty().multiply(22 * hk.baycover.ui.Styles.BASE_FONT_PX));
        c2.prefWidthProperty().bind(c2.minWidthProperty());
        c2.maxWidthProperty().bind(c2.minWidthProperty());
        grid.getColumnConstraints().addAll(c0, new ColumnConstraints(), c2);

        for (CheckComboBox<?> c : List.of(existing, conditions, preferred)) c.setMaxWidth(Double.MAX_VALUE);
        existing.setId("f-existing");
        existing.setConverter(converter(id -> ctx.catalog().product(id).map(p -> p.name().get(ctx.tr().lang())).orElse("")));
        conditions.setId("f-conditions");
        conditions.getItems().setAll(HealthCondition.values());
        conditions.setConverter(converter(h -> ctx.tr().name(h)));
        preferred.setId("f-preferred");
        preferred.setConverter(converter(id -> ctx.catalog().institution(id).map(i -> i.name().get(ctx.tr().lang())).orElse("")));
        notes.setId("f-notes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);

        section("planui.section.person");
        field("planui.name", name, "/name");
        field("planui.contact", contact, "/contact");
        field("planui.language", lang, "/language");
        field("planui.age", age, "/age");
        field("planui.birthDate", birth, "/birthDate");
        field("planui.sex", sex, "/sex");
        field("planui.smoker", smoker, "/smoker");
        section("planui.section.residence");
        field("planui.residency", residency, "/residency");
        field("planui.livesIn", livesIn, "/livesIn");
        field("planui.city", city, "/city");
        districtRow.addAll(field("planui.district", district, "/district"));
        livesIn.valueProperty().addListener((o, a, b) -> showDistrict());
        district.valueProperty().addListener((o, a, b) -> showDistrict());
        field("planui.sz", sz, "/szMedicalInsurance");
        field("planui.szTier", szTier, "/szTier");
        FlowPane flags = new FlowPane(12, 4, cssa, waitlist, haPatient, permit);
        field("planui.flags", flags, "/flags");
        section("planui.section.health");
        field("planui.existing", existing, "/existingCover/products");
        field("planui.existingNote", existingNote, "/existingCover/note");
        field("planui.conditions", conditions, "/conditions");
        field("planui.conditionNote", conditionNote, "/conditionNote");
        field("planui.preferred", preferred, "/preferredInstitutions");
        int firstPart = grid.getChildren().size();
        section("planui.section.needs");
        for (Need n : Need.values()) {
            ComboBox<String> pr = combo("f-need-" + n.name(), new String[] {"", Priority.MUST_HAVE.name(), Priority.NICE_TO_HAVE.name()},
                    s -> s.isEmpty() ? ctxText("planui.notNeeded") : ctxText("priority." + s));
            pr.setValue("");
            needs.put(n, pr);
            field("need." + n.name(), pr, "/needs/" + n.name());
        }
        errors.put("/needs", errorLabel("/needs"));
        grid.add(errors.get("/needs"), 1, row++);
        section("planui.section.money");
        field("planui.budget", budget, "/budget/amount");
        field("planui.budgetCurrency", budgetCurrency, "/budget/currency");
        field("planui.horizon", horizon, "/horizonYears");
        field("planui.notes", notes, "/notes");
        setContent(grid);
        deferLowerSections(firstPart);

        catalogChanged(ctx.catalog());
        ctx.catalogProperty().addListener((o, a, c) -> catalogChanged(c));
        ctx.tr().langProperty().addListener((o, a, b) -> validate());
        loading = false;
        clear();
    }

    /**
     * Opened in a window that is already showing (the user goes to Plans), the form shows its first sections in the
     * first frame and adds the needs and money sections in the pulse after it, so that no pulse carries the whole form's
     * first CSS pass and the window answers keys in between. A form that is part of a window's first scene (or not in
     * one yet) gets every section at once. The fields exist from the start either way; only their rows join later.
     */
    private void deferLowerSections(int from) {
        List<Node> later = new ArrayList<>(grid.getChildren().subList(from, grid.getChildren().size()));
        grid.getChildren().remove(from, grid.getChildren().size());
        sceneProperty().addListener(new javafx.beans.value.ChangeListener<javafx.scene.Scene>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o, javafx.scene.Scene a, javafx.scene.Scene scene) {
                if (scene == null) return;
                sceneProperty().removeListener(this);
                Runnable addLater = () -> {
                    if (!grid.getChildren().containsAll(later)) grid.getChildren().addAll(later);
                };
                if (scene.getWindow() != null && scene.getWindow().isShowing()) hk.baycover.ui.Pulses.afterNextPulse(scene, addLater);
                else addLater.run();
            }
        });
        this.pendingRows = later;
    }

    /** The rows added in the pulse after the first (see {@link #deferLowerSections}); all in the grid once shown. */
    private List<Node> pendingRows = List.of();

    /** Whether every section of the form is in place (the lower ones join in the pulse after the form is first shown). */
    public boolean complete() {
        return grid.getChildren().containsAll(pendingRows);
    }

    private String ctxText(String key) {
        return ctx.tr().get(key);
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) { return t == null ? "" : f.apply(t); }

            @Override
            public T fromString(String s) { return null; }
        };
    }

    private void catalogChanged(Catalog c) {
        List<String> keepP = new ArrayList<>(existing.getCheckModel().getCheckedItems());
        List<String> keepI = new ArrayList<>(preferred.getCheckModel().getCheckedItems());
        existing.getItems().setAll(c.products().stream().map(Product::id).toList());
        preferred.getItems().setAll(c.institutions().stream().map(Institution::id).toList());
        for (String id : keepP) if (c.product(id).isPresent()) existing.getCheckModel().check(id);
        for (String id : keepI) if (c.institution(id).isPresent()) preferred.getCheckModel().check(id);
    }

    private TextField textField(String id) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().addListener((o, a, b) -> validate());
        return t;
    }

    private CheckBox check(String id, String key) {
        CheckBox c = new CheckBox();
        c.setId(id);
        c.textProperty().bind(ctx.tr().bind(key));
        c.selectedProperty().addListener((o, a, b) -> validate());
        return c;
    }

    private <T> ComboBox<T> combo(String id, T[] values, Function<T, String> label) {
        ComboBox<T> c = Fit.dropDown(Dropdowns.lean(new ComboBox<>()));
        c.setId(id);
        c.setMaxWidth(Double.MAX_VALUE); // fills the fields' column: lean drop-downs keep one width whatever they show
        c.getItems().setAll(values);
        Function<T, String> f = label != null ? label : v -> ctx.tr().name((Enum<?>) v);
        c.setCellFactory(v -> new TrCell<>(f));
        c.setButtonCell(new TrCell<>(f));
        c.valueProperty().addListener((o, a, b) -> validate());
        return c;
    }

    private final class TrCell<T> extends ListCell<T> {
        private final Function<T, String> f;

        TrCell(Function<T, String> f) {
            this.f = f;
            ctx.tr().langProperty().addListener((o, a, b) -> updateItem(getItem(), isEmpty()));
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : f.apply(item));
        }
    }

    private void section(String key) {
        Label l = new Label();
        l.textProperty().bind(ctx.tr().bind(key));
        l.getStyleClass().add("section-title");
        GridPane.setColumnSpan(l, 3);
        grid.add(l, 0, row++);
    }

    /** Adds a labelled field with its message; returns the row's nodes (label, control, message). */
    private List<Node> field(String key, Node control, String pointer) {
        Label label = new Label();
        label.textProperty().bind(ctx.tr().bind(key));
        if (control instanceof javafx.scene.control.Control) {
            label.setLabelFor(control);
            ((javafx.scene.control.Control) control).accessibleTextProperty().bind(ctx.tr().bind(key));
        }
        if (control instanceof TextField) ((TextField) control).setPrefColumnCount(18);
        Label error = errorLabel(pointer);
        errors.put(pointer, error);
        // a field is checked when it is left, not while the form is still untouched
        control.focusedProperty().addListener((o, was, now) -> {
            if (was && !now) {
                touched.add(pointer);
                showMessages();
            }
        });
        if (control instanceof Parent parent && !(control instanceof javafx.scene.control.Control)) {
            for (Node child : parent.getChildrenUnmodifiable()) child.focusedProperty().addListener((o, was, now) -> {
                if (was && !now) {
                    touched.add(pointer);
                    showMessages();
                }
            });
        }
        grid.add(label, 0, row);
        grid.add(control, 1, row);
        grid.add(error, 2, row);
        row++;
        if (control instanceof CheckComboBox) {
            ((CheckComboBox<?>) control).getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<Object>) ch -> validate());
        }
        if (control instanceof TextArea) ((TextArea) control).textProperty().addListener((o, a, b) -> validate());
        return List.of(label, control, error);
    }

    /**
     * The district row shows while the client lives in Shenzhen, and also while a district is still chosen for a client
     * who now lives elsewhere (its message then says to clear it): a district is never dropped unseen.
     */
    private void showDistrict() {
        boolean show = livesIn.getValue() == LivingPlace.SHENZHEN || chosenDistrict() != null;
        for (Node n : districtRow) {
            n.setVisible(show);
            n.setManaged(show);
        }
    }

    private ShenzhenDistrict chosenDistrict() {
        String d = district.getValue();
        return d == null || d.isEmpty() ? null : ShenzhenDistrict.valueOf(d);
    }

    private Label errorLabel(String pointer) {
        Label e = new Label();
        e.setId("e-" + pointer.substring(1).replace('/', '-'));
        e.getStyleClass().add("error-text");
        e.setWrapText(true);
        e.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return e;
    }

    /** Scrolls so that {@code n} (a field of this form) is visible. */
    public void reveal(Node n) {
        Scrolling.reveal(n);
    }

    public ReadOnlyObjectProperty<ClientProfile> profileProperty() { return profile; }

    /** The language the client reads (for the proposal), when chosen. */
    public ObjectProperty<Lang> languageProperty() { return language; }

    /** Every problem with the form now, as {@code form:/pointer: message}. */
    public List<Problem> problems() { return List.copyOf(problems); }

    /** The message shown next to a field (by its client-file pointer), or "" when the field is fine. */
    public String error(String pointer) {
        Label l = errors.get(pointer);
        return l == null ? "" : l.getText();
    }

    /** Empties the form for a new client. */
    public void clear() {
        load(null, null);
    }

    /** Fills the form from a saved client. */
    public void load(ClientProfile c, Lang l) {
        loading = true;
        touched.clear();
        // a saved client's problems show at once; an empty form shows none until a field is left or the form is saved
        revealAll = c != null;
        try {
            clientId = c == null ? null : c.id();
            loadedAge = c == null || c.birthDate() != null ? null : c.age();
            loadedAgeAsOf = c == null ? null : c.ageAsOf();
            name.setText(c == null || c.name() == null ? "" : c.name());
            contact.setText(c == null || c.contact() == null ? "" : c.contact());
            lang.setValue(l);
            age.setText(c == null || c.age() == null ? "" : String.valueOf(c.age()));
            birth.setText(c == null || c.birthDate() == null ? "" : c.birthDate().toString());
            sex.setValue(c == null ? null : c.sex());
            smoker.setSelected(c != null && Boolean.TRUE.equals(c.smoker()));
            residency.setValue(c == null ? null : c.residency());
            livesIn.setValue(c == null ? null : c.livesIn());
            city.setValue(c == null ? null : c.city());
            district.setValue(c == null || c.district() == null ? "" : c.district().name());
            sz.setValue(c == null ? SzInsurance.NONE : c.szMedicalInsurance());
            szTier.setValue(c == null || c.szTier() == null ? "" : c.szTier());
            cssa.setSelected(c != null && c.cssaRecipient());
            waitlist.setSelected(c != null && c.careHomeWaitlist());
            haPatient.setSelected(c != null && c.haFollowUpPatient());
            permit.setSelected(c != null && c.mainlandResidencePermit());
            existing.getCheckModel().clearChecks();
            preferred.getCheckModel().clearChecks();
            conditions.getCheckModel().clearChecks();
            if (c != null) {
                for (String id : c.existingProducts()) if (ctx.catalog().product(id).isPresent()) existing.getCheckModel().check(id);
                for (String id : c.preferredInstitutions()) if (ctx.catalog().institution(id).isPresent()) preferred.getCheckModel().check(id);
                for (HealthCondition h : c.conditions()) conditions.getCheckModel().check(h);
            }
            existingNote.setText(c == null || c.existingCoverNote() == null ? "" : c.existingCoverNote());
            conditionNote.setText(c == null || c.conditionNote() == null ? "" : c.conditionNote());
            for (Need n : Need.values()) {
                Priority p = c == null ? null : c.needs().get(n);
                needs.get(n).setValue(p == null ? "" : p.name());
            }
            budget.setText(c == null || c.budget() == null ? "" : c.budget().amount().toPlainString());
            budgetCurrency.setValue(c == null || c.budget() == null ? Currency.HKD : c.budget().currency());
            horizon.setText(c == null ? "10" : String.valueOf(c.horizon()));
            notes.setText(c == null || c.notes() == null ? "" : c.notes());
        } finally {
            loading = false;
        }
        showDistrict();
        validate();
    }

    /** Re-checks the whole form and shows each field's own message. */
    public void validate() {
        if (loading || ctx == null) return;
        problems.clear();
        String file = ctx.tr().get("planui.formName");
        ClientFile rules = ctx.app().plan().clientRules(ctx.tr().lang(), ctx.catalog());
        List<Problem> found = new ArrayList<>();
        Set<String> invalid = new HashSet<>();

        Integer years = null;
        if (!age.getText().isBlank()) {
            years = ClientAge.parseYears(age.getText());
            if (years == null) unreadable(found, invalid, rules.problem(file, "/age", "client.age", 0, ClientAge.MAX));
        }
        LocalDate born = null;
        if (!birth.getText().isBlank()) {
            born = ClientAge.parseBirthDate(birth.getText());
            if (born == null) unreadable(found, invalid, rules.problem(file, "/birthDate", "client.birthDate"));
        }
        LocalDate ageAsOf = years != null && years.equals(loadedAge) ? loadedAgeAsOf : null;
        if (sex.getValue() == null) unreadable(found, invalid, new Problem(file, "/sex", ctx.tr().get("planui.choose.sex")));
        if (residency.getValue() == null) unreadable(found, invalid, new Problem(file, "/residency", ctx.tr().get("planui.choose.residency")));
        if (livesIn.getValue() == null) unreadable(found, invalid, new Problem(file, "/livesIn", ctx.tr().get("planui.choose.livesIn")));
        Money money = null;
        if (!budget.getText().isBlank()) {
            BigDecimal amount = decimal(budget.getText());
            if (amount == null) unreadable(found, invalid, rules.problem(file, "/budget/amount", "client.budgetAmount"));
            else if (budgetCurrency.getValue() == null) unreadable(found, invalid, rules.problem(file, "/budget/currency", "client.required"));
            else money = new Money(amount, budgetCurrency.getValue());
        }
        Integer horizonYears = null;
        if (!horizon.getText().isBlank()) {
            horizonYears = ClientAge.parseYears(horizon.getText().strip().replace(",", ""));
            if (horizonYears == null) unreadable(found, invalid, rules.problem(file, "/horizonYears", "client.horizon", 1, ClientFile.MAX_HORIZON));
        }
        Map<Need, Priority> chosen = new EnumMap<>(Need.class);
        for (Need need : Need.values()) {
            String v = needs.get(need).getValue();
            if (v != null && !v.isEmpty()) chosen.put(need, Priority.valueOf(v));
        }
        String tier = szTier.getValue() == null || szTier.getValue().isEmpty() ? null : szTier.getValue();
        ClientProfile draft = new ClientProfile(clientId, text(name), text(contact), born, years, ageAsOf, sex.getValue(), smoker.isSelected(),
                residency.getValue(), livesIn.getValue(), city.getValue(), sz.getValue(), tier, cssa.isSelected(), waitlist.isSelected(),
                haPatient.isSelected(), permit.isSelected(), List.copyOf(existing.getCheckModel().getCheckedItems()),
                text(existingNote), List.copyOf(conditions.getCheckModel().getCheckedItems()), text(conditionNote),
                List.copyOf(preferred.getCheckModel().getCheckedItems()), chosen, money, horizonYears, text(notes), List.of(),
                chosenDistrict());
        found.addAll(rules.check(file, draft, invalid));
        if (found.isEmpty()) {
            showMessages();
            profile.set(rules.entered(draft));
            language.set(lang.getValue());
            return;
        }
        problems.addAll(found);
        showMessages();
        profile.set(null);
    }

    /** Shows every field's first problem — of the fields the user has left, or of all after {@link #revealProblems()}. */
    private void showMessages() {
        errors.values().forEach(l -> l.setText(""));
        Map<String, String> firstByField = new HashMap<>();
        for (Problem p : problems) firstByField.putIfAbsent(fieldOf(p.pointer()), p.message());
        firstByField.forEach((k, msg) -> {
            Label l = errors.get(k);
            // a district left for a client who moved elsewhere shows its message once "lives in" is left too
            if (l != null && (revealAll || touched.contains(k) || "/needs".equals(k) && touched.stream().anyMatch(t -> t.startsWith("/needs"))
                    || "/district".equals(k) && touched.contains("/livesIn"))) l.setText(msg);
        });
    }

    /** Shows every problem of the form (the user tried to save or apply it). */
    public void revealProblems() {
        revealAll = true;
        showMessages();
    }

    private static void unreadable(List<Problem> found, Set<String> invalid, Problem p) {
        found.add(p);
        invalid.add(p.pointer());
    }

    private static String text(javafx.scene.control.TextInputControl field) {
        String t = field.getText();
        return t == null || t.isBlank() ? null : t.strip();
    }

    /** A number as typed (thousands separators allowed), or null. */
    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Maps a problem's pointer to the field that shows it (e.g. /existingCover/products/2 to the existing-cover field). */
    private String fieldOf(String pointer) {
        if (errors.containsKey(pointer)) return pointer;
        String p = pointer;
        while (p.lastIndexOf('/') > 0) {
            p = p.substring(0, p.lastIndexOf('/'));
            if (errors.containsKey(p)) return p;
        }
        if (pointer.startsWith("/flags")) return "/flags";
        if (pointer.startsWith("/budget")) return "/budget/amount";
        return pointer;
    }

    public VBox wrap() {
        return new VBox(this);
    }
}
