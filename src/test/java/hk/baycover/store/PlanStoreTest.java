package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Currency;
import hk.baycover.model.FxRate;
import hk.baycover.model.HealthCondition;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Money;
import hk.baycover.model.PartialDate;
import hk.baycover.model.Scenario;
import hk.baycover.model.UserError;
import hk.baycover.planning.ClientFile;
import hk.baycover.planning.Plan;
import hk.baycover.planning.PlanStatus;
import hk.baycover.planning.PlanTestData;
import hk.baycover.planning.ScenarioRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saved work in a real SQLite file: clients, plan revisions, duplicates, deletes, proposals, user episodes. */
class PlanStoreTest {

    @TempDir
    Path dir;
    BayCover app;
    PlanStore store;
    ClientStore clients;
    ProposalStore proposals;
    ScenarioStore scenarios;

    @BeforeEach
    void open() {
        app = PlanTestData.open(dir.resolve("data"));
        // client data is stored encrypted only
        app.setPassphrase("a plan store passphrase".toCharArray(), null);
        store = app.planStore();
        clients = app.clientStore();
        proposals = app.proposalStore();
        scenarios = app.scenarioStore();
    }

    static ClientProfile client() {
        ClientProfile t = ClientFile.templateProfile();
        return new ClientProfile(null, "陳大文", "+852 9123 4567", LocalDate.of(1958, 3, 2), null, t.sex(), t.smoker(), t.residency(), t.livesIn(),
                t.city(), t.szMedicalInsurance(), null, true, false, true, false, List.of("test-voucher"), "HA follow-up", List.of(HealthCondition.HYPERTENSION),
                "controlled with medication", List.of("hku-szh"), t.needs(), t.budget(), 12, "prefers mornings");
    }

    static Plan plan(List<String> products) {
        return new Plan("Retirement in Shenzhen", products, null, LocalDate.of(2026, 12, 1), Currency.HKD, null,
                List.of(new ScenarioRun(PlanTestData.LUNG, 400, true)), "discussed on 29 Nov", PlanStatus.DRAFT)
                .withFx(hk.baycover.model.FxTable.defaults().with(new FxRate(Currency.CNY, Currency.HKD, new BigDecimal("1.0912"),
                        PartialDate.parse("2026-11-29"), "user", false)));
    }

    @Test
    void clientRoundTripKeepsEveryField() {
        ClientProfile c = client();
        String id = clients.saveClient(c, Lang.ZH_HK);
        ClientStore.ClientRecord back = clients.client(id).orElseThrow();
        ClientProfile b = back.profile();
        assertEquals(id, b.id());
        assertEquals(Lang.ZH_HK, back.language());
        assertEquals(new ClientProfile(id, c.name(), c.contact(), c.birthDate(), c.age(), c.sex(), c.smoker(), c.residency(), c.livesIn(), c.city(),
                c.szMedicalInsurance(), c.szTier(), c.cssaRecipient(), c.careHomeWaitlist(), c.haFollowUpPatient(), c.mainlandResidencePermit(),
                c.existingProducts(), c.existingCoverNote(), c.conditions(), c.conditionNote(), c.preferredInstitutions(), c.needs(), c.budget(),
                c.horizonYears(), c.notes()), b);
        assertEquals(1, clients.clients().size());
        assertEquals("陳大文", clients.clients().get(0).name());
    }

