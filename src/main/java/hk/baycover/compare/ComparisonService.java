package hk.baycover.compare;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Benefit;
import hk.baycover.model.Catalog;
import hk.baycover.model.Coverage;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Currency;
import hk.baycover.model.Eligibility;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.ItemKind;
import hk.baycover.model.Stance;
import hk.baycover.model.StanceKind;
import hk.baycover.model.Institution;
import hk.baycover.model.InstitutionKind;
import hk.baycover.model.Lang;
import hk.baycover.model.Money;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Need;
import hk.baycover.model.Party;
import hk.baycover.model.PartyRole;
import hk.baycover.model.PartialDate;
import hk.baycover.model.PreExistingRule;
import hk.baycover.model.PremiumRow;
import hk.baycover.model.PremiumStatus;
import hk.baycover.model.PremiumTable;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.Region;
import hk.baycover.model.RegulatedItem;
import hk.baycover.model.Requirement;
import hk.baycover.model.Sex;
import hk.baycover.model.Source;
import hk.baycover.model.SubLimit;
import hk.baycover.model.Underwriting;
import hk.baycover.model.UserError;
import hk.baycover.planning.CoverageEvaluator;
import hk.baycover.planning.EligibilityChecker;
import hk.baycover.planning.PremiumCalculator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the comparison matrix of 2–6 products — the one implementation behind the Compare screen, the CLI
 * {@code compare} command and the PDF/CSV exports. Eligibility, cover levels and premiums come from the shared planning
 * services; this class only lays them out, detects differences and attaches sources and sample flags.
 */
public final class ComparisonService {

    public static final int MIN_PRODUCTS = 2;
    public static final int MAX_PRODUCTS = 6;
    /** Direct-billing institutions named in a cell before "and N more". */
    static final int MAX_NAMED = 10;

    /** Needs shown in their own groups rather than under Benefits. */
    static final Set<Need> GBA_NEEDS = EnumSet.of(Need.GBA_DRUG, Need.GBA_DEVICE);
    static final Set<Need> CARE_NEEDS = EnumSet.of(Need.RESIDENTIAL_CARE, Need.HOME_CARE, Need.LONG_TERM_CARE);

    private final LocalDate today;
    private final EligibilityChecker eligibility;
    private final CoverageEvaluator coverage;
    private final PremiumCalculator premiums = new PremiumCalculator();

    public ComparisonService(LocalDate today) {
        this.today = today;
        this.coverage = new CoverageEvaluator(today);
        this.eligibility = new EligibilityChecker(today);
    }

    public LocalDate today() { return today; }

    // ------------------------------------------------------------------ resolving ids

