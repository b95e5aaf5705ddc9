package hk.baycover.compare;

import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.store.CatalogStore;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** A real data folder: the shipped packs plus the small products pack in src/test/resources/compare (real, sourced records). */
public final class CompareFixtures {

    public static final String PICC = "t-picc-northbound";
    public static final String BOCG = "t-bocg-gba-excellence";
    public static final String HSBC = "t-hsbc-vhis-standard";
    public static final String AXA = "t-axa-signature-network";
    public static final String HUIMINBAO = "t-sz-huiminbao";
    public static final String RCSGD = "t-rcsgd-medical-subsidy";

    private CompareFixtures() {
    }

    public static Path pack() {
        try {
            return Path.of(CompareFixtures.class.getResource("/compare/mini-products.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens (seeding the shipped packs) and imports the test products pack, unless the catalog already has it. */
    public static BayCover open(Path dir) {
        BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE);
        if (app.catalog().product(BOCG).isEmpty()) {
            app.catalogStore().importFiles(List.of(pack()), CatalogStore.Origin.IMPORTED, Lang.EN, ProgressMonitor.NONE);
            app.reload();
        }
        return app;
    }
}
