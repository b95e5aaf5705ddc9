package hk.baycover.store;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.trust.AuditAction;
import hk.baycover.trust.AuditCsv;
import hk.baycover.trust.AuditEntry;
import hk.baycover.trust.AuditQuery;
import hk.baycover.trust.TestPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit log: what is recorded, that it cannot be changed, how it is read and exported. */
class AuditStoreTest {

    @TempDir
    Path dir;

    @Test
    void importsExportsAndThePlanApiAreRecorded() throws Exception {
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            long shipped = app.audit().count();
            byte[] pack = TestPacks.drugsBytes("au-pack", "3", 1, 2);
            app.catalogStore().importSources(List.of(new CatalogStore.Source("au.json", pack)), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            app.catalogStore().exportAll(dir.resolve("out"), ProgressMonitor.NONE);
            app.database().inTransaction(c -> {
                AuditStore.planCreated(c, "plan-1", "client-7", java.time.Clock.systemDefaultZone());
                AuditStore.planChanged(c, "plan-1", "client-7", 2, java.time.Clock.systemDefaultZone());
                AuditStore.proposalIssued(c, "plan-1", "client-7", Lang.ZH_HK, "gba-drugs-devices@2025.12.1", "ab".repeat(32), java.time.Clock.systemDefaultZone());
                AuditStore.planDeleted(c, "plan-1", "client-7", java.time.Clock.systemDefaultZone());
                return null;
            });
            List<AuditEntry> all = app.audit().list(AuditQuery.ALL);
            AuditEntry imported = app.audit().list(new AuditQuery(AuditAction.PACK_IMPORTED, "au-pack", null, null, null, 0)).get(0);
            assertEquals("3", imported.details().get("version"));
            assertEquals(hk.baycover.catalog.PackReader.sha256(pack), imported.details().get("sha256"));
            assertEquals("IMPORTED", imported.details().get("origin"));
            assertEquals(System.getProperty("user.name"), imported.actor());
            List<AuditEntry> exported = app.audit().list(new AuditQuery(AuditAction.PACK_EXPORTED, null, null, null, null, 0));
            String exportedSha = hk.baycover.catalog.PackReader.sha256(Files.readAllBytes(dir.resolve("out/au-pack.json")));
            assertTrue(exported.stream().anyMatch(e -> e.subjectId().equals("au-pack") && e.details().get("sha256").equals(exportedSha)));
            AuditEntry proposal = app.audit().list(new AuditQuery(AuditAction.PROPOSAL_ISSUED, null, null, null, null, 0)).get(0);
            assertEquals(Map.of("lang", "zh-HK", "datasets", "gba-drugs-devices@2025.12.1", "sha256", "ab".repeat(32)), proposal.details());
            assertEquals("client-7", proposal.clientId());
            // newest first, sequence numbers strictly decreasing, filters
            for (int i = 1; i < all.size(); i++) assertTrue(all.get(i - 1).seq() > all.get(i).seq());
            assertEquals(4, app.audit().list(new AuditQuery(null, null, null, null, "client-7", 0)).size());
            assertEquals(2, app.audit().list(new AuditQuery(null, "plan-1", null, null, null, 2)).size());
            assertEquals(0, app.audit().list(new AuditQuery(null, null, Instant.now().plusSeconds(60), null, null, 0)).size());
            assertTrue(shipped <= all.size());
        }
    }

    @Test
    void theLogIsAppendOnly() throws Exception {
        try (BayCover app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE)) {
            app.audit().append(AuditEntry.of(AuditAction.PLAN_CREATED, "plan", "p1", "c1", Map.of()));
            app.audit().append(AuditEntry.of(AuditAction.PACK_EXPORTED, "dataset", "d1", null, Map.of()));
            String before = DbFingerprint.of(dir);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.database().file()); Statement s = c.createStatement()) {
                for (String sql : List.of("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log",
                        "DELETE FROM audit_log WHERE client_id = 'c1'", "DELETE FROM audit_log WHERE client_id IS NULL")) {
                    SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
                    assertTrue(e.getMessage().contains("audit log is append-only"), e.getMessage());
                }
                // the erasure gate opens only for its own client
                c.setAutoCommit(false);
                s.executeUpdate("INSERT INTO audit_erasure(id, client_id) VALUES (1, 'other')");
                assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_log WHERE client_id = 'c1'"));
                c.rollback();
            }
            assertEquals(before, DbFingerprint.of(dir));
        }
    }

    @Test
    void csvIsQuotedAndCannotCarryFormulas() throws Exception {
        AuditEntry e = new AuditEntry(5, Instant.parse("2026-11-29T01:02:03Z"), "=cmd|' /C calc'!A0", AuditAction.PACK_IMPORTED,
                "dataset", "a,b", null, Map.of("note", "say \"hi\"", "sha256", "00"));
        java.io.ByteArrayOutputStream w = new java.io.ByteArrayOutputStream();
        AuditCsv.write(List.of(e), w);
        String text = w.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "UTF-8 byte-order mark");
        String[] lines = text.substring(1).split("\r\n");
        assertEquals("seq,at,actor,action,subject_type,subject_id,client_id,details", lines[0]);
        assertEquals("5,2026-11-29T01:02:03Z,'=cmd|' /C calc'!A0,PACK_IMPORTED,dataset,\"a,b\",,\"note=say \"\"hi\"\"; sha256=00\"", lines[1]);
    }
}
