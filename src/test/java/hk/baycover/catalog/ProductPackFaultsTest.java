package hk.baycover.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.baycover.compare.CompareFixtures;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.Pack;
import hk.baycover.model.RegulatedItem;
import hk.baycover.store.ShippedPacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every product-pack fault the compare issue names is rejected with {@code FILE:POINTER: message}, on a real pack (the
 * test products pack) with one fault injected at a time; the good pack and the shipped packs pass.
 */
class ProductPackFaultsTest {

    static final String FILE = "products.json";
    static ObjectNode good;
    static ReferenceContext shipped;

    @BeforeAll
    static void load() throws Exception {
        good = (ObjectNode) CatalogJson.mapper().readTree(Files.readString(CompareFixtures.pack()));
        PackReader.Result drugs = new PackReader(Lang.EN, java.time.LocalDate.now()).read("gba-drugs-devices.json", ShippedPacks.bytes("gba-drugs-devices.json"), ReferenceContext.EMPTY);
        assertTrue(drugs.ok(), drugs.problems().toString());
        Pack p = drugs.pack();
        Set<String> inst = p.institutions().stream().map(Institution::id).collect(Collectors.toCollection(HashSet::new));
        Set<String> items = p.items().stream().map(RegulatedItem::id).collect(Collectors.toSet());
        shipped = ReferenceContext.of(inst, items);
    }

    private static PackReader.Result read(Consumer<ObjectNode> fault) throws Exception {
        ObjectNode pack = PackReader.copy(good);
        fault.accept(pack);
        return new PackReader(Lang.EN, java.time.LocalDate.now()).read(FILE, CatalogJson.mapper().writeValueAsBytes(pack), shipped);
    }

