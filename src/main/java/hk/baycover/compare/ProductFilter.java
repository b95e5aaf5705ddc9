package hk.baycover.compare;

import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Need;
import hk.baycover.model.Party;
import hk.baycover.model.Product;
import hk.baycover.model.ProductKind;
import hk.baycover.model.Region;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The product picker's filter: free text (id, names in every script, provider and parties), kind, insurer/provider,
 * region where it applies, need it pays for. Any criterion left null matches everything. Results are listed in
 * neutral alphabetical order of the shown name — never ranked.
 */
public record ProductFilter(String text, ProductKind kind, String provider, Region region, Need need) {

    public static final ProductFilter ALL = new ProductFilter(null, null, null, null, null);

    public boolean matches(Product p) {
        if (kind != null && p.kind() != kind) return false;
        if (provider != null && !providerKeys(p).contains(provider)) return false;
        if (region != null && !appliesIn(p, region)) return false;
        if (need != null && p.benefitsFor(need).isEmpty()) return false;
        if (text != null && !text.isBlank()) {
            String q = text.strip().toLowerCase(Locale.ROOT);
            return searchable(p).anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(q));
        }
        return true;
    }

    /** Matching products of the catalog, alphabetical by their name in {@code lang}. */
    public List<Product> apply(Catalog catalog, Lang lang) {
        return catalog.products().stream().filter(this::matches).sorted(order(lang)).toList();
    }

    public static Comparator<Product> order(Lang lang) {
        Collator collator = Collator.getInstance(lang.locale());
        return Comparator.<Product, String>comparing(p -> Texts.get(p.name(), lang), collator).thenComparing(Product::id);
    }

    /** True when a product or any of its benefits applies in {@code place} (regions nest: Shenzhen is in the GBA...). */
    public static boolean appliesIn(Product p, Region place) {
        return p.regions().stream().anyMatch(r -> r.covers(place))
                || p.benefits().stream().anyMatch(b -> !b.regions().isEmpty() && b.regions().stream().anyMatch(r -> r.covers(place)));
    }

    /** Every insurer/provider in the catalog: key (the English or first available name) → display text. */
    public static Map<String, LocalizedText> providers(Catalog catalog, Lang lang) {
        Map<String, LocalizedText> out = new LinkedHashMap<>();
        Collator collator = Collator.getInstance(lang.locale());
        catalog.products().stream().flatMap(ProductFilter::providerTexts)
                .sorted(Comparator.comparing(t -> Texts.get(t, lang), collator))
                .forEach(t -> out.putIfAbsent(keyOf(t), t));
        return out;
    }

    static List<String> providerKeys(Product p) {
        return providerTexts(p).map(ProductFilter::keyOf).toList();
    }

    private static Stream<LocalizedText> providerTexts(Product p) {
        Stream<LocalizedText> provider = p.provider() == null || p.provider().isEmpty() ? Stream.empty() : Stream.of(p.provider());
        Stream<LocalizedText> insurers = p.arrangement().parties().stream()
                .filter(x -> x.role() == hk.baycover.model.PartyRole.UNDERWRITER || x.role() == hk.baycover.model.PartyRole.CO_INSURER
                        || x.role() == hk.baycover.model.PartyRole.GOVERNMENT_FUNDER || x.role() == hk.baycover.model.PartyRole.SCHEME_ADMINISTRATOR)
                .map(Party::name).filter(Objects::nonNull).filter(t -> !t.isEmpty());
        return Stream.concat(provider, insurers);
    }

    private static String keyOf(LocalizedText t) {
        return t.get(Lang.EN);
    }

    private static Stream<String> searchable(Product p) {
        Stream<String> names = Stream.of(p.name(), p.provider(), p.summary()).filter(Objects::nonNull).flatMap(t -> t.all().stream());
        Stream<String> parties = p.arrangement().parties().stream().filter(x -> x.name() != null).flatMap(x -> x.name().all().stream());
        return Stream.concat(Stream.concat(Stream.of(p.id()), names), parties);
    }
}
