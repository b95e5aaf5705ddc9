package hk.baycover.planning;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.CatalogStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opens a real data folder (shipped packs seeded) and imports the test products pack (every record sample, ids "test-..."). */
public final class PlanTestData {
    public static final String LUNG = "lung-cancer-lorlatinib-6m-hku-szh";
    /** The shipped 港澳藥械通 drug episode: brolucizumab for wet macular degeneration at C-MER Zhuhai. */
    public static final String GBA_DRUG = "wet-amd-brolucizumab-12m-zhuhai-cmer";

    private PlanTestData() {
    }

    public static Path testPack(Path dir) {
        try (InputStream in = PlanTestData.class.getResourceAsStream("/plan/test-products.json")) {
            Path file = dir.resolve("test-products.json");
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BayCover open(Path dataDir) {
        BayCover app = BayCover.open(dataDir, Lang.EN, ProgressMonitor.NONE);
        if (app.catalog().product("test-gba-medical").isEmpty()) {
            app.catalogStore().importFiles(List.of(testPack(dataDir.getParent() == null ? dataDir : dataDir.getParent())),
                    CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            app.reload();
        }
        return app;
    }
}