    /** Asserts that the fault is rejected with exactly this pointer (and, when given, a message containing the text). */
    private static void rejected(Consumer<ObjectNode> fault, String pointer, String text) throws Exception {
        PackReader.Result r = read(fault);
        assertTrue(r.pack() == null && !r.ok(), "must be rejected: " + pointer);
        List<String> lines = r.problems().stream().map(Problem::toString).toList();
        String wanted = FILE + ":" + pointer + ": ";
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(wanted) && (text == null || l.contains(text))),
                "expected " + wanted + (text == null ? "" : "…" + text + "…") + " in " + lines);
    }

    private static ObjectNode product(ObjectNode pack, int i) {
        return (ObjectNode) pack.get("products").get(i);
    }

    @Test
    void theGoodPackAndTheShippedPacksAreAccepted() throws Exception {
        PackReader.Result r = read(p -> { });
        assertTrue(r.ok(), r.problems().toString());
        // the shipped packs in import order, each seeing the records of the packs before it
        Set<String> inst = new HashSet<>();
        Set<String> items = new HashSet<>();
        for (String name : ShippedPacks.names()) {
            if (ShippedPacks.class.getResource("/data/packs/" + name) == null) continue;
            PackReader.Result s = new PackReader(Lang.EN, java.time.LocalDate.now()).read(name, ShippedPacks.bytes(name), ReferenceContext.of(inst, items));
            assertTrue(s.ok(), name + ": " + s.problems());
            s.pack().institutions().forEach(i -> inst.add(i.id()));
            s.pack().items().forEach(i -> items.add(i.id()));
        }
    }

    @Test
    void coInsurerSharesMustAddUpTo100() throws Exception {
        rejected(p -> {
            ArrayNode parties = (ArrayNode) product(p, 2).get("arrangement").get("parties");
            ((ObjectNode) parties.get(0)).put("share", 60);
            parties.addObject().put("role", "CO_INSURER").put("share", 30).putObject("name").put("en", "Co-insurer B");
        }, "/products/2/arrangement/parties", "add up to 90 %, not 100 %");
    }

    @Test
    void onlyUnderwritersAndCoInsurersCarryAShare() throws Exception {
        rejected(p -> ((ObjectNode) product(p, 2).get("arrangement").get("parties").get(1)).put("share", 100),
                "/products/2/arrangement/parties/1/share", "not a DISTRIBUTOR");
    }

    @Test
    void overlappingAndMissingPremiumBands() throws Exception {
        rejected(p -> {
            ArrayNode rows = (ArrayNode) product(p, 1).get("premiums").get("rows");
            rows.addObject().put("ageFrom", 25).put("ageTo", 35).put("sex", "M").put("smoker", false).put("amount", 5000);
        }, "/products/1/premiums/rows/0/ageFrom", "overlaps band 25–35");
        rejected(p -> {
            ArrayNode rows = (ArrayNode) product(p, 1).get("premiums").get("rows");
            rows.addObject().put("ageFrom", 40).put("ageTo", 49).put("sex", "M").put("smoker", false).put("amount", 6000);
        }, "/products/1/premiums/rows/1/ageFrom", "no premium for ages 31–39");
        rejected(p -> {
            ArrayNode rows = (ArrayNode) product(p, 1).get("premiums").get("rows");
            rows.addObject().put("ageFrom", 30).put("ageTo", 30).put("sex", "F").put("smoker", false).put("amount", 5000);
            rows.addObject().put("ageFrom", 31).put("ageTo", 40).put("sex", "F").put("smoker", false).put("amount", 5000);
        }, "/products/1/premiums/rows", "no premium for ages 31–40 for sex M");
        rejected(p -> {
            ArrayNode rows = (ArrayNode) product(p, 1).get("premiums").get("rows");
            rows.addObject().put("ageFrom", 30).put("ageTo", 30).put("smoker", false).put("amount", 5000);
        }, "/products/1/premiums/rows/0/sex", "both a premium for either sex and one for sex M");
        rejected(p -> ((ObjectNode) product(p, 1).get("premiums").get("rows").get(0)).put("ageFrom", 31),
                "/products/1/premiums/rows/0/ageTo", "age band 31–30 is reversed");
        rejected(p -> ((ObjectNode) product(p, 1).get("premiums")).remove("currency"), "/products/1/premiums/currency", "needs a currency");
    }

    @Test
    void directBillingInstitutionAndListedItemMustExist() throws Exception {
        rejected(p -> ((ArrayNode) product(p, 3).get("service").get("directBilling")).add("no-such-hospital"),
                "/products/3/service/directBilling/1", "unknown institution \"no-such-hospital\"");
        rejected(p -> ((ArrayNode) product(p, 0).get("benefits").get(1).get("gbaStance").get("drugs").get("items")).set(0, "no-such-drug"),
                "/products/0/benefits/1/gbaStance/drugs/items/0", "unknown 港澳藥械通 item \"no-such-drug\"");
        rejected(p -> ((ArrayNode) product(p, 5).get("benefits").get(2).get("institutions")).set(0, "missing-home"),
                "/products/5/benefits/2/institutions/0", "unknown institution");
    }

    @Test
    void unknownNeedCurrencyAndEnumValuesAreSchemaErrors() throws Exception {
        rejected(p -> ((ObjectNode) product(p, 1).get("benefits").get(0)).put("need", "TELEPATHY"), "/products/1/benefits/0/need", null);
        rejected(p -> ((ObjectNode) product(p, 1).get("benefits").get(0).get("annualLimit")).put("currency", "USD"),
                "/products/1/benefits/0/annualLimit/currency", null);
        rejected(p -> product(p, 1).put("kind", "LOTTERY"), "/products/1/kind", null);
        rejected(p -> ((ObjectNode) product(p, 2).get("arrangement").get("parties").get(0)).put("jurisdiction", "TAIWAN"),
                "/products/2/arrangement/parties/0/jurisdiction", null);
        rejected(p -> product(p, 4).putObject("eligibility").put("ageBasis", "BIRTHDAY_NEXT_YEAR"), "/products/4/eligibility/ageBasis", null);
        rejected(p -> product(p, 1).put("colour", "blue"), "/products/1/colour", null);
    }

    @Test
    void rulesOnAgesRatesItemListsLimitsIdsAndNames() throws Exception {
        rejected(p -> ((ObjectNode) product(p, 2).get("eligibility")).put("minEntryAge", 90), "/products/2/eligibility/maxEntryAge", "reversed (90 > 80)");
        rejected(p -> ((ObjectNode) product(p, 2).get("eligibility")).put("maxRenewalAge", 70), "/products/2/eligibility/maxRenewalAge", "below maximum entry age 80");
        rejected(p -> ((ObjectNode) product(p, 2).get("eligibility")).put("preExistingRate", 50), "/products/2/eligibility/preExistingRate", "not REDUCED");
        rejected(p -> ((ObjectNode) product(p, 0).get("benefits").get(1).get("gbaStance").get("drugs")).put("stance", "COVERED"),
                "/products/0/benefits/1/gbaStance/drugs/items", "not LISTED");
        // a benefit says where it stands on 港澳藥械通 items, even if only "not stated"
        rejected(p -> ((ObjectNode) product(p, 0).get("benefits").get(1)).remove("gbaStance"), "/products/0/benefits/1/gbaStance", "gbaStance");
        // effective-dated values run forward in time
        rejected(p -> {
            ArrayNode changes = ((ObjectNode) product(p, 0).get("benefits").get(0)).putArray("changes");
            changes.addObject().put("from", "2026-02-01");
            changes.addObject().put("from", "2025-02-01");
        }, "/products/0/benefits/0/changes/1/from", null);
        rejected(p -> ((ObjectNode) product(p, 1).get("benefits").get(0)).putObject("perEventLimit").put("amount", 2000000).put("currency", "HKD"),
                "/products/1/benefits/0/perEventLimit", "above the annual limit");
        rejected(p -> product(p, 1).put("id", "t-picc-northbound"), "/products/1/id", "duplicate id \"t-picc-northbound\"");
        rejected(p -> product(p, 1).putObject("name").put("en", " "), "/products/1/name", "empty in every language");
        rejected(p -> product(p, 1).put("asOf", "2025-02-30"), "/products/1/asOf", "impossible date");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        PackReader.Result r = read(p -> {
            ((ArrayNode) product(p, 3).get("service").get("directBilling")).add("no-such-hospital");
            ((ObjectNode) product(p, 1).get("benefits").get(0)).put("need", "TELEPATHY");
        });
        assertEquals(2, r.problems().size(), r.problems().toString());
        JsonNode unused = good;
        assertTrue(unused.has("products"));
    }
}
