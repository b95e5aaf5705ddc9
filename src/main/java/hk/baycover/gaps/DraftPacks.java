package hk.baycover.gaps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.catalog.PackException;
import hk.baycover.catalog.PackReader;
import hk.baycover.catalog.PackWriter;
import hk.baycover.catalog.Problem;
import hk.baycover.catalog.ReferenceContext;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Catalog;
import hk.baycover.model.Confidence;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Pack;
import hk.baycover.model.PackHeader;
import hk.baycover.model.PackKind;
import hk.baycover.model.PartialDate;
import hk.baycover.model.PremiumTable;
import hk.baycover.model.Product;
import hk.baycover.model.RegulatedItem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What-if drafts as products packs (ADR 0042): drafts are always {@code sample: true} (they are not real products),
 * exported as a pack that {@link PackReader} accepts, and read back from pack files with every problem reported as
 * {@code FILE:POINTER: message}. Draft ids may not reuse a catalog product's id.
 */
public final class DraftPacks {

    public static final String PACK_ID = "gap-drafts";

    private DraftPacks() {
    }

    /**
     * The draft marked as what it is: a sample, low-confidence, with the premium table flagged as sample too; dated
     * {@code today} when it has no date of its own.
     */
    public static Product asSample(Product p, LocalDate today) {
        PremiumTable t = p.premiums();
        PremiumTable premiums = new PremiumTable(t.status(), t.currency(), t.frequency(), t.ageBasis(), t.options(), t.rows(), t.note(),
                t.changes(), t.sources(), t.sourceNote(), t.asOf(), t.confidence(), true);
        String note = p.sourceNote() == null || p.sourceNote().isBlank() ? "What-if draft from the BayCover gap explorer; not a real product." : p.sourceNote();
        return new Product(p.id(), p.kind(), p.name(), p.provider(), p.summary(), p.regions(), p.arrangement(), p.service(), p.eligibility(),
                p.benefits(), premiums, p.period(), p.exclusiveWith(), p.enrolment(), p.sources(),
                p.asOf() == null ? PartialDate.of(today) : p.asOf(), Confidence.LOW, note, true);
    }

    /** A products pack holding the drafts (each marked sample). */
    public static Pack pack(List<Product> drafts, LocalDate today) {
        PackHeader header = new PackHeader(PACK_ID, PackKind.PRODUCTS, "draft-" + today.format(DateTimeFormatter.BASIC_ISO_DATE),
                PartialDate.of(today),
                LocalizedText.of("缺口分析草擬產品（示例，非真實產品）", "缺口分析草拟产品（示例，非真实产品）", "Gap explorer draft products (samples, not real products)"),
                null, null, "BayCover gap explorer", null, "What-if drafts; every record is sample: true.");
        return new Pack(header, null, null, null, drafts.stream().map(d -> asSample(d, today)).toList(), null);
    }

    /** The pack as JSON that passes the products schema (empty source lists are written out, as the schema requires). */
    public static String toJson(Pack pack) {
        try {
            JsonNode root = CatalogJson.mapper().readTree(PackWriter.toJson(pack));
            for (JsonNode p : root.path("products")) {
                if (!p.has("sources")) ((ObjectNode) p).putArray("sources");
            }
            return CatalogJson.mapper().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the drafts pack to {@code out} (callers write files through {@code io.SafeFiles}). */
    public static void write(Pack pack, java.io.OutputStream out) throws IOException {
        out.write(toJson(pack).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads draft pack files strictly; throws {@link PackException} listing every problem. */
    public static List<Product> read(List<Path> files, Lang lang, Catalog catalog, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        List<Product> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        PackReader reader = new PackReader(lang, today);
        for (Path f : files) {
            PackReader.Result r = reader.read(f, context(catalog));
            problems.addAll(r.problems());
            if (!r.ok()) continue;
            check(r.file(), r.pack(), lang, catalog, seen, problems);
            out.addAll(r.pack().products());
        }
        if (!problems.isEmpty()) throw new PackException(problems);
        return out.stream().map(d -> asSample(d, today)).toList();
    }

    /** Checks one draft as it would be exported (schema, rules, references, id clash); empty when it is fine. */
    public static List<Problem> validate(Product draft, String name, Lang lang, Catalog catalog, LocalDate today) {
        Pack pack = pack(List.of(draft), today);
        PackReader.Result r = new PackReader(lang, today).read(name, toJson(pack).getBytes(StandardCharsets.UTF_8), context(catalog));
        List<Problem> problems = new ArrayList<>(r.problems());
        if (r.ok()) check(name, r.pack(), lang, catalog, new HashSet<>(), problems);
        return problems;
    }

    private static void check(String file, Pack pack, Lang lang, Catalog catalog, Set<String> seen, List<Problem> problems) {
        if (pack.pack().kind() != PackKind.PRODUCTS) {
            problems.add(new Problem(file, "/pack/kind", I18n.get(lang, "gaps.draft.notProducts", pack.pack().kind().code())));
            return;
        }
        if (pack.products().isEmpty()) problems.add(new Problem(file, "/products", I18n.get(lang, "gaps.draft.none")));
        for (int i = 0; i < pack.products().size(); i++) {
            String id = pack.products().get(i).id();
            if (catalog.product(id).isPresent()) {
                problems.add(new Problem(file, "/products/" + i + "/id", I18n.get(lang, "gaps.draft.idTaken", id)));
            } else if (!seen.add(id)) {
                problems.add(new Problem(file, "/products/" + i + "/id", I18n.get(lang, "pack.duplicateId", id)));
            }
        }
    }

    private static ReferenceContext context(Catalog catalog) {
        Set<String> institutions = catalog.institutions().stream().map(Institution::id).collect(Collectors.toSet());
        Set<String> items = catalog.items().stream().map(RegulatedItem::id).collect(Collectors.toSet());
        return ReferenceContext.of(institutions, items);
    }
}