    /**
     * The products named by {@code ids}, in that order. Throws a {@link UserError} for fewer than 2 or more than 6 ids,
     * a repeated id, or an unknown id (naming the nearest known ids).
     */
    public static List<Product> resolve(Catalog catalog, List<String> ids) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        if (distinct.size() != ids.size()) {
            String dup = ids.stream().filter(i -> ids.indexOf(i) != ids.lastIndexOf(i)).findFirst().orElse("");
            throw new UserError("compare.duplicate", dup);
        }
        List<Product> out = new ArrayList<>();
        for (String id : ids) {
            Optional<Product> p = catalog.product(id);
            if (p.isEmpty()) {
                List<String> near = nearMatches(catalog, id);
                if (near.isEmpty()) throw new UserError("compare.unknownProduct", id);
                throw new UserError("compare.unknownProductNear", id, String.join(", ", near));
            }
            out.add(p.get());
        }
        if (out.size() < MIN_PRODUCTS || out.size() > MAX_PRODUCTS) {
            throw new UserError("compare.count", out.size(), MIN_PRODUCTS, MAX_PRODUCTS);
        }
        return out;
    }

    /** Up to five known product ids close to {@code wanted}: by edit distance on the id, or a name containing it. */
    public static List<String> nearMatches(Catalog catalog, String wanted) {
        String w = wanted.toLowerCase(Locale.ROOT).strip();
        record Scored(String id, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Product p : catalog.products()) {
            String id = p.id().toLowerCase(Locale.ROOT);
            int d = levenshtein(w, id);
            int limit = Math.max(2, w.length() / 3);
            boolean contains = w.length() >= 3 && (id.contains(w) || w.contains(id));
            boolean byName = w.length() >= 2 && p.name().all().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(w));
            boolean sameWords = tokenOverlap(w, id) >= 0.6;
            if (d <= limit || contains || byName || sameWords) scored.add(new Scored(p.id(), contains || byName || sameWords ? Math.min(d, 1) : d));
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::id)).limit(5).map(Scored::id).toList();
    }

    /** A row key from its parts ("benefit", "INPATIENT", "annualLimit" → "benefit.INPATIENT.annualLimit"). */
    static String rowKey(String... parts) {
        return String.join(".", parts);
    }

    /** Shared words of two ids ("boc-life-standard-vhis" and "boc-life-vhis-standard" share all four). */
    static double tokenOverlap(String a, String b) {
        Set<String> x = new java.util.HashSet<>(List.of(a.split("[-_.\\s]+")));
        Set<String> y = new java.util.HashSet<>(List.of(b.split("[-_.\\s]+")));
        x.remove("");
        y.remove("");
        if (x.isEmpty() || y.isEmpty()) return 0;
        Set<String> both = new java.util.HashSet<>(x);
        both.retainAll(y);
        return (double) both.size() / Math.max(x.size(), y.size());
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ------------------------------------------------------------------ the matrix

    public ComparisonMatrix compare(Catalog catalog, ComparisonRequest request) {
        List<Product> products = resolve(catalog, request.productIds());
        return new Build(catalog, products, request).run();
    }

    /** A value before difference detection: its text in every language and a canonical key to compare on. */
    private record V(LocalizedText text, Object value, String key, boolean published, Boolean sample, List<Source> sources,
                     PartialDate asOf, LocalizedText detail) {
        V detail(LocalizedText d) {
            return new V(text, value, key, published, sample, sources, asOf, d);
        }

        V sample(boolean s) {
            return new V(text, value, key, published, s, sources, asOf, detail);
        }

        V from(List<Source> src, PartialDate date) {
            return new V(text, value, key, published, sample, src, date, detail);
        }
    }

    /** A 服務聯動 value cites the product's service sources when it has them (else the product's own sources). */
    private static V serviceSourced(Product p, V v) {
        return v.published() && !p.service().sources().isEmpty() && v.sources() == null ? v.from(p.service().sources(), p.asOf()) : v;
    }

    private static V none() {
        return new V(Texts.key("notPublished"), null, "\u2205", false, false, null, null, null);
    }

    /** Not published, in words that say what to do about it (ask the insurer for a quote). */
    private static V toBeQuoted() {
        return new V(Texts.key("compare.premium.toBeQuoted"), null, "\u2205quote", false, false, null, null, null);
    }

    private static V val(LocalizedText text, Object value, String key) {
        return new V(text, value, key, true, null, null, null, null);
    }

    private static V val(Function<Lang, String> text, Object value, String key) {
        return val(Texts.all(text), value, key);
    }

    private final class Build {
        private final Catalog catalog;
        private final List<Product> products;
        private final ComparisonRequest request;
        private final List<Row> rows = new ArrayList<>();
        private final Region place;

        Build(Catalog catalog, List<Product> products, ComparisonRequest request) {
            this.catalog = catalog;
            this.products = products;
            this.request = request;
            this.place = request.livesIn().careRegion();
        }

        ComparisonMatrix run() {
            List<Column> columns = new ArrayList<>();
            Map<String, EligibilityResult> results = new HashMap<>();
            for (Product p : products) {
                EligibilityResult r = request.hasClient() ? eligibility.check(p, request.client()) : null;
                if (r != null) results.put(p.id(), r);
                List<LocalizedText> why = r == null ? List.of()
                        : (r.blocking().isEmpty() ? r.unconfirmed() : r.blocking()).stream().map(Texts::reason).toList();
                List<LocalizedText> notes = r == null ? List.of()
                        : r.reasons().stream().filter(x -> !x.blocks()).map(Texts::reason).toList();
                columns.add(new Column(p.id(), p.name(), provider(p), p.kind(), p.sample(), r, why, notes));
            }
            underwriting();
            service();
            eligibilityRows(results);
            benefits(RowGroup.BENEFITS, needs(n -> !GBA_NEEDS.contains(n) && !CARE_NEEDS.contains(n)));
            premiumRows();
            gbaItems();
            elderlyCare();
            sources();
            return new ComparisonMatrix(request, today, columns, rows);
        }

        // --------------------------------------------------------------- 承保協同

        private void underwriting() {
            for (PartyRole role : PartyRole.values()) {
                if (products.stream().noneMatch(p -> !p.arrangement().withRole(role).isEmpty())) continue;
                add(rowKey("underwriting", role.name()), RowGroup.UNDERWRITING, null, Texts.all(l -> Texts.name(l, role)), p -> {
                    List<Party> parties = p.arrangement().withRole(role);
                    if (parties.isEmpty()) return none();
                    String key = parties.stream().map(x -> partyName(x, Lang.EN) + "/" + x.jurisdiction()).sorted().collect(Collectors.joining("|"));
                    List<Map<String, Object>> value = parties.stream().map(ComparisonService::partyValue).toList();
                    return val(l -> parties.stream().map(x -> party(x, l)).collect(Collectors.joining("\n")), value, key);
                });
            }
            boolean anyShare = products.stream().anyMatch(p -> p.arrangement().parties().stream().anyMatch(x -> x.share() != null));
            if (anyShare) {
                add("underwriting.shares", RowGroup.UNDERWRITING, null, Texts.key("compare.row.shares"), p -> {
                    List<Party> shared = p.arrangement().parties().stream().filter(x -> x.share() != null).toList();
                    if (shared.isEmpty()) return none();
                    Map<String, BigDecimal> value = new LinkedHashMap<>();
                    shared.forEach(x -> value.put(partyName(x, Lang.EN), x.share()));
                    String key = shared.stream().map(x -> partyName(x, Lang.EN) + "=" + Format.key(x.share())).sorted().collect(Collectors.joining("|"));
                    return val(l -> shared.stream().map(x -> Texts.t(l, "compare.share", partyName(x, l), Format.percent(x.share())))
                            .collect(Collectors.joining("\n")), value, key);
                });
            }
            add("underwriting.summary", RowGroup.UNDERWRITING, null, Texts.key("compare.row.arrangement"),
                    p -> localized(p.arrangement().summary()));
        }

        // --------------------------------------------------------------- 服務聯動

        private void service() {
            add("service.directBilling", RowGroup.SERVICE, null, Texts.key("compare.row.directBilling"), p -> {
                List<String> ids = p.service().directBilling();
                LocalizedText note = p.service().directBillingNote();
                if (ids.isEmpty() && (note == null || note.isEmpty())) return none();
                String key = ids.stream().sorted().collect(Collectors.joining("|")) + "#" + (note == null ? "" : note.get(Lang.EN));
                return val(l -> {
                    List<String> lines = new ArrayList<>();
                    if (!ids.isEmpty()) lines.add(institutions(ids, l));
                    if (note != null && !note.isEmpty()) lines.add(note.get(l));
                    return String.join("\n", lines);
                }, ids, key);
            });
            add("service.claimChannels", RowGroup.SERVICE, null, Texts.key("compare.row.claimChannels"),
                    p -> enums(p.service().claimChannels()));
            add("service.settlementCurrencies", RowGroup.SERVICE, null, Texts.key("compare.row.settlementCurrencies"),
                    p -> enums(p.service().settlementCurrencies()));
            add("service.crossBorderSettlement", RowGroup.SERVICE, null, Texts.key("compare.row.crossBorderSettlement"),
                    p -> localized(p.service().crossBorderSettlement()));
            add("service.servicePoints", RowGroup.SERVICE, null, Texts.key("compare.row.servicePoints"), p -> {
                List<LocalizedText> points = p.service().servicePoints();
                if (points.isEmpty()) return none();
                return val(l -> points.stream().map(t -> t.get(l)).collect(Collectors.joining("\n")),
                        points, points.stream().map(t -> t.get(Lang.EN)).sorted().collect(Collectors.joining("|")));
            });
            add("service.languages", RowGroup.SERVICE, null, Texts.key("compare.row.languages"), p -> {
                List<String> langs = p.service().languages();
                if (langs.isEmpty()) return none();
                return val(l -> Format.join(l, langs.stream().map(code -> Texts.t(l, "compare.language." + code)).toList()),
                        langs, langs.stream().sorted().collect(Collectors.joining("|")));
            });
            add("service.preAuthorisation", RowGroup.SERVICE, null, Texts.key("compare.row.preAuthorisation"),
                    p -> localized(p.service().preAuthorisation()));
            add("service.bookingRoute", RowGroup.SERVICE, null, Texts.key("compare.row.bookingRoute"),
                    p -> localized(p.service().bookingRoute()));
            add("service.networkSize", RowGroup.SERVICE, null, Texts.key("compare.row.networkSize"), p -> {
                hk.baycover.model.ServiceLinkage.NetworkSize n = p.service().networkSize();
                if (n == null) return none();
                String count = String.format(java.util.Locale.ROOT, "%,d", n.count());
                return val(l -> {
                    String head = n.asOf() == null ? Texts.t(l, "compare.networkSize", count) : Texts.t(l, "compare.networkSize.asOf", count, n.asOf().value());
                    return n.note() == null || n.note().isEmpty() ? head : head + "\n" + n.note().get(l);
                }, n.count(), count + "/" + (n.asOf() == null ? "" : n.asOf().value()));
            });
        }

        // --------------------------------------------------------------- eligibility

        private void eligibilityRows(Map<String, EligibilityResult> results) {
            if (request.hasClient()) {
                add("eligibility.client", RowGroup.ELIGIBILITY, null, clientLabel(), p -> {
                    EligibilityResult r = results.get(p.id());
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("status", r.status());
                    value.put("eligible", r.eligible());
                    value.put("ageUsed", r.ageUsed());
                    value.put("ageBasis", r.ageBasis());
                    value.put("reasons", r.reasons().stream().map(Reason::key).toList());
                    String basis = "ageBasis." + r.ageBasis().name();
                    LocalizedText text;
                    switch (r.status()) {
                        case ELIGIBLE:
                            text = Texts.all(l -> Texts.t(l, "compare.canJoin", r.ageUsed(), Texts.t(l, basis)));
                            break;
                        case UNCONFIRMED:
                            text = Texts.all(l -> Texts.t(l, "compare.unconfirmed",
                                    Format.clauses(l, r.unconfirmed().stream().map(x -> I18n.reason(l, x)).toList())));
                            break;
                        default:
                            text = Texts.all(l -> Texts.t(l, "compare.cannotJoin",
                                    Format.clauses(l, r.blocking().stream().map(x -> I18n.reason(l, x)).toList())));
                            break;
                    }
                    LocalizedText detail = Texts.all(l -> r.reasons().stream().map(x -> I18n.reason(l, x)).collect(Collectors.joining("\n")));
                    return val(text, value, r.status().name()).detail(detail);
                });
            }
            add("eligibility.entryAges", RowGroup.ELIGIBILITY, null, Texts.key("compare.row.entryAges"), p -> {
                Eligibility e = p.eligibility();
                if (e.minEntryAge() == null && e.maxEntryAge() == null) {
                    if (e.statesNone(hk.baycover.model.EligibilityTerm.MAX_ENTRY_AGE)) return val(l -> Texts.t(l, "compare.ages.noLimit"), "none", "none");
                    return none();
                }
                if (e.maxEntryAge() == null && !e.statesNone(hk.baycover.model.EligibilityTerm.MAX_ENTRY_AGE) && e.minEntryAge() != null) {
                    String basis0 = "ageBasis." + e.ageBasis().name();
                    return val(l -> Texts.t(l, "compare.ages.fromMaxUnknown", e.minEntryAge(), Texts.t(l, basis0)), e.minEntryAge(), "min" + e.minEntryAge());
                }
                String basis = "ageBasis." + e.ageBasis().name();
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("min", e.minEntryAge());
                value.put("max", e.maxEntryAge());
                value.put("ageBasis", e.ageBasis());
                String key = e.minEntryAge() + "-" + e.maxEntryAge() + "-" + e.ageBasis();
                return val(l -> {
                    String b = Texts.t(l, basis);
                    if (e.minEntryAge() != null && e.maxEntryAge() != null) return Texts.t(l, "compare.ages.range", e.minEntryAge(), e.maxEntryAge(), b);
                    if (e.minEntryAge() != null) return Texts.t(l, "compare.ages.from", e.minEntryAge(), b);
                    return Texts.t(l, "compare.ages.upTo", e.maxEntryAge(), b);
                }, value, key);
            });
            add("eligibility.renewalAge", RowGroup.ELIGIBILITY, null, Texts.key("compare.row.renewalAge"), p -> {
                Integer r = p.eligibility().maxRenewalAge();
                if (r == null && p.eligibility().statesNone(hk.baycover.model.EligibilityTerm.MAX_RENEWAL_AGE)) {
                    return val(l -> Texts.t(l, "compare.ages.noLimit"), "none", "none");
                }
                return r == null ? none() : val(l -> Texts.t(l, "compare.age", r), r, String.valueOf(r));
            });
            add("eligibility.requirements", RowGroup.ELIGIBILITY, null, Texts.key("compare.row.requirements"), p -> {
                List<Requirement> req = p.eligibility().requires();
                if (req.isEmpty()) return none();
                return val(l -> req.stream().map(r -> Texts.name(l, r)).collect(Collectors.joining("\n")), req,
                        req.stream().map(Enum::name).sorted().collect(Collectors.joining("|")));
            });
            add("eligibility.underwriting", RowGroup.ELIGIBILITY, null, Texts.key("compare.row.underwriting"), p -> {
                Underwriting u = p.eligibility().underwriting();
                return u == Underwriting.NOT_STATED ? none() : val(l -> Texts.name(l, u), u, u.name());
            });
            add("eligibility.preExisting", RowGroup.ELIGIBILITY, null, Texts.key("compare.row.preExisting"), p -> {
                PreExistingRule r = p.eligibility().preExisting();
                BigDecimal rate = p.eligibility().preExistingRate();
                if (r == PreExistingRule.NOT_STATED) return none();
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("rule", r);
                value.put("rate", rate);
                return val(l -> Texts.name(l, r) + (rate != null ? " (" + Format.percent(rate) + ")" : ""), value, r + "/" + Format.key(rate));
            });
            add("eligibility.waitingPeriod", RowGroup.ELIGIBILITY, null, Texts.key("compare.row.waitingPeriod"), p -> {
                Integer d = p.eligibility().waitingPeriodDays();
                return d == null ? none() : val(l -> Texts.t(l, "compare.days", d), d, String.valueOf(d));
            });
            add("eligibility.period", RowGroup.ELIGIBILITY, null, Texts.key("compare.row.period"), p -> {
                if (p.period() == null || (p.period().from() == null && p.period().to() == null)) return none();
                hk.baycover.model.Period per = p.period();
                String key = per.from() + "/" + per.to();
                return val(l -> {
                    String txt;
                    if (per.to() == null) txt = Texts.t(l, "compare.period.from", per.from().toString());
                    else if (per.endedBy(today)) txt = Texts.t(l, "compare.period.ended", per.to().toString());
                    else txt = per.from() == null ? Texts.t(l, "compare.period.until", per.to().toString())
                            : Texts.t(l, "compare.period.range", per.from().toString(), per.to().toString());
                    return txt + note(per.note(), l);
                }, key, key);
            });
            add("eligibility.note", RowGroup.ELIGIBILITY, null, Texts.key("compare.row.note"), p -> localized(p.eligibility().note()));
        }

        private LocalizedText clientLabel() {
            return Texts.all(l -> {
                String who = request.age() != null ? Texts.t(l, "compare.age", request.age())
                        : Texts.t(l, "compare.born", request.birthDate().toString());
                if (request.sex() != null) who = Format.join(l, List.of(who, Texts.name(l, request.sex())));
                return Texts.t(l, "compare.row.forClient", who);
            });
        }

        // --------------------------------------------------------------- benefits per need

        private List<Need> needs(java.util.function.Predicate<Need> which) {
            List<Need> out = new ArrayList<>();
            for (Need n : Need.values()) {
                if (which.test(n) && products.stream().anyMatch(p -> !p.benefitsFor(n).isEmpty())) out.add(n);
            }
            return out;
        }

        private void benefits(RowGroup group, List<Need> needs) {
            for (Need need : needs) {
                LocalizedText section = Texts.all(l -> Texts.name(l, need));
                String k = rowKey("benefit", need.name(), "");
                List<Region> places = place == Region.HONG_KONG ? List.of(Region.HONG_KONG) : List.of(place, Region.HONG_KONG);
                for (Region at : places) {
                    add(k + rowKey("cover", at.name()), group, section, Texts.all(l -> Texts.t(l, "compare.row.coverIn", Texts.name(l, at))),
                            p -> level(p, need, at));
                }
                benefitRow(group, section, k + "regions", "compare.row.regionsNetwork", need, this::regionsNetwork);
                benefitRow(group, section, k + "annualLimit", "compare.row.annualLimit", need, b -> money(b.annualLimit()));
                benefitRow(group, section, k + "perEventLimit", "compare.row.perEventLimit", need, b -> money(b.perEventLimit()));
                benefitRow(group, section, k + "deductible", "compare.row.deductible", need, b -> money(b.deductible()));
                benefitRow(group, section, k + "coInsurance", "compare.row.coInsurance", need, b -> b.coInsurance() == null ? none()
                        : val(l -> Format.percent(b.coInsurance()), b.coInsurance(), Format.key(b.coInsurance())));
                benefitRow(group, section, k + "subLimits", "compare.row.subLimits", need, b -> {
                    if (b.subLimits().isEmpty()) return none();
                    return val(l -> b.subLimits().stream().map(s -> subLimit(s, l)).collect(Collectors.joining("\n")), b.subLimits(),
                            b.subLimits().stream().map(s -> s.name().get(Lang.EN) + "=" + Format.key(s.amount()) + "/" + s.per()).collect(Collectors.joining("|")));
                });
                benefitRow(group, section, k + "waitingPeriod", "compare.row.waitingPeriod", need, b -> b.waitingPeriodDays() == null ? none()
                        : val(l -> Texts.t(l, "compare.days", b.waitingPeriodDays()), b.waitingPeriodDays(), String.valueOf(b.waitingPeriodDays())));
                benefitRow(group, section, k + "note", "compare.row.note", need, b -> localized(b.note()));
            }
        }

        /** One benefit dimension; a product with several benefits for the need shows each, prefixed by where it applies. */
        private void benefitRow(RowGroup group, LocalizedText section, String key, String labelKey, Need need, Function<Benefit, V> f) {
            add(key, group, section, Texts.key(labelKey), p -> {
                List<Benefit> list = p.benefitsFor(need);
                if (list.isEmpty()) return none();
                if (list.size() == 1) {
                    Benefit b = list.get(0);
                    V v = f.apply(b);
                    return v.published() ? v.sample(p.sample() || b.sample()) : v;
                }
                List<V> parts = list.stream().map(f).toList();
                if (parts.stream().noneMatch(V::published)) return none();
                boolean sample = p.sample() || list.stream().anyMatch(Benefit::sample);
                List<Object> values = parts.stream().map(V::value).toList();
                String k = parts.stream().map(V::key).collect(Collectors.joining("||"));
                return val(l -> {
                    List<String> lines = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) lines.add(where(list.get(i), l) + ": " + parts.get(i).text().get(l));
                    return String.join("\n", lines);
                }, values, k).sample(sample);
            });
        }

        private V level(Product p, Need need, Region at) {
            if (p.benefitsFor(need).isEmpty()) {
                return new V(Texts.key("compare.noBenefitListed"), CoverageLevel.NONE, "none-listed", false, false, null, null, null);
            }
            Coverage c = coverage.coverage(p, need, at);
            List<Reason> warn = c.rules().stream().filter(r -> r.severity() != Reason.Severity.INFO).toList();
            LocalizedText detail = Texts.all(l -> c.rules().stream().map(r -> I18n.reason(l, r)).collect(Collectors.joining("\n")));
            boolean sample = p.sample() || (c.benefit() != null && c.benefit().sample());
            return val(l -> {
                String name = Texts.name(l, c.level());
                return warn.isEmpty() ? name : Texts.t(l, "compare.level", name, Format.clauses(l, warn.stream().map(r -> I18n.reason(l, r)).toList()));
            }, c.level(), c.level().name() + "/" + c.rules().stream().map(Reason::key).sorted().collect(Collectors.joining(","))).detail(detail).sample(sample);
        }

        private V regionsNetwork(Benefit b) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("regions", b.regions());
            value.put("network", b.network());
            value.put("institutions", b.institutions());
            String key = b.regions().stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "/" + b.network() + "/"
                    + b.institutions().stream().sorted().collect(Collectors.joining(","));
            return val(l -> {
                String regions = b.regions().isEmpty() ? Texts.t(l, "compare.anywhere") : Format.join(l, b.regions().stream().map(r -> Texts.name(l, r)).toList());
                String s = regions + " · " + Texts.name(l, b.network());
                if (!b.institutions().isEmpty()) s += "\n" + institutions(b.institutions(), l);
                return s;
            }, value, key);
        }

        private String where(Benefit b, Lang l) {
            return b.regions().isEmpty() ? Texts.t(l, "compare.anywhere") : Format.join(l, b.regions().stream().map(r -> Texts.name(l, r)).toList());
        }

        // --------------------------------------------------------------- premium

        private void premiumRows() {
            LocalizedText label = request.hasClient() ? Texts.all(l -> {
                String who = request.age() != null ? Texts.t(l, "compare.age", request.age()) : Texts.t(l, "compare.born", request.birthDate().toString());
                if (request.sex() != null) who = Format.join(l, List.of(who, Texts.name(l, request.sex())));
                return Texts.t(l, "compare.row.premiumAt", who);
            }) : Texts.key("compare.row.premium");
            add("premium.annual", RowGroup.PREMIUM, null, label, this::premium);
            add("premium.ageBasis", RowGroup.PREMIUM, null, Texts.key("compare.row.ageBasis"), p -> {
                var basis = premiumBasis(p);
                if (basis == hk.baycover.model.AgeBasis.NOT_STATED) return none();
                return premiumSourced(p, val(l -> Texts.name(l, basis), basis, basis.name()));
            });
            add("premium.table", RowGroup.PREMIUM, null, Texts.key("compare.row.premiumTable"), p -> {
                PremiumTable t = p.premiums();
                if (t.status() == PremiumStatus.NOT_PUBLISHED) return none();
                if (t.status() != PremiumStatus.TABLE) {
                    return premiumSourced(p, val(l -> Texts.name(l, t.status()) + note(t.note(), l), t.status(), t.status().name()));
                }
                int from = t.rows().stream().mapToInt(PremiumRow::ageFrom).min().orElse(0);
                int to = t.rows().stream().mapToInt(PremiumRow::ageTo).max().orElse(0);
                BigDecimal min = t.rows().stream().map(PremiumRow::amount).min(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
                BigDecimal max = t.rows().stream().map(PremiumRow::amount).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
                BigDecimal per = BigDecimal.valueOf(t.frequency().perYear());
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("currency", t.currency());
                value.put("frequency", t.frequency());
                value.put("ageFrom", from);
                value.put("ageTo", to);
                value.put("options", t.options());
                value.put("rows", t.rows().size());
                return premiumSourced(p, val(l -> {
                    String s = Texts.t(l, "compare.premium.range", money(t.currency(), min.multiply(per), l), money(t.currency(), max.multiply(per), l), from, to);
                    if (!t.options().isEmpty()) s += "\n" + Texts.t(l, "compare.premium.options", String.join(" / ", t.options()));
                    return s + note(t.note(), l);
                }, value, t.currency() + "/" + from + "-" + to + "/" + Format.key(min) + "-" + Format.key(max) + "/" + t.options()));
            });
        }

        private hk.baycover.model.AgeBasis premiumBasis(Product p) {
            return p.premiums().ageBasis() != hk.baycover.model.AgeBasis.NOT_STATED ? p.premiums().ageBasis() : p.eligibility().ageBasis();
        }

        private V premium(Product p) {
            PremiumTable t = p.premiums();
            if (!request.hasClient()) {
                if (t.status() == PremiumStatus.FREE) return premiumSourced(p, val(l -> Texts.t(l, "premium.free"), BigDecimal.ZERO, "free"));
                if (t.status() == PremiumStatus.NOT_PUBLISHED) return toBeQuoted();
                if (t.status() == PremiumStatus.CONTRIBUTION) return premiumSourced(p, val(l -> Texts.t(l, "premium.contribution"), null, "contribution"));
                return premiumSourced(p, new V(Texts.key("compare.premium.chooseAge"), null, "choose", false, false, null, null, null));
            }
            if (t.status() == PremiumStatus.FREE) {
                int renewal = p.eligibility().maxRenewalAge() == null ? Integer.MAX_VALUE : p.eligibility().maxRenewalAge();
                int age = request.client().ageOn(today, premiumBasis(p), today);
                if (age <= renewal) {
                    return premiumSourced(p, val(l -> Texts.t(l, "premium.free"), Money.zero(t.currency() == null ? Currency.HKD : t.currency()), "free"));
                }
            }
            List<String> options = t.status() == PremiumStatus.TABLE && t.options().size() > 1 ? t.options() : java.util.Collections.singletonList(null);
            boolean bySex = request.sex() == null && t.rows().stream().anyMatch(r -> r.sex() != null);
            List<Sex> sexes = bySex ? List.of(Sex.F, Sex.M) : java.util.Collections.singletonList(request.sex());
            record Q(String option, Sex sex, PremiumCalculator.Quote quote) {
            }
            List<Q> quotes = new ArrayList<>();
            for (String option : options) {
                for (Sex s : sexes) quotes.add(new Q(option, s, premiums.quote(p, request.client(s), today, today, option)));
            }
            if (quotes.stream().noneMatch(q -> q.quote().annual().isPresent())) {
                PremiumCalculator.Quote q = quotes.get(0).quote();
                if (t.status() == PremiumStatus.NOT_PUBLISHED) return toBeQuoted();
                Reason why = q.reason();
                return premiumSourced(p, new V(Texts.reason(why), null, why.key() + why.args(), false, false, null, null, Texts.reason(why)));
            }
            List<Map<String, Object>> value = new ArrayList<>();
            for (Q q : quotes) {
                Map<String, Object> m = new LinkedHashMap<>();
                if (q.option() != null) m.put("option", q.option());
                if (q.sex() != null) m.put("sex", q.sex());
                m.put("age", q.quote().age());
                m.put("annual", q.quote().annual().orElse(null));
                m.put("sample", q.quote().sample());
                value.add(m);
            }
            boolean sample = p.sample() || quotes.stream().anyMatch(q -> q.quote().sample());
            String key = quotes.stream().map(q -> q.option() + "/" + q.sex() + "=" + q.quote().annual().map(Format::key).orElse("?")).collect(Collectors.joining("|"));
            LocalizedText detail = Texts.all(l -> quotes.stream().map(q -> I18n.reason(l, q.quote().reason())).distinct().collect(Collectors.joining("\n")));
            V v = val(l -> quotes.stream().map(q -> {
                String amount = q.quote().annual().map(m -> Texts.t(l, "compare.premium.perYear", Format.money(m, l)))
                        .orElseGet(() -> I18n.reason(l, q.quote().reason()));
                String prefix = "";
                if (q.option() != null) prefix += q.option() + " ";
                if (bySex) prefix += Texts.name(l, q.sex()) + " ";
                return prefix.isEmpty() ? amount : prefix.strip() + ": " + amount;
            }).collect(Collectors.joining("\n")), value, key).detail(detail).sample(sample);
            return premiumSourced(p, v);
        }

        /** Premium cells cite the premium table's own sources when it has them. */
        private V premiumSourced(Product p, V v) {
            PremiumTable t = p.premiums();
            V out = v;
            if (!t.sources().isEmpty()) out = out.from(t.sources(), t.asOf() != null ? t.asOf() : p.asOf());
            if (out.published() && out.sample() == null) out = out.sample(p.sample() || t.sample());
            return out;
        }

        // --------------------------------------------------------------- 港澳藥械通

        private void gbaItems() {
            for (Need need : List.of(Need.GBA_DRUG, Need.GBA_DEVICE)) {
                add(rowKey("gba", need.name()), RowGroup.GBA_ITEMS, null, Texts.all(l -> Texts.name(l, need)), p -> gbaCover(p, need));
            }
            add("gba.designatedNetwork", RowGroup.GBA_ITEMS, null, Texts.key("compare.row.designatedNetwork"), p -> {
                Set<String> named = new LinkedHashSet<>(p.service().directBilling());
                p.benefits().forEach(b -> named.addAll(b.institutions()));
                if (named.isEmpty()) return none();
                List<String> designated = named.stream().filter(id -> catalog.institution(id).map(Institution::isDesignated).orElse(false)).toList();
                if (designated.isEmpty()) return val(l -> Texts.t(l, "compare.designated.none", named.size()), List.of(), "none");
                return val(l -> Texts.t(l, "compare.designated.count", designated.size(), named.size()) + "\n" + institutions(designated, l),
                        designated, String.join("|", designated.stream().sorted().toList()));
            });
            benefits(RowGroup.GBA_ITEMS, needs(GBA_NEEDS::contains));
        }

        /**
         * A product's stance on 港澳藥械通 drugs (or devices) over its benefits: each stated stance (covered, listed items,
         * excluded) with its terms, or "not stated" when no benefit says anything.
         */
        private V gbaCover(Product p, Need need) {
            ItemKind kind = need == Need.GBA_DEVICE ? ItemKind.DEVICE : ItemKind.DRUG;
            List<Benefit> stated = p.benefits().stream().filter(b -> b.gbaStance().of(kind).stance() != StanceKind.NOT_STATED).toList();
            if (stated.isEmpty()) {
                if (p.benefits().isEmpty()) return none();
                return val(l -> Texts.name(l, StanceKind.NOT_STATED), "NOT_STATED", "not-stated")
                        .sample(p.sample() || p.benefits().stream().anyMatch(Benefit::sample));
            }
            List<Map<String, Object>> value = new ArrayList<>();
            for (Benefit b : stated) {
                Stance st = b.gbaStance().of(kind);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("need", b.need());
                m.put("stance", st.stance());
                m.put("items", st.items());
                value.add(m);
            }
            String key = stated.stream().map(b -> b.need() + ":" + b.gbaStance().of(kind).stance() + ":"
                    + b.gbaStance().of(kind).items().stream().sorted().toList()).collect(Collectors.joining("|"));
            boolean sample = p.sample() || stated.stream().anyMatch(Benefit::sample);
            return val(l -> stated.stream().map(b -> {
                Stance st = b.gbaStance().of(kind);
                String s = Texts.name(l, st.stance());
                if (st.stance() == StanceKind.LISTED && !st.items().isEmpty()) s += (l == Lang.EN ? ": " : "\uFF1A") + items(st.items(), l);
                if (b.need() != need) s = Texts.t(l, "compare.gba.via", s, Texts.name(l, b.need()));
                return s + note(st.terms(), l);
            }).collect(Collectors.joining("\n")), value, key).sample(sample);
        }

        // --------------------------------------------------------------- elderly care

        private void elderlyCare() {
            add("care.homes", RowGroup.ELDERLY_CARE, null, Texts.key("compare.row.careHomes"), p -> {
                Set<String> named = new LinkedHashSet<>(p.service().directBilling());
                p.benefits().forEach(b -> named.addAll(b.institutions()));
                List<String> homes = named.stream().filter(id -> catalog.institution(id).map(i -> i.kind() == InstitutionKind.CARE_HOME
                        || i.kind() == InstitutionKind.ELDERLY_COMMUNITY).orElse(false)).toList();
                if (homes.isEmpty()) return none();
                return val(l -> Texts.t(l, "compare.homes.count", homes.size()) + "\n" + institutions(homes, l), homes,
                        String.join("|", homes.stream().sorted().toList()));
            });
            benefits(RowGroup.ELDERLY_CARE, needs(CARE_NEEDS::contains));
        }

        // --------------------------------------------------------------- sources

        private void sources() {
            add("sources.list", RowGroup.SOURCES, null, Texts.key("compare.row.sources"), p -> {
                List<Source> all = new ArrayList<>(p.sources());
                p.premiums().sources().stream().filter(s -> !all.contains(s)).forEach(all::add);
                if (all.isEmpty()) return none();
                return val(l -> all.stream().map(s -> source(s, l)).collect(Collectors.joining("\n")), all,
                        all.stream().map(Source::url).sorted().collect(Collectors.joining("|"))).sample(false);
            });
            add("sources.asOf", RowGroup.SOURCES, null, Texts.key("compare.row.asOf"), p -> {
                if (p.asOf() == null) return none();
                PartialDate premiumAsOf = p.premiums().asOf();
                boolean differ = premiumAsOf != null && !premiumAsOf.equals(p.asOf());
                boolean stale = hk.baycover.model.Freshness.stale(p.asOf(), today);
                return val(l -> {
                    String shown = differ ? Texts.t(l, "compare.asOf.withPremium", p.asOf().value(), premiumAsOf.value()) : p.asOf().value();
                    return stale ? Texts.t(l, "compare.asOf.stale", shown) : shown;
                }, p.asOf().value(), p.asOf().value() + "/" + premiumAsOf + (stale ? "/stale" : "")).sample(false);
            });
            add("sources.confidence", RowGroup.SOURCES, null, Texts.key("compare.row.confidence"), p -> p.confidence() == null ? none()
                    : val(l -> Texts.name(l, p.confidence()), p.confidence(), p.confidence().name()).sample(false));
            add("sources.sample", RowGroup.SOURCES, null, Texts.key("compare.row.sample"), p -> {
                boolean any = p.sample() || p.premiums().sample() || p.benefits().stream().anyMatch(Benefit::sample);
                String key = p.sample() ? "compare.sample.all" : any ? "compare.sample.some" : "compare.sample.none";
                return val(Texts.key(key), any, key).sample(false);
            });
        }

        // --------------------------------------------------------------- helpers

        /** Adds a row: evaluates every product, marks the cells that differ from the row's most common value. */
        private void add(String key, RowGroup group, LocalizedText section, LocalizedText label, Function<Product, V> f) {
            List<V> values = products.stream().map(p -> group == RowGroup.SERVICE ? serviceSourced(p, f.apply(p)) : f.apply(p)).toList();
            Map<String, Integer> counts = new HashMap<>();
            values.forEach(v -> counts.merge(v.key(), 1, Integer::sum));
            boolean differs = counts.size() > 1;
            int top = counts.values().stream().max(Integer::compare).orElse(0);
            long modes = counts.values().stream().filter(c -> c == top).count();
            String mode = modes == 1 ? counts.entrySet().stream().filter(e -> e.getValue() == top).findFirst().get().getKey() : null;
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < products.size(); i++) {
                Product p = products.get(i);
                V v = values.get(i);
                boolean cellDiffers = differs && (mode == null || !mode.equals(v.key()));
                List<Source> src = v.sources() != null ? v.sources() : p.sources();
                PartialDate asOf = v.sources() != null ? v.asOf() : p.asOf();
                boolean sample = v.published() && (v.sample() != null ? v.sample() : p.sample());
                cells.add(new Cell(p.id(), v.text(), v.value(), v.published(), cellDiffers, src, asOf, p.confidence(), sample, v.detail()));
            }
            rows.add(new Row(key, group, section, label, cells, differs));
        }

        private V localized(LocalizedText t) {
            if (t == null || t.isEmpty()) return none();
            return val(t, t, t.get(Lang.EN));
        }

        private V money(Money m) {
            return m == null ? none() : val(l -> Format.money(m, l), m, Format.key(m));
        }

        private <E extends Enum<E>> V enums(List<E> list) {
            if (list.isEmpty()) return none();
            return val(l -> Format.join(l, list.stream().map(e -> Texts.name(l, e)).toList()), list,
                    list.stream().map(Enum::name).sorted().collect(Collectors.joining("|")));
        }

        private String institutions(List<String> ids, Lang l) {
            List<String> names = new ArrayList<>();
            for (String id : ids.subList(0, Math.min(ids.size(), MAX_NAMED))) {
                Optional<Institution> in = catalog.institution(id);
                names.add(in.map(i -> Texts.t(l, "compare.institution", Texts.get(i.name(), l), Texts.name(l, i.city()))).orElseGet(() -> Texts.t(l, "compare.unknownInstitution")));
            }
            String s = String.join("\n", names);
            if (ids.size() > MAX_NAMED) s += "\n" + Texts.t(l, "compare.more", ids.size() - MAX_NAMED);
            return s;
        }

        private String items(List<String> ids, Lang l) {
            return Format.join(l, ids.stream().map(id -> catalog.item(id).map(RegulatedItem::name).map(n -> Texts.get(n, l)).orElseGet(() -> Texts.t(l, "compare.unknownItem"))).toList());
        }

        private String note(LocalizedText t, Lang l) {
            return t == null || t.isEmpty() ? "" : "\n" + t.get(l);
        }

        private String money(Currency c, BigDecimal amount, Lang l) {
            return c == null ? Format.amount(amount, l) : Format.money(new Money(amount, c), l);
        }

        private String subLimit(SubLimit s, Lang l) {
            String per = s.per() == null || s.per().isBlank() ? "" : " " + (I18n.has(l, "compare.per." + s.per()) ? Texts.t(l, "compare.per." + s.per()) : "/ " + s.per());
            return Texts.get(s.name(), l) + ": " + Format.money(s.amount(), l) + per;
        }
    }

    private static LocalizedText provider(Product p) {
        if (p.provider() != null && !p.provider().isEmpty()) return p.provider();
        return p.arrangement().withRole(PartyRole.UNDERWRITER).stream().map(Party::name).findFirst()
                .orElseGet(() -> p.arrangement().parties().stream().map(Party::name).findFirst().orElse(null));
    }

    private static String partyName(Party x, Lang l) {
        return Texts.get(x.name(), l);
    }

    private static String party(Party x, Lang l) {
        String name = partyName(x, l);
        String s = x.jurisdiction() == null ? name : Texts.t(l, "compare.party", name, Texts.name(l, x.jurisdiction()));
        return s;
    }

    private static Map<String, Object> partyValue(Party x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", x.name());
        m.put("jurisdiction", x.jurisdiction());
        if (x.share() != null) m.put("share", x.share());
        return m;
    }

    static String source(Source s, Lang l) {
        return hk.baycover.i18n.SourceText.line(s, l);
    }

    /** The provider shown for a product: its provider, else its (first) underwriter. */
    public static LocalizedText providerOf(Product p) {
        return provider(p);
    }
}
