package hk.baycover.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test packs under {@code src/test/resources/packs} (good/ and bad/), addressed by the path problems report. */
public final class TestPacks {

    public static final Path ROOT = Path.of("src", "test", "resources", "packs");
    public static final Path DRUGS = good("test-drugs-devices.json");
    public static final Path PRODUCTS = good("test-products.json");
    public static final Path SCENARIOS = good("test-scenarios.json");

    private TestPacks() {
    }

    public static Path good(String name) {
        return ROOT.resolve("good").resolve(name);
    }

    public static Path bad(String name) {
        return ROOT.resolve("bad").resolve(name);
    }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
