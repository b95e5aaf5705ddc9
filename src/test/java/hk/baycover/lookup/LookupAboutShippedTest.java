package hk.baycover.lookup;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Lookup screen's "about this data" line on the shipped packs compares with the latest count of the whole measure's
 * approvals — not with a catalogue's entries or one hospital's count, which the running totals also hold.
 */
class LookupAboutShippedTest {

    @Test
    void theLatestOfficialCountIsTheWholeMeasuresApprovals(@TempDir Path dir) {
        try (BayCover app = BayCover.open(dir.resolve("data"), Lang.EN, ProgressMonitor.NONE)) {
            String about = LookupText.about(Lang.EN, app.catalog());
            // 2025-12-08: 140 approved varieties at 71 designated institutions (the 2025 catalogue's 115 entries are not approvals)
            assertTrue(about.contains("The latest official count (2025-12-08) is 140 approved items at 71 institutions."), about);
            assertFalse(about.contains("115"), about);
            String zh = LookupText.about(Lang.ZH_HK, app.catalog());
            assertTrue(zh.contains("共批准 140 個品種、71 間機構"), zh);
            assertFalse(zh.contains("—"), "no placeholder for a missing count: " + zh);
        }
    }
}
