package hk.baycover.planning;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.baycover.catalog.JsonErrors;
import hk.baycover.catalog.TextRules;
import hk.baycover.model.SafeText;
import hk.baycover.i18n.I18n;
import hk.baycover.io.BoundedInput;
import hk.baycover.io.IoErrors;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.catalog.PackException;
import hk.baycover.catalog.Problem;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.ClientAge;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Currency;
import hk.baycover.model.HealthCondition;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.InsurerQuote;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import hk.baycover.model.ResidencyStatus;
import hk.baycover.model.Sex;
import hk.baycover.model.ShenzhenDistrict;
import hk.baycover.model.SzInsurance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The client file (JSON), documented in data/README.md ("Client file format"). Reading is strict: every field is
 * checked and every problem is reported at once as {@code FILE:/pointer: message} in the user's language; nothing is
 * half-read. {@link #template()} is the example printed by {@code plan --template}.
 */
public final class ClientFile {

    /** A read client file: the profile and the language the client reads (for the proposal), when given. */
    public record Read(ClientProfile profile, Lang language) {
    }

    public static final int MAX_AGE = ClientAge.MAX;
    public static final int MAX_HORIZON = 40;
    /** Longest note (existing cover, conditions, notes); line breaks allowed. */
    public static final int MAX_TEXT = 4000;
    /** Longest client name (one line). */
    public static final int MAX_NAME = 200;
    /** Longest contact text (line breaks allowed: an address). */
    public static final int MAX_CONTACT = 500;
    public static final long MAX_BYTES = 1024 * 1024;
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,79}$");
    private static final Set<String> FIELDS = Set.of("id", "name", "contact", "language", "birthDate", "age", "ageAsOf", "sex", "smoker", "residency",
            "livesIn", "city", "district", "szMedicalInsurance", "szTier", "flags", "existingCover", "conditions", "conditionNote",
            "preferredInstitutions", "needs", "budget", "horizonYears", "notes", "quotes");
    private static final Set<String> QUOTE_FIELDS = Set.of("product", "date", "reference", "premium", "need", "annualLimit", "perEventLimit",
            "deductible", "coInsurance", "minEntryAge", "maxEntryAge", "maxRenewalAge", "waitingPeriodDays", "network", "institutions", "gbaDrugs",
            "gbaDevices", "note");
    private static final Set<String> FLAGS = Set.of("cssaRecipient", "careHomeWaitlist", "haFollowUpPatient", "mainlandResidencePermit");
    /** Shenzhen employee medical insurance tiers (一档 / 二档). */
    public static final List<String> SZ_TIERS = List.of("TIER_1", "TIER_2");

    private final Lang lang;
    private final Catalog catalog;
    private final LocalDate today;

    /** {@code catalog} (may be null) is used to check product and institution ids. */
    public ClientFile(Lang lang, Catalog catalog, LocalDate today) {
        this.lang = lang;
        this.catalog = catalog;
        this.today = today;
    }

    /** The documented maximum of a text field (data/README.md, "Client file format"). */
    public static int maxLength(String field) {
        return "name".equals(field) ? MAX_NAME : "contact".equals(field) ? MAX_CONTACT : MAX_TEXT;
    }

    /** Only the name is one line; contact and notes may hold line breaks. */
    public static boolean lineBreaks(String field) {
        return !"name".equals(field);
    }

    public Read read(Path path) {
        String file = path.toString();
        byte[] bytes;
        try {
            bytes = BoundedInput.readAll(path, MAX_BYTES);
        } catch (BoundedInput.TooLarge e) {
            throw new PackException(List.of(new Problem(file, "", msg("client.tooLarge"))));
        } catch (NoSuchFileException e) {
            throw new PackException(List.of(new Problem(file, "", msg("pack.noSuchFile"))));
        } catch (IOException e) {
            throw new PackException(List.of(new Problem(file, "", msg("pack.unreadable", I18n.message(lang, IoErrors.reason(e))))));
        }
        return read(file, bytes);
    }

    public Read read(String file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PackException(List.of(new Problem(file, "", msg("pack.notUtf8"))));
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        JsonNode root;
        try {
            root = CatalogJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new PackException(List.of(new Problem(file, JsonErrors.where(e), JsonErrors.describe(lang, e))));
        }
        if (root == null || root.isMissingNode()) throw new PackException(List.of(new Problem(file, "", msg("pack.empty"))));
        if (!root.isObject()) throw new PackException(List.of(new Problem(file, "", msg("client.notObject"))));
        return parse(file, (ObjectNode) root);
    }

    /** Validates a parsed tree: every problem at once, or the profile. */
    public Read parse(String file, ObjectNode root) {
        Checker c = new Checker(file);
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!FIELDS.contains(n)) c.add("/" + n, "client.unknownField", n);
        }
        String id = c.id(root, "id");
        String name = c.text(root, "name");
        String contact = c.text(root, "contact");
        Lang language = null;
        if (root.has("language")) {
            JsonNode l = root.get("language");
            language = l.isTextual() ? Lang.parse(l.asText()).orElse(null) : null;
            if (language == null) c.add("/language", "client.language");
        }
        LocalDate birth = date(c, root, "birthDate", "client.birthDate");
        Integer age = c.integer(root, "age", Integer.MIN_VALUE, Integer.MAX_VALUE, "client.age", 0, ClientAge.MAX);
        LocalDate ageAsOf = date(c, root, "ageAsOf", "client.ageAsOf");
        Sex sex = c.enumValue(root, "sex", Sex.class, true);
        Boolean smoker = c.bool(root, "smoker");
        ResidencyStatus residency = c.enumValue(root, "residency", ResidencyStatus.class, true);
        LivingPlace livesIn = c.enumValue(root, "livesIn", LivingPlace.class, true);
        City city = c.enumValue(root, "city", City.class, false);
        ShenzhenDistrict district = null;
        if (root.has("district") && !root.get("district").isNull()) {
            JsonNode d = root.get("district");
            district = d.isTextual() ? ShenzhenDistrict.parse(d.asText()).orElse(null) : null;
            if (district == null) c.add("/district", "client.district", d.isTextual() ? d.asText() : d.toString(), districtNames());
        }
        SzInsurance sz = c.enumValue(root, "szMedicalInsurance", SzInsurance.class, false);
        String szTier = null;
        if (root.has("szTier") && !root.get("szTier").isNull()) {
            JsonNode t = root.get("szTier");
            if (!t.isTextual()) c.add("/szTier", "client.szTier", String.join(", ", SZ_TIERS));
            else szTier = t.asText();
        }
        boolean[] flags = new boolean[4];
        if (root.has("flags")) {
            JsonNode f = root.get("flags");
            if (!f.isObject()) c.add("/flags", "client.object");
            else {
                f.fieldNames().forEachRemaining(k -> {
                    if (!FLAGS.contains(k)) c.add("/flags/" + k, "client.unknownField", k);
                });
                flags[0] = Boolean.TRUE.equals(c.bool(f, "cssaRecipient", "/flags"));
                flags[1] = Boolean.TRUE.equals(c.bool(f, "careHomeWaitlist", "/flags"));
                flags[2] = Boolean.TRUE.equals(c.bool(f, "haFollowUpPatient", "/flags"));
                flags[3] = Boolean.TRUE.equals(c.bool(f, "mainlandResidencePermit", "/flags"));
            }
        }
        List<String> existing = new ArrayList<>();
        String existingNote = null;
        if (root.has("existingCover")) {
            JsonNode ec = root.get("existingCover");
            if (!ec.isObject()) c.add("/existingCover", "client.object");
            else {
                ec.fieldNames().forEachRemaining(k -> {
                    if (!k.equals("products") && !k.equals("note")) c.add("/existingCover/" + k, "client.unknownField", k);
                });
                existing = c.ids(ec, "products", "/existingCover", true);
                existingNote = c.text(ec, "note", "/existingCover");
            }
        }
        List<hk.baycover.model.HealthCondition> conditions = new ArrayList<>();
        if (root.has("conditions")) {
            JsonNode arr = root.get("conditions");
            if (!arr.isArray()) c.add("/conditions", "client.array");
            else {
                Set<HealthCondition> seen = new LinkedHashSet<>();
                for (int i = 0; i < arr.size(); i++) {
                    HealthCondition hc = c.enumOf(arr.get(i), "/conditions/" + i, HealthCondition.class);
                    if (hc != null && !seen.add(hc)) c.add("/conditions/" + i, "client.duplicate", hc.name());
                }
                conditions.addAll(seen);
            }
        }
        String conditionNote = c.text(root, "conditionNote");
        List<String> preferred = c.ids(root, "preferredInstitutions", "", false);
        Map<Need, Priority> needs = new EnumMap<>(Need.class);
        if (root.has("needs")) {
            JsonNode n = root.get("needs");
            if (!n.isObject()) c.add("/needs", "client.needsShape");
            else {
                n.properties().forEach(en -> {
                    Need need = null;
                    try {
                        need = Need.valueOf(en.getKey());
                    } catch (IllegalArgumentException bad) {
                        c.add("/needs/" + en.getKey(), "client.unknownNeed", en.getKey(), names(Need.class));
                    }
                    Priority pr = c.enumOf(en.getValue(), "/needs/" + en.getKey(), Priority.class);
                    if (need != null && pr != null) needs.put(need, pr);
                });
                if (n.size() > 0 && needs.isEmpty()) c.invalid.add("/needs");
            }
        }
        Money budget = null;
        if (root.has("budget") && !root.get("budget").isNull()) {
            JsonNode b = root.get("budget");
            if (!b.isObject()) c.add("/budget", "client.budgetShape");
            else {
                b.fieldNames().forEachRemaining(k -> {
                    if (!k.equals("amount") && !k.equals("currency")) c.add("/budget/" + k, "client.unknownField", k);
                });
                JsonNode a = b.get("amount");
                BigDecimal amount = null;
                if (a == null || !a.isNumber()) c.add("/budget/amount", "client.budgetAmount");
                else amount = a.decimalValue();
                Currency cur = b.has("currency") ? c.enumOf(b.get("currency"), "/budget/currency", Currency.class) : null;
                if (!b.has("currency")) c.add("/budget/currency", "client.required");
                if (amount != null && cur != null) budget = new Money(amount, cur);
                else if (amount != null && !budgetAmountOk(amount)) c.add("/budget/amount", "client.budgetAmount");
            }
        }
        Integer horizon = c.integer(root, "horizonYears", Integer.MIN_VALUE, Integer.MAX_VALUE, "client.horizon", 1, MAX_HORIZON);
        String notes = c.text(root, "notes");
        List<InsurerQuote> quotes = quotes(c, root);
        ClientProfile draft = new ClientProfile(id, name, contact, birth, age, ageAsOf, sex, smoker, residency, livesIn, city, sz, szTier,
                flags[0], flags[1], flags[2], flags[3], existing, existingNote, conditions, conditionNote, preferred, needs, budget, horizon, notes,
                quotes, district);
        rules(c, draft);
        if (!c.problems.isEmpty()) throw new PackException(c.problems);
        return new Read(entered(draft), language);
    }

    /**
     * The rules on a client's values, the same for a client file and the profile form (which builds the profile from
     * its fields without a file): the age ({@link ClientAge}), where the client lives and the city, the Shenzhen tier,
     * the needs, the budget, the horizon, the length of texts. {@code invalid}: pointers the caller already reported
     * (their "missing" checks are skipped). Problems are located by client-file pointer ("/age", "/budget/amount"…).
     */
    public List<Problem> check(String file, ClientProfile draft, Set<String> invalid) {
        Checker c = new Checker(file);
        c.invalid.addAll(invalid);
        rules(c, draft);
        return c.problems;
    }

    /** One problem in this file's language, e.g. a field the form could not read. */
    public Problem problem(String file, String pointer, String key, Object... args) {
        return new Problem(file, pointer, msg(key, args));
    }

    /** The message for a required choice that was not made (sex, residency, where the client lives). */
    public Problem required(String file, String pointer, Class<? extends Enum<?>> type) {
        return problem(file, pointer, "client.requiredOneOf", names(type));
    }

    /** The profile as entered: a birth date wins over an age; an age without a date counts as given today. */
    public ClientProfile entered(ClientProfile p) {
        if (p.birthDate() != null) {
            return new ClientProfile(p.id(), p.name(), p.contact(), p.birthDate(), null, null, p.sex(), p.smoker(), p.residency(), p.livesIn(),
                    p.city(), p.szMedicalInsurance(), p.szTier(), p.cssaRecipient(), p.careHomeWaitlist(), p.haFollowUpPatient(),
                    p.mainlandResidencePermit(), p.existingProducts(), p.existingCoverNote(), p.conditions(), p.conditionNote(),
                    p.preferredInstitutions(), p.needs(), p.budget(), p.horizonYears(), p.notes(), p.quotes(), p.district());
        }
        return p.withAgeAsOf(today);
    }

    private void rules(Checker c, ClientProfile p) {
        for (String[] t : new String[][] {{"/name", p.name()}, {"/contact", p.contact()}, {"/existingCover/note", p.existingCoverNote()},
                {"/conditionNote", p.conditionNote()}, {"/notes", p.notes()}}) {
            if (t[1] != null && t[1].length() > MAX_TEXT) c.add(t[0], "client.textTooLong", MAX_TEXT);
        }
        boolean ageUnreadable = c.invalid.contains("/age") || c.invalid.contains("/birthDate");
        for (ClientAge.Problem ap : ClientAge.check(p.age(), p.birthDate(), today, !ageUnreadable)) {
            c.add("/" + ap.field(), ap.key(), ap.args().toArray());
        }
        if (p.ageAsOf() != null && p.ageAsOf().isAfter(today)) c.add("/ageAsOf", "client.ageAsOfFuture");
        if (p.livesIn() == LivingPlace.SHENZHEN && p.city() != null && p.city() != City.SHENZHEN) c.add("/city", "client.cityNotShenzhen", I18n.enumName(lang, p.city()));
        if (p.livesIn() == LivingPlace.OTHER_GBA && p.city() != null && (!p.city().isMainlandGba() || p.city() == City.SHENZHEN)) {
            c.add("/city", "client.cityNotOtherGba", I18n.enumName(lang, p.city()));
        }
        if (p.district() != null && p.livesIn() != LivingPlace.SHENZHEN && !c.invalid.contains("/livesIn")) {
            c.add("/district", "client.districtNotShenzhen", I18n.enumName(lang, p.district()), I18n.enumName(lang, p.livesIn()));
        }
        if (p.szTier() != null) {
            if (!SZ_TIERS.contains(p.szTier())) c.add("/szTier", "client.szTier", String.join(", ", SZ_TIERS));
            else if (p.szMedicalInsurance() != SzInsurance.EMPLOYEE) c.add("/szTier", "client.szTierNotEmployee");
        }
        if (p.needs().isEmpty() && !c.invalid.contains("/needs")) c.add("/needs", "client.needsMissing");
        if (p.budget() != null) {
            if (!budgetAmountOk(p.budget().amount())) c.add("/budget/amount", "client.budgetAmount");
        }
        if (p.horizonYears() == null) {
            if (!c.invalid.contains("/horizonYears")) c.add("/horizonYears", "client.horizonMissing", MAX_HORIZON);
        } else if (p.horizonYears() < 1 || p.horizonYears() > MAX_HORIZON) {
            c.add("/horizonYears", "client.horizon", 1, MAX_HORIZON);
        }
    }

    /** A budget from 0 to 1,000,000,000 with at most 2 decimals. */
    private static boolean budgetAmountOk(BigDecimal a) {
        return a.signum() >= 0 && a.compareTo(new BigDecimal("1000000000")) <= 0 && a.scale() <= 2;
    }

    /** A date field (YYYY-MM-DD) or null; a malformed one is reported and marked invalid. */
    private LocalDate date(Checker c, JsonNode root, String field, String key) {
        if (!root.has(field) || root.get(field).isNull()) return null;
        JsonNode b = root.get(field);
        LocalDate d = b.isTextual() ? ClientAge.parseBirthDate(b.asText()) : null;
        if (d == null) c.add("/" + field, key);
        return d;
    }

    /** The insurer's answers the agent recorded ({@code quotes}): each names its product and date; every other field is optional. */
    private List<InsurerQuote> quotes(Checker c, JsonNode root) {
        List<InsurerQuote> out = new ArrayList<>();
        if (!root.has("quotes") || root.get("quotes").isNull()) return out;
        JsonNode arr = root.get("quotes");
        if (!arr.isArray()) {
            c.add("/quotes", "client.array");
            return out;
        }
        for (int i = 0; i < arr.size(); i++) {
            String at = "/quotes/" + i;
            JsonNode q = arr.get(i);
            if (!q.isObject()) {
                c.add(at, "client.object");
                continue;
            }
            int before = c.problems.size();
            q.fieldNames().forEachRemaining(k -> {
                if (!QUOTE_FIELDS.contains(k)) c.add(at + "/" + k, "client.unknownField", k);
            });
            String product = null;
            JsonNode pid = q.get("product");
            if (pid == null || !pid.isTextual() || !ID.matcher(pid.asText()).matches()) c.add(at + "/product", "client.quoteProduct");
            else if (catalog != null && catalog.product(pid.asText()).isEmpty()) c.add(at + "/product", "client.unknownProduct", pid.asText());
            else product = pid.asText();
            LocalDate on = null;
            JsonNode d = q.get("date");
            if (d == null || !d.isTextual() || !d.asText().matches("\\d{4}-\\d{2}-\\d{2}")) c.add(at + "/date", "client.quoteDate");
            else {
                try {
                    on = LocalDate.parse(d.asText());
                    if (on.isAfter(today)) {
                        c.add(at + "/date", "client.quoteFuture");
                        on = null;
                    }
                } catch (DateTimeParseException e) {
                    c.add(at + "/date", "client.quoteDate");
                }
            }
            String reference = c.text(q, "reference", at);
            String note = c.text(q, "note", at);
            Money premium = null;
            hk.baycover.model.PremiumFrequency frequency = null;
            if (q.has("premium") && !q.get("premium").isNull()) {
                JsonNode pr = q.get("premium");
                premium = quoteMoney(c, pr, at + "/premium", Set.of("amount", "currency", "frequency"));
                if (pr.isObject() && pr.has("frequency")) {
                    frequency = c.enumOf(pr.get("frequency"), at + "/premium/frequency", hk.baycover.model.PremiumFrequency.class);
                }
            }
            Need need = q.has("need") && !q.get("need").isNull() ? c.enumOf(q.get("need"), at + "/need", Need.class) : null;
            Money annual = q.has("annualLimit") ? quoteMoney(c, q.get("annualLimit"), at + "/annualLimit", Set.of("amount", "currency")) : null;
            Money perEvent = q.has("perEventLimit") ? quoteMoney(c, q.get("perEventLimit"), at + "/perEventLimit", Set.of("amount", "currency")) : null;
            Money deductible = q.has("deductible") ? quoteMoney(c, q.get("deductible"), at + "/deductible", Set.of("amount", "currency")) : null;
            BigDecimal coIns = null;
            if (q.has("coInsurance") && !q.get("coInsurance").isNull()) {
                JsonNode ci = q.get("coInsurance");
                if (!ci.isNumber() || ci.decimalValue().signum() < 0 || ci.decimalValue().compareTo(BigDecimal.valueOf(100)) > 0) {
                    c.add(at + "/coInsurance", "client.quotePercent");
                } else coIns = ci.decimalValue();
            }
            Integer minAge = quoteAge(c, q, "minEntryAge", at);
            Integer maxAge = quoteAge(c, q, "maxEntryAge", at);
            Integer renewal = quoteAge(c, q, "maxRenewalAge", at);
            Integer waiting = null;
            if (q.has("waitingPeriodDays") && !q.get("waitingPeriodDays").isNull()) {
                JsonNode w = q.get("waitingPeriodDays");
                if (!w.isIntegralNumber() || !w.canConvertToInt() || w.asInt() < 0 || w.asInt() > 3650) c.add(at + "/waitingPeriodDays", "client.quoteWaiting");
                else waiting = w.asInt();
            }
            hk.baycover.model.NetworkRule network = q.has("network") && !q.get("network").isNull()
                    ? c.enumOf(q.get("network"), at + "/network", hk.baycover.model.NetworkRule.class) : null;
            List<String> institutions = c.ids(q, "institutions", at, false);
            if (network == hk.baycover.model.NetworkRule.LISTED && institutions.isEmpty()) c.add(at + "/institutions", "client.quoteInstitutions");
            hk.baycover.model.StanceKind drugs = q.has("gbaDrugs") && !q.get("gbaDrugs").isNull()
                    ? c.enumOf(q.get("gbaDrugs"), at + "/gbaDrugs", hk.baycover.model.StanceKind.class) : null;
            hk.baycover.model.StanceKind devices = q.has("gbaDevices") && !q.get("gbaDevices").isNull()
                    ? c.enumOf(q.get("gbaDevices"), at + "/gbaDevices", hk.baycover.model.StanceKind.class) : null;
            if (premium == null && annual == null && perEvent == null && deductible == null && coIns == null && minAge == null && maxAge == null
                    && renewal == null && waiting == null && network == null && drugs == null && devices == null && c.problems.size() == before) {
                c.add(at, "client.quoteEmpty");
            }
            if (c.problems.size() == before && product != null && on != null) {
                out.add(new InsurerQuote(product, on, reference, premium, frequency, need, annual, perEvent, deductible, coIns, minAge, maxAge,
                        renewal, waiting, network, institutions, drugs, devices, note));
            }
        }
        return out;
    }

    private static Money quoteMoney(Checker c, JsonNode node, String at, Set<String> fields) {
        if (node == null || node.isNull()) return null;
        if (!node.isObject()) {
            c.add(at, "client.object");
            return null;
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!fields.contains(k)) c.add(at + "/" + k, "client.unknownField", k);
        });
        JsonNode a = node.get("amount");
        BigDecimal amount = null;
        if (a == null || !a.isNumber() || a.decimalValue().signum() < 0 || a.decimalValue().compareTo(new BigDecimal("1000000000")) > 0
                || a.decimalValue().scale() > 2) {
            c.add(at + "/amount", "client.quoteAmount");
        } else amount = a.decimalValue();
        Currency cur = node.has("currency") ? c.enumOf(node.get("currency"), at + "/currency", Currency.class) : null;
        if (!node.has("currency")) c.add(at + "/currency", "client.required");
        return amount == null || cur == null ? null : new Money(amount, cur);
    }

    private static Integer quoteAge(Checker c, JsonNode q, String field, String at) {
        if (!q.has(field) || q.get(field).isNull()) return null;
        JsonNode v = q.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0 || v.asInt() > MAX_AGE) {
            c.add(at + "/" + field, "client.age", 0, MAX_AGE);
            return null;
        }
        return v.asInt();
    }

    private String msg(String key, Object... args) {
        return I18n.get(lang, key, args);
    }

    /** Shenzhen's districts by name in this file's language, e.g. "福田區、羅湖區、…" (what a client file may give as {@code district}). */
    String districtNames() {
        StringBuilder sb = new StringBuilder();
        for (ShenzhenDistrict d : ShenzhenDistrict.values()) {
            if (sb.length() > 0) sb.append(msg("client.district.sep"));
            sb.append(I18n.enumName(lang, d));
        }
        return sb.toString();
    }

    static String names(Class<? extends Enum<?>> type) {
        StringBuilder sb = new StringBuilder();
        for (Enum<?> e : type.getEnumConstants()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(e.name());
        }
        return sb.toString();
    }

    /** Field checks that collect problems instead of stopping at the first. */
    private final class Checker {
        final String file;
        final List<Problem> problems = new ArrayList<>();

        Checker(String file) {
            this.file = file;
        }

        /** Pointers already reported (unreadable values): their "missing" checks are skipped. */
        final Set<String> invalid = new java.util.HashSet<>();

        void add(String pointer, String key, Object... args) {
            problems.add(new Problem(file, pointer, msg(key, args)));
            invalid.add(pointer);
        }

        String id(JsonNode node, String field) {
            if (!node.has(field) || node.get(field).isNull()) return null;
            JsonNode v = node.get(field);
            if (!v.isTextual() || !ID.matcher(v.asText()).matches()) {
                add("/" + field, "client.id");
                return null;
            }
            return v.asText();
        }

        String text(JsonNode node, String field) {
            return text(node, field, "");
        }

        String text(JsonNode node, String field, String base) {
            if (!node.has(field) || node.get(field).isNull()) return null;
            JsonNode v = node.get(field);
            if (!v.isTextual()) {
                add(base + "/" + field, "client.text");
                return null;
            }
            SafeText.Issue bad = SafeText.check(v.asText(), maxLength(field), lineBreaks(field));
            if (bad != null) {
                problems.add(new Problem(file, base + "/" + field, TextRules.message(lang, bad)));
                return null;
            }
            return v.asText().isBlank() ? null : v.asText().strip();
        }

        /** An integer in [min, max], else the problem {@code key} with {@code shownMin}, {@code shownMax} (the field is marked invalid). */
        Integer integer(JsonNode node, String field, int min, int max, String key, int shownMin, int shownMax) {
            if (!node.has(field) || node.get(field).isNull()) return null;
            JsonNode v = node.get(field);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
                add("/" + field, key, shownMin, shownMax);
                return null;
            }
            return v.asInt();
        }

        Boolean bool(JsonNode node, String field) {
            return bool(node, field, "");
        }

        Boolean bool(JsonNode node, String field, String base) {
            if (!node.has(field) || node.get(field).isNull()) return null;
            JsonNode v = node.get(field);
            if (!v.isBoolean()) {
                add(base + "/" + field, "client.boolean");
                return null;
            }
            return v.asBoolean();
        }

        <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type, boolean required) {
            if (!node.has(field) || node.get(field).isNull()) {
                if (required) add("/" + field, "client.requiredOneOf", names(type));
                return null;
            }
            return enumOf(node.get(field), "/" + field, type);
        }

        <E extends Enum<E>> E enumOf(JsonNode v, String pointer, Class<E> type) {
            if (v != null && v.isTextual()) {
                try {
                    return Enum.valueOf(type, v.asText());
                } catch (IllegalArgumentException bad) {
                    // reported below
                }
            }
            add(pointer, "client.oneOf", v == null ? "" : v.toString(), names(type));
            return null;
        }

        List<String> ids(JsonNode node, String field, String base, boolean products) {
            List<String> out = new ArrayList<>();
            if (!node.has(field) || node.get(field).isNull()) return out;
            JsonNode arr = node.get(field);
            String at = base + "/" + field;
            if (!arr.isArray()) {
                add(at, "client.array");
                return out;
            }
            for (int i = 0; i < arr.size(); i++) {
                JsonNode v = arr.get(i);
                if (!v.isTextual() || !ID.matcher(v.asText()).matches()) {
                    add(at + "/" + i, "client.id");
                    continue;
                }
                String id = v.asText();
                if (catalog != null) {
                    boolean known = products ? catalog.product(id).isPresent() : catalog.institution(id).isPresent();
                    if (!known) {
                        add(at + "/" + i, products ? "client.unknownProduct" : "client.unknownInstitution", id);
                        continue;
                    }
                }
                if (out.contains(id)) add(at + "/" + i, "client.duplicate", id);
                else out.add(id);
            }
            return out;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // writing

    /** The client as a client file (pretty JSON), e.g. to export a profile. */
    public static String write(ClientProfile c, Lang language) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (c.id() != null) o.put("id", c.id());
        if (c.name() != null) o.put("name", c.name());
        if (c.contact() != null) o.put("contact", c.contact());
        if (language != null) o.put("language", language.tag());
        if (c.birthDate() != null) o.put("birthDate", c.birthDate().toString());
        else if (c.age() != null) {
            o.put("age", c.age());
            if (c.ageAsOf() != null) o.put("ageAsOf", c.ageAsOf().toString());
        }
        if (c.sex() != null) o.put("sex", c.sex().name());
        if (c.smoker() != null) o.put("smoker", c.smoker());
        o.put("residency", c.residency().name());
        o.put("livesIn", c.livesIn().name());
        if (c.city() != null) o.put("city", c.city().name());
        if (c.district() != null) o.put("district", c.district().name());
        o.put("szMedicalInsurance", c.szMedicalInsurance().name());
        if (c.szTier() != null) o.put("szTier", c.szTier());
        ObjectNode flags = o.putObject("flags");
        flags.put("cssaRecipient", c.cssaRecipient());
        flags.put("careHomeWaitlist", c.careHomeWaitlist());
        flags.put("haFollowUpPatient", c.haFollowUpPatient());
        flags.put("mainlandResidencePermit", c.mainlandResidencePermit());
        ObjectNode ec = o.putObject("existingCover");
        ArrayNode ep = ec.putArray("products");
        c.existingProducts().forEach(ep::add);
        if (c.existingCoverNote() != null) ec.put("note", c.existingCoverNote());
        ArrayNode cond = o.putArray("conditions");
        c.conditions().forEach(h -> cond.add(h.name()));
        if (c.conditionNote() != null) o.put("conditionNote", c.conditionNote());
        ArrayNode pref = o.putArray("preferredInstitutions");
        c.preferredInstitutions().forEach(pref::add);
        ObjectNode needs = o.putObject("needs");
        for (Need n : Need.values()) if (c.needs().containsKey(n)) needs.put(n.name(), c.needs().get(n).name());
        if (c.budget() != null) {
            ObjectNode b = o.putObject("budget");
            b.put("amount", c.budget().amount());
            b.put("currency", c.budget().currency().name());
        }
        o.put("horizonYears", c.horizon());
        if (c.notes() != null) o.put("notes", c.notes());
        if (!c.quotes().isEmpty()) {
            var arr = o.putArray("quotes");
            for (InsurerQuote q : c.quotes()) {
                ObjectNode j = arr.addObject();
                j.put("product", q.product());
                j.put("date", q.quotedOn().toString());
                if (q.reference() != null) j.put("reference", q.reference());
                if (q.premium() != null) {
                    ObjectNode pr = j.putObject("premium");
                    pr.put("amount", q.premium().amount());
                    pr.put("currency", q.premium().currency().name());
                    pr.put("frequency", q.frequency().name());
                }
                if (q.need() != null) j.put("need", q.need().name());
                putMoney(j, "annualLimit", q.annualLimit());
                putMoney(j, "perEventLimit", q.perEventLimit());
                putMoney(j, "deductible", q.deductible());
                if (q.coInsurance() != null) j.put("coInsurance", q.coInsurance());
                if (q.minEntryAge() != null) j.put("minEntryAge", q.minEntryAge());
                if (q.maxEntryAge() != null) j.put("maxEntryAge", q.maxEntryAge());
                if (q.maxRenewalAge() != null) j.put("maxRenewalAge", q.maxRenewalAge());
                if (q.waitingPeriodDays() != null) j.put("waitingPeriodDays", q.waitingPeriodDays());
                if (q.network() != null) j.put("network", q.network().name());
                if (!q.institutions().isEmpty()) {
                    var inst = j.putArray("institutions");
                    q.institutions().forEach(inst::add);
                }
                if (q.gbaDrugs() != null) j.put("gbaDrugs", q.gbaDrugs().name());
                if (q.gbaDevices() != null) j.put("gbaDevices", q.gbaDevices().name());
                if (q.note() != null) j.put("note", q.note());
            }
        }
        try {
            return CatalogJson.output().writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The example client printed by {@code plan --template}: a Hong Kong retiree planning to live in Shenzhen. */
    private static void putMoney(ObjectNode o, String field, Money m) {
        if (m == null) return;
        ObjectNode j = o.putObject(field);
        j.put("amount", m.amount());
        j.put("currency", m.currency().name());
    }

    public static ClientProfile templateProfile() {
        Map<Need, Priority> needs = new EnumMap<>(Need.class);
        needs.put(Need.INPATIENT, Priority.MUST_HAVE);
        needs.put(Need.CANCER_TREATMENT, Priority.NICE_TO_HAVE);
        needs.put(Need.GBA_DRUG, Priority.NICE_TO_HAVE);
        needs.put(Need.SPECIALIST_OUTPATIENT, Priority.NICE_TO_HAVE);
        needs.put(Need.GENERAL_OUTPATIENT, Priority.NICE_TO_HAVE);
        needs.put(Need.EMERGENCY_AMBULANCE, Priority.NICE_TO_HAVE);
        return new ClientProfile(null, "Chan Tai Man (example)", null, null, 65, Sex.M, false, ResidencyStatus.HK_PERMANENT_RESIDENT,
                LivingPlace.HONG_KONG, City.SHENZHEN, SzInsurance.NONE, null, false, false, false, false, List.of(),
                "none besides the Elderly Health Care Voucher", List.of(), null, List.of(), needs,
                new Money(new BigDecimal("30000"), Currency.HKD), 10, null);
    }

    public static String template(Lang language) {
        return write(templateProfile(), language);
    }
}
