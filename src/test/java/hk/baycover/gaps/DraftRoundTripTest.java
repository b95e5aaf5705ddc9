package hk.baycover.gaps;

import hk.baycover.app.BayCover;
import hk.baycover.catalog.PackException;
import hk.baycover.catalog.PackReader;
import hk.baycover.catalog.Problem;
import hk.baycover.model.Lang;
import hk.baycover.model.Pack;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.DraftStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drafts saved in SQLite (migration 005), loaded back, exported as a products pack that PackReader accepts, read again. */
class DraftRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void saveLoadExportAndReadBack() throws Exception {
        try (BayCover app = BayCover.open(dir.resolve("data"), Lang.EN, ProgressMonitor.NONE)) {
            DraftStore store = app.gapDrafts();
            Product a = DraftPacks.asSample(GapFixtures.dentalDraft("draft-a"), java.time.LocalDate.of(2026, 11, 29));
            Product b = DraftPacks.asSample(GapFixtures.hkMedical(), java.time.LocalDate.of(2026, 11, 29));
            Product bRenamed = new Product("draft-b", b.kind(), b.name(), b.provider(), b.summary(), b.regions(), b.arrangement(), b.service(),
                    b.eligibility(), b.benefits(), b.premiums(), b.period(), b.exclusiveWith(), b.enrolment(), b.sources(), b.asOf(),
                    b.confidence(), b.sourceNote(), b.sample());
            store.save(a, null, true, null);
            store.save(bRenamed, "t-hk-medical", false, null);
            List<DraftStore.Draft> saved = store.list();
            assertEquals(List.of("draft-a", "draft-b"), saved.stream().map(DraftStore.Draft::id).toList());
            assertEquals(a, saved.get(0).product(), "the product survives SQLite unchanged");
            assertTrue(saved.get(0).active());
            assertFalse(saved.get(1).active());
            assertEquals("t-hk-medical", saved.get(1).basedOn());

            store.setActive("draft-b", true);
            assertTrue(store.get("draft-b").orElseThrow().active());
            // rename on edit: the old row goes, the new keeps its creation time
            String created = store.get("draft-a").orElseThrow().createdAt();
            Product renamed = new Product("draft-a2", a.kind(), a.name(), a.provider(), a.summary(), a.regions(), a.arrangement(), a.service(),
                    a.eligibility(), a.benefits(), a.premiums(), a.period(), a.exclusiveWith(), a.enrolment(), a.sources(), a.asOf(),
                    a.confidence(), a.sourceNote(), a.sample());
            store.save(renamed, null, true, "draft-a");
            assertTrue(store.get("draft-a").isEmpty());
            assertEquals(created, store.get("draft-a2").orElseThrow().createdAt());
            assertThrows(hk.baycover.model.UserError.class, () -> store.save(renamed, null, true, "draft-b"), "cannot rename onto another draft");
            assertEquals(2, store.list().size(), "the failed rename changed nothing");

            Path file = dir.resolve("export").resolve("gap-drafts.json");
            app.files().write(file, o -> DraftPacks.write(DraftPacks.pack(store.list().stream().map(DraftStore.Draft::product).toList(), LocalDate.of(2026, 11, 29)), o));
            PackReader.Result r = new PackReader(Lang.EN, java.time.LocalDate.now()).read(file);
            assertTrue(r.ok(), r.problems().toString());
            Pack pack = r.pack();
            assertEquals("products", pack.pack().kind().code());
            assertEquals(2, pack.products().size());
            assertTrue(pack.products().stream().allMatch(Product::sample), "drafts are exported as samples");
            assertTrue(pack.products().stream().allMatch(p -> p.premiums().sample()));
            assertTrue(Files.readString(file).contains("\"sample\" : true"));

            List<Product> back = DraftPacks.read(List.of(file), Lang.EN, app.catalog(), java.time.LocalDate.of(2026, 11, 29));
            assertEquals(store.list().stream().map(DraftStore.Draft::product).toList(), back);

            assertTrue(store.delete("draft-b"));
            assertEquals(1, store.list().size());
        }
    }

    @Test
    void validationNamesTheField() {
        Product bad = GapFixtures.product("draft-bad", hk.baycover.model.ProductKind.COMMERCIAL_MEDICAL, "Bad",
                GapFixtures.eligibility(70, 60, null, List.of(), null, null), GapFixtures.dentalDraft("x").benefits(), GapFixtures.dentalDraft("x").premiums());
        List<Problem> problems = DraftPacks.validate(bad, "form", Lang.EN, hk.baycover.model.Catalog.empty(), java.time.LocalDate.of(2026, 11, 29));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("/products/0/eligibility/maxEntryAge", problems.get(0).pointer());
        assertThrows(PackException.class, () -> DraftPacks.read(List.of(dir.resolve("none.json")), Lang.EN, hk.baycover.model.Catalog.empty(), java.time.LocalDate.of(2026, 11, 29)));
    }
}
