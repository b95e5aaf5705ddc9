package hk.baycover.lookup;

import hk.baycover.catalog.PackReader;
import hk.baycover.catalog.ReferenceContext;
import hk.baycover.catalog.ScriptFiller;
import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.Pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Catalogs for engine tests, read from real JSON packs through the real reader (schema, checks, script filling). */
public final class TestCatalogs {
    private TestCatalogs() {
    }

    public static Catalog mini() {
        return fromResource("/lookup/mini-drugs-devices.json");
    }

    public static Catalog fromResource(String resource) {
        try (InputStream in = TestCatalogs.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            PackReader.Result r = new PackReader(Lang.EN, java.time.LocalDate.now()).read(resource, in.readAllBytes(), ReferenceContext.EMPTY);
            if (!r.ok()) throw new IllegalStateException("test pack rejected: " + r.problems());
            Pack p = ScriptFiller.fill(r.pack());
            return new Catalog(List.of(), p.institutions(), p.items(), p.totals(), p.products(), p.scenarios());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
