package hk.baycover.catalog;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.CatalogStore;
import hk.baycover.testsupport.DbContent;
import hk.baycover.testsupport.TestPacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every malformed pack in {@code src/test/resources/packs/bad/} is refused with each problem at its exact
 * {@code FILE:POINTER} and a message that says what is wrong, and the database is left exactly as it was.
 */
class MalformedPackTest {

    @TempDir
    static Path dataDir;

    private static BayCover app;
    private static Path db;

    @BeforeAll
    static void open() {
        app = BayCover.open(dataDir, Lang.EN, ProgressMonitor.NONE);
        // a database with content: the shipped packs plus the test drugs pack
        app.catalogStore().importFiles(List.of(TestPacks.DRUGS), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
        db = app.database().file();
    }

    @AfterAll
    static void close() {
        app.close();
    }

    /** file name; expected "POINTER" of every problem (in reported order); a fragment of the first problem's message. */
    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("malformed-json.json", List.of("5:5"), "unexpected character \" (U+0022): a comma is expected"),
                arguments("duplicate-key.json", List.of("5:9"), "the field \"id\" appears twice in one object"),
                arguments("trailing-garbage.json", List.of("14:1"), "not valid JSON"),
                arguments("empty.json", List.of("/"), "the file is empty"),
                arguments("unknown-field.json", List.of("/institutions/0/colour"), "'colour' is not defined"),
                arguments("wrong-type.json", List.of("/institutions/0/designation/batch"), "string found, integer expected"),
                arguments("missing-required.json", List.of("/items/0/kind"), "required property 'kind'"),
                arguments("bad-date-shape.json", List.of("/institutions/0/asOf"), "not a date: \"2021/08/01\""),
                arguments("impossible-date.json", List.of("/items/0/approvals/0/date"), "impossible date \"2021-02-30\""),
                arguments("duplicate-ids.json", List.of("/institutions/2/id"), "duplicate id \"bad-hosp-1\" (first used at /institutions/0)"),
                arguments("unknown-approval-institution.json", List.of("/items/0/approvals/1/institution"), "unknown institution \"no-such-hospital\""),
                arguments("unknown-currency.json", List.of("/products/0/benefits/0/annualLimit/currency"), "[\"HKD\", \"CNY\", \"MOP\"]"),
                arguments("unknown-language.json", List.of("/institutions/0/name/fr"), "'fr' is not defined"),
                arguments("empty-name.json", List.of("/items/0/name"), "the name is empty in every language"),
                arguments("unknown-kind.json", List.of("/pack/kind"), "unknown or missing pack kind \"hospitals\""),
                arguments("shares-not-100.json", List.of("/products/0/arrangement/parties"), "add up to 90 %, not 100 %"),
                arguments("premium-overlap.json", List.of("/products/0/premiums/rows/1/ageFrom"), "age band 40–64 overlaps band 0–40"),
                arguments("premium-gap.json", List.of("/products/0/premiums/rows/1/ageFrom"), "no premium for ages 41–44"),
                arguments("unknown-direct-billing.json", List.of("/products/0/service/directBilling/1"), "unknown institution \"no-such-hospital\""),
                arguments("unknown-need.json", List.of("/products/0/benefits/1/need"), "\"CRITICAL_ILLNESS\"]"),
                arguments("scenario-unknown-item.json", List.of("/scenarios/0/lines/0/item"), "unknown 港澳藥械通 item \"no-such-drug\""),
                arguments("removed-before-designated.json", List.of("/institutions/0/designation/removed"), "removal date is before the designation date"),
                arguments("not-utf8.json", List.of("15:17"), "not valid UTF-8"),
                arguments("utf16-bom.json", List.of("/"), "UTF-16"),
                arguments("top-level-array.json", List.of("/"), "must be a JSON object"),
                arguments("multiple-problems.json", List.of(
                        "/institutions/0/colour",
                        "/institutions/1/asOf",
                        "/institutions/1/id",
                        "/institutions/2/city",
                        "/institutions/2/name",
                        "/items/0/approvals/0/institution",
                        "/items/0/asOf"), "'colour' is not defined"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedAtTheRightPlaceAndChangesNothing(String name, List<String> pointers, String fragment) {
        Path file = TestPacks.bad(name);
        String before = DbContent.hash(db);

        PackException e = assertThrows(PackException.class, () ->
                app.catalogStore().importFiles(List.of(file), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE));

        List<String> where = pointers.stream().map(p -> file + ":" + p).toList();
        assertEquals(where, e.problems().stream().map(p -> p.file() + ":" + (p.pointer().isEmpty() ? "/" : p.pointer())).toList(),
                () -> "problems: " + e.problems());
        Problem first = e.problems().get(0);
        assertTrue(first.message().contains(fragment), () -> "message of " + first + " should contain " + fragment);
        assertTrue(first.toString().startsWith(where.get(0) + ": "), first::toString);
        assertEquals("pack.rejected", e.key());
        assertEquals(before, DbContent.hash(db), "the database is unchanged");

        // validate reports exactly what import reports, and writes nothing either
        PackException v = assertThrows(PackException.class, () -> app.catalogStore().validateFiles(List.of(file), Lang.EN));
        assertEquals(e.problems(), v.problems());
        assertEquals(before, DbContent.hash(db));
    }

    @Test
    void atLeastFifteenDistinctMalformedPacksAreCovered() throws Exception {
        Set<String> covered = cases().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        Set<String> files;
        try (Stream<Path> s = Files.list(TestPacks.ROOT.resolve("bad"))) {
            files = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertEquals(files, covered, "every bad pack has a case, and every case a file");
        assertTrue(covered.size() >= 15);
    }

    @Test
    void aGoodPackNextToABadOneIsNotImportedEither() {
        String before = DbContent.hash(db);
        PackException e = assertThrows(PackException.class, () -> app.catalogStore().importFiles(
                List.of(TestPacks.PRODUCTS, TestPacks.bad("premium-gap.json")), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE));
        assertEquals(1, e.problems().size(), () -> e.problems().toString());
        assertEquals(before, DbContent.hash(db));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = TestPacks.bad("no-such-file.json");
        String before = DbContent.hash(db);
        PackException e = assertThrows(PackException.class, () ->
                app.catalogStore().importFiles(List.of(missing), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE));
        assertEquals(missing + ":/: no such file", e.problems().get(0).toString());
        assertEquals(before, DbContent.hash(db));
    }

    @Test
    void schemaMessagesFollowTheLanguage() {
        PackReader.Result hk = new PackReader(Lang.ZH_HK, java.time.LocalDate.now()).read(TestPacks.bad("unknown-field.json"));
        PackReader.Result cn = new PackReader(Lang.ZH_CN, java.time.LocalDate.now()).read(TestPacks.bad("unknown-field.json"));
        // Traditional: 屬性 (property), 架構 (schema); Simplified: 属性, 模式
        assertTrue(hk.problems().get(0).message().contains("屬性"), hk.problems()::toString);
        assertTrue(cn.problems().get(0).message().contains("属性"), cn.problems()::toString);
        PackReader.Result date = new PackReader(Lang.ZH_HK, java.time.LocalDate.now()).read(TestPacks.bad("bad-date-shape.json"));
        assertTrue(date.problems().get(0).message().contains("不是日期"), date.problems()::toString);
    }
}
