package hk.baycover.ui.data;

import hk.baycover.app.BayCover;
import hk.baycover.catalog.PackSigning;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.trust.DataDirLock;
import hk.baycover.trust.TestPacks;
import hk.baycover.ui.common.Settings;
import hk.baycover.ui.common.SyncTaskRunner;
import hk.baycover.ui.common.UiContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Data screen shows who signed each dataset and manages the trusted publishers (ViewModel, no FX thread). */
class SignaturesOnTheDataScreenTest {

    @TempDir
    Path dir;
    BayCover app;

    @AfterEach
    void close() {
        if (app != null) app.close();
    }

    @Test
    void signedUnsignedAndShippedDatasetsAreMarkedAndPublishersAreManaged() throws Exception {
        app = BayCover.open(dir.resolve("data"), Lang.EN, ProgressMonitor.NONE, DataDirLock.Mode.SHARED, Clock.systemDefaultZone());
        Settings settings = new Settings();
        settings.langProperty().set(Lang.EN);
        DataViewModel vm = new DataViewModel(new UiContext(app, settings, SyncTaskRunner.immediate()));

        KeyPair pair = PackSigning.generate();
        Path pub = dir.resolve("team.pub");
        Files.writeString(pub, PackSigning.publicPem(pair.getPublic()));
        Path signed = dir.resolve("signed.json");
        byte[] bytes = TestPacks.drugsBytes("ui-signed", "1", 1, 2);
        Files.write(signed, bytes);
        Files.write(Path.of(signed + ".sig"), PackSigning.sign(bytes, pair.getPrivate(), pair.getPublic()));
        Path unsigned = dir.resolve("unsigned.json");
        Files.write(unsigned, TestPacks.drugsBytes("ui-unsigned", "1", 1, 2));
        vm.importFiles(List.of(signed, unsigned));
        vm.refreshFreshness();

        assertEquals("signed by an unknown key (" + PackSigning.shortFingerprint(PackSigning.fingerprint(pair.getPublic().getEncoded()))
                + ") — not among your trusted publishers", vm.signatureText(dataset(vm, "ui-signed")));
        assertEquals("unsigned", vm.signatureText(dataset(vm, "ui-unsigned")));
        assertEquals("shipped with BayCover", vm.signatureText(dataset(vm, "gba-products")));

        vm.trustPublisher(pub, "Team Tsim Sha Tsui");
        assertEquals(1, vm.publishers().size());
        assertTrue(vm.signatureText(dataset(vm, "ui-signed")).startsWith("signed by Team Tsim Sha Tsui ("), vm.signatureText(dataset(vm, "ui-signed")));
        assertTrue(vm.outcomeProperty().get().contains("Now trusting Team Tsim Sha Tsui"));

        // a name with a direction override is refused, with the reason
        vm.trustPublisher(pub, "Team \u202eevil");
        assertTrue(vm.outcomeIsErrorProperty().get());
        assertTrue(vm.outcomeProperty().get().contains("A publisher name is one line"), vm.outcomeProperty().get());

        vm.removePublisher(vm.publishers().get(0));
        assertEquals(0, vm.publishers().size());
        assertTrue(vm.signatureText(dataset(vm, "ui-signed")).startsWith("signed by an unknown key"));
        String langs = "";
        for (Lang l : Lang.values()) {
            settings.langProperty().set(l);
            langs += vm.signatureText(dataset(vm, "ui-unsigned")) + "|";
        }
        assertEquals("未簽署|未签名|unsigned|", langs.contains("未簽署") ? langs : "mismatch: " + langs);
    }

    static DatasetInfo dataset(DataViewModel vm, String id) {
        return vm.datasets().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }
}
