package hk.baycover.cli;

import hk.baycover.compare.ComparisonService;
import hk.baycover.compare.ProductFilter;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Product;
import hk.baycover.model.PremiumRow;
import hk.baycover.model.PremiumStatus;
import hk.baycover.model.PremiumTable;
import hk.baycover.model.ProductKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "products", description = "List the loaded products and public schemes: id, names (Traditional, Simplified, English) and kind.")
final class ProductsCommand implements Runnable {

    @Mixin
    CommandContext root;

    @Option(names = "--kind", paramLabel = "K", description = "Only this kind: ${COMPLETION-CANDIDATES}.")
    ProductKind kind;

    @Mixin
    JsonOption json;

    /** The JSON shape of {@code products --json}. */
    record Listing(int count, List<Item> products) {
    }

    record Item(String id, String kind, String layer, LocalizedText names, LocalizedText provider, String asOf, String confidence, boolean sample,
                Premium premium) {
    }

    /**
     * The premium table at a glance: its status, whether its figures are samples, and the ages its rows span.
     * {@code published} is true when the table holds real (not sample) figures from a public source.
     */
    record Premium(String status, boolean sample, boolean published, Integer ageFrom, Integer ageTo) {
    }

    @Override
    public void run() {
        Catalog catalog = root.app().catalog();
        Lang lang = root.lang();
        List<Product> list = new ProductFilter(null, kind, null, null, null).apply(catalog, lang);
        PrintWriter out = root.out();
        if (json.on) {
            Json.print(out, new Listing(list.size(), list.stream().map(ProductsCommand::item).toList()));
            return;
        }
        if (list.isEmpty()) {
            out.println(root.text(kind == null ? "cli.products.none" : "cli.products.noneOfKind", kind == null ? "" : I18n.enumName(lang, kind)));
            return;
        }
        int idWidth = list.stream().mapToInt(p -> p.id().length()).max().orElse(10);
        for (Product p : list) {
            out.println(String.format("%-" + idWidth + "s  %s", p.id(), I18n.enumName(lang, p.kind())
                    + (p.sample() ? "  [" + root.text("sample.badge") + "]" : "")));
            out.println(" ".repeat(idWidth + 2) + names(p.name()));
        }
        out.println(root.text("cli.products.count", list.size(), catalog.products().size()));
    }

    static String names(LocalizedText t) {
        if (t == null) return "";
        StringBuilder sb = new StringBuilder();
        for (String s : new String[] {t.zhHant(), t.zhHans(), t.en()}) {
            if (s == null || sb.toString().equals(s)) continue;
            if (sb.length() > 0) sb.append(" / ");
            sb.append(s);
        }
        return sb.toString();
    }

    static Item item(Product p) {
        return new Item(p.id(), p.kind().name(), p.layer().name(), p.name(), ComparisonService.providerOf(p),
                p.asOf() == null ? null : p.asOf().value(), p.confidence() == null ? null : p.confidence().name(), p.sample(),
                premium(p.premiums()));
    }

    static Premium premium(PremiumTable t) {
        Integer from = t.rows().stream().map(PremiumRow::ageFrom).min(Integer::compare).orElse(null);
        Integer to = t.rows().stream().map(PremiumRow::ageTo).max(Integer::compare).orElse(null);
        boolean published = t.status() == PremiumStatus.TABLE && !t.sample() && !t.rows().isEmpty();
        return new Premium(t.status().name(), t.sample(), published, from, to);
    }
}