    @Test
    void theInsurersAnswersTravelSealedWithTheClient() throws Exception {
        hk.baycover.model.InsurerQuote q = new hk.baycover.model.InsurerQuote("test-gba-medical", LocalDate.of(2026, 11, 30), "Q-88123",
                new Money(new BigDecimal("18240.00"), Currency.HKD), null, null,
                new Money(new BigDecimal("500000"), Currency.HKD), null, null, new BigDecimal("20"), null, 80, 100, 30,
                null, null, hk.baycover.model.StanceKind.COVERED, null, "underwriter's e-mail");
        clients.personalCodec(ClientStore.PersonalCodec.of(
                (json, id) -> "b64:" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)),
                (stored, id) -> new String(Base64.getDecoder().decode(stored.substring(4)), StandardCharsets.UTF_8)));
        String id = clients.saveClient(client().withQuotes(List.of(q)), Lang.ZH_HK);
        assertEquals(List.of(q), clients.client(id).orElseThrow().profile().quotes(), "every answered field comes back");
        try (var c = app.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT profile_json, personal_json FROM client")) {
            rs.next();
            for (String secret : List.of("Q-88123", "18240", "underwriter")) {
                assertFalse(rs.getString(1).contains(secret), "the planning column holds no quote: " + secret);
                assertFalse(rs.getString(2).contains(secret), "the quote is sealed with the personal data: " + secret);
            }
        }
        clients.saveClient(clients.client(id).orElseThrow().profile().withQuotes(List.of()), Lang.ZH_HK);
        assertEquals(List.of(), clients.client(id).orElseThrow().profile().quotes(), "a removed answer stays removed");
    }

    @Test
    void personalDataLivesInOneColumnThroughTheCodec() throws Exception {
        // a stand-in for the issue-7 cipher: reversible, bound to the record id like AES-GCM associated data
        clients.personalCodec(ClientStore.PersonalCodec.of(
                (json, id) -> "b64:" + id + ":" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)),
                (stored, id) -> {
                    String prefix = "b64:" + id + ":";
                    if (!stored.startsWith(prefix)) throw new IllegalStateException("sealed for another record");
                    return new String(Base64.getDecoder().decode(stored.substring(prefix.length())), StandardCharsets.UTF_8);
                }));
        String id = clients.saveClient(client(), Lang.EN);
        store.savePlan(null, id, plan(List.of("test-voucher")), "2026-02-10");
        String profile;
        String personal;
        String planJson;
        try (var c = app.database().connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT profile_json, personal_json FROM client")) {
                rs.next();
                profile = rs.getString(1);
                personal = rs.getString(2);
            }
            try (ResultSet rs = s.executeQuery("SELECT plan_json || personal_json FROM plan_revision")) {
                rs.next();
                planJson = rs.getString(1);
            }
        }
        for (String secret : List.of("陳大文", "9123", "1958", "HYPERTENSION", "mornings", "medication", "Retirement", "discussed")) {
            assertFalse(profile.contains(secret), "planning column must not hold " + secret);
            assertFalse(personal.contains(secret), "personal column is sealed: " + secret);
            assertFalse(planJson.contains(secret), "plan revision must not hold " + secret + " in the clear");
        }
        assertTrue(profile.contains("SHENZHEN") || profile.contains("HONG_KONG"), "planning data stays readable");
        assertEquals("陳大文", clients.client(id).orElseThrow().profile().name());
        assertEquals("Retirement in Shenzhen", store.plans(id).get(0).title());
    }

    @Test
    void revisionsDuplicateAndDelete() {
        String clientId = clients.saveClient(client(), Lang.EN);
        PlanStore.SavedPlan r1 = store.savePlan(null, clientId, plan(List.of("test-voucher")), "2026-02-10");
        assertEquals(1, r1.revision());
        PlanStore.SavedPlan r2 = store.savePlan(r1.id(), clientId, plan(List.of("test-voucher", "test-gba-medical")).withStatus(PlanStatus.PROPOSED), "2026-02-10");
        assertEquals(2, r2.revision());
        assertEquals(List.of(1, 2), store.revisions(r1.id()).stream().map(PlanStore.Revision::revision).toList());
        Plan latest = store.plan(r1.id()).orElseThrow().plan();
        assertEquals(List.of("test-voucher", "test-gba-medical"), latest.productIds());
        assertEquals(PlanStatus.PROPOSED, latest.status());
        assertEquals(new BigDecimal("1.0912"), latest.fx().rate(Currency.CNY, Currency.HKD).orElseThrow());
        assertEquals(List.of(new ScenarioRun(PlanTestData.LUNG, 400, true)), latest.runs());
        assertEquals(LocalDate.of(2026, 12, 1), latest.startDate());
        assertEquals(List.of("test-voucher"), store.plan(r1.id(), 1).orElseThrow().plan().productIds(), "old revision kept");

        ProposalStore.Proposal prop = proposals.recordProposal(r1.id(), 2, Lang.ZH_HK, "abc123", 1234, "2026-02-10", "gba-products@1");
        assertEquals(List.of(prop), proposals.proposals(r1.id()));

        PlanStore.SavedPlan copy = store.duplicate(r1.id(), "Copy");
        assertEquals(1, copy.revision());
        assertEquals(latest.productIds(), store.plan(copy.id()).orElseThrow().plan().productIds());
        assertEquals(PlanStatus.DRAFT, store.plan(copy.id()).orElseThrow().plan().status());
        assertEquals(2, store.plans(clientId).size());
        assertEquals(r1.id(), store.plans(clientId).stream().filter(p -> p.id().equals(copy.id())).findFirst().orElseThrow().duplicatedFrom());

        assertTrue(store.deletePlan(copy.id()));
        assertEquals(1, store.plans(clientId).size());

        assertTrue(clients.deleteClient(clientId));
        assertTrue(clients.clients().isEmpty());
        assertTrue(store.plans(null).isEmpty(), "plans deleted with the client");
        assertTrue(proposals.proposals(r1.id()).isEmpty(), "proposal records deleted too");
        assertTrue(store.revisions(r1.id()).isEmpty());
        assertFalse(clients.deleteClient(clientId));
    }

    @Test
    void auditEntriesWithoutPersonalDataAndErasure() {
        String clientId = clients.saveClient(client(), Lang.EN);
        PlanStore.SavedPlan r1 = store.savePlan(null, clientId, plan(List.of("test-voucher")), "2026-02-10");
        store.savePlan(r1.id(), clientId, plan(List.of("test-voucher", "test-gba-medical")), "2026-02-10");
        proposals.recordProposal(r1.id(), 2, Lang.ZH_CN, "deadbeef", 99, "2026-02-10", "gba-products@1");
        var entries = app.audit().list(new hk.baycover.trust.AuditQuery(null, null, null, null, clientId, 0));
        List<hk.baycover.trust.AuditAction> actions = entries.stream().map(hk.baycover.trust.AuditEntry::action).toList();
        assertTrue(actions.containsAll(List.of(hk.baycover.trust.AuditAction.PLAN_CREATED, hk.baycover.trust.AuditAction.PLAN_CHANGED,
                hk.baycover.trust.AuditAction.PROPOSAL_ISSUED)), actions.toString());
        for (var e : entries) assertFalse(e.details().toString().contains("陳大文") || String.valueOf(e.subjectId()).contains("陳大文"));
        var proposal = entries.stream().filter(e -> e.action() == hk.baycover.trust.AuditAction.PROPOSAL_ISSUED).findFirst().orElseThrow();
        assertEquals("zh-CN", proposal.details().get("lang"));
        assertEquals("deadbeef", proposal.details().get("sha256"));

        // erasing the client (issue 7) removes every row the plan store holds for them
        var result = app.eraseClient(clientId);
        assertEquals(1 + 1 + 2 + 1, result.rowsRemoved(), "proposal + plan + 2 revisions + client");
        assertTrue(clients.clients().isEmpty());
        assertTrue(store.plans(null).isEmpty());
    }

    @Test
    void savingForAMissingClientOrPlanChangesNothing() {
        assertThrows(UserError.class, () -> store.savePlan(null, "client-nobody", plan(List.of()), null));
        String clientId = clients.saveClient(client(), Lang.EN);
        assertThrows(UserError.class, () -> store.savePlan("plan-nothing", clientId, plan(List.of()), null));
        assertTrue(store.plans(null).isEmpty());
    }

    @Test
    void userEpisodesOverlayTheCatalog() {
        Scenario base = app.catalog().scenario(PlanTestData.LUNG).orElseThrow();
        var line = base.lines().get(0);
        var edited = new hk.baycover.model.CostLine(line.id(), line.need(), line.institution(), line.region(), line.description(),
                Money.of("42000", Currency.HKD), line.item(), false, "edited by the user");
        List<hk.baycover.model.CostLine> lines = new java.util.ArrayList<>(base.lines());
        lines.set(0, edited);
        Scenario mine = new Scenario(base.id(), base.name(), base.description(), base.durationDays(), lines, base.sources(), base.asOf(),
                base.confidence(), "edited", base.sample());
        scenarios.saveScenario(mine, base.id());
        Scenario added = new Scenario("my-dental", LocalizedText.of("洗牙", "洗牙", "Dental cleaning"), null, 1,
                List.of(new hk.baycover.model.CostLine("cleaning", hk.baycover.model.Need.DENTAL, null, hk.baycover.model.Region.SHENZHEN,
                        LocalizedText.en("cleaning"), Money.of("300", Currency.CNY), null, false, null)), List.of(), PartialDate.parse("2026-11"), null, null, false);
        scenarios.saveScenario(added, null);
        List<ScenarioStore.UserScenario> all = scenarios.userScenarios();
        assertEquals(2, all.size());
        assertEquals(new BigDecimal("42000"), all.get(0).scenario().lines().get(0).cost().amount());
        assertEquals(base.id(), all.get(0).baseId());
        assertNull(all.get(1).baseId());
        var lib = new hk.baycover.planning.ScenarioLibrary(app.catalog().scenarios(), all.stream().map(ScenarioStore.UserScenario::scenario).toList());
        assertTrue(lib.isEditedCatalogEpisode(base.id()));
        assertEquals(new BigDecimal("42000"), lib.find(base.id()).orElseThrow().lines().get(0).cost().amount());
        assertTrue(lib.find("my-dental").isPresent());
        assertTrue(scenarios.deleteScenario("my-dental"));
        assertEquals(1, scenarios.userScenarios().size());
    }
}
