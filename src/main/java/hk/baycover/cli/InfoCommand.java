package hk.baycover.cli;

import hk.baycover.app.BayCover;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Freshness;
import hk.baycover.model.LocalizedText;
import hk.baycover.store.CatalogStore;
import hk.baycover.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "info", description = "Show the schema version and every loaded dataset with its version, as-of date and record counts.")
final class InfoCommand implements Runnable {

    @Mixin
    CommandContext root;

    @Mixin
    JsonOption json;

    /** The JSON shape of {@code info --json}. */
    record Info(int schemaVersion, String dataDir, String database, List<Dataset> datasets) {
    }

    record Dataset(String id, String kind, String version, String asOf, String origin, String importedAt,
                   LocalizedText title, LocalizedText coverage, Map<String, Integer> counts, Fresh freshness, List<Covered> officialCoverage,
                   Signature signature) {
    }

    /**
     * Who signed the pack: {@code status} is {@code shipped}, {@code unsigned}, {@code signed} (by a trusted publisher,
     * named) or {@code signedUnknownKey}; the key's fingerprint for signed packs.
     */
    record Signature(String status, String fingerprint, String publisher) {
    }

    /**
     * How current the dataset is on the app's clock: the oldest record as-of date, how many records it holds, how many
     * are older than twelve months ("may be out of date") and the cut-off day.
     */
    record Fresh(String oldestAsOf, int records, int olderThan12Months, String staleBefore) {
    }

    /** Coverage against an official list: {@code named} of {@code total} (as of {@code asOf}). */
    record Covered(String list, int named, int total, String asOf) {
    }

    @Override
    public void run() {
        BayCover app = root.app();
        LocalDate today = root.today();
        Map<String, CatalogStore.Signer> signers = app.catalogStore().signatures();
        List<Dataset> datasets = app.catalogStore().datasets().stream()
                .map(d -> dataset(d, app.catalogStore().freshness(d.id(), today), signers.get(d.id()))).toList();
        Info info = new Info(app.database().schemaVersion(), app.dataDir().toString(), app.database().file().toString(), datasets);
        PrintWriter out = root.out();
        if (json.on) {
            Json.print(out, info);
            return;
        }
        out.println(root.text("cli.info.header", info.schemaVersion(), Database.latestMigration(), info.dataDir()));
        for (Dataset d : datasets) {
            out.println(root.text("cli.info.dataset", d.id(), d.version(), d.asOf(), root.text("data.origin." + d.origin()), d.title() == null ? "" : d.title().get(root.lang())));
            StringBuilder sb = new StringBuilder("    ");
            d.counts().forEach((k, v) -> sb.append(root.text("count." + k)).append(' ').append(v).append("   "));
            out.println(sb.toString().stripTrailing());
            Fresh f = d.freshness();
            out.println("    " + root.text("cli.info.freshness", f.oldestAsOf() == null ? "—" : f.oldestAsOf(), f.olderThan12Months(), f.records()));
            Signature s = d.signature();
            out.println("    " + CatalogStore.Signer.label(root.lang(), d.origin(), s.fingerprint() == null ? null : new CatalogStore.Signer(s.fingerprint(), s.publisher())));
            for (Covered c : d.officialCoverage()) {
                out.println("    " + root.text("cli.info.coverage", root.text("coverage.list." + c.list()), c.named(), c.total(), c.asOf()));
            }
        }
        if (datasets.isEmpty()) out.println(root.text("cli.info.none"));
    }

    static Dataset dataset(DatasetInfo d, Freshness f, CatalogStore.Signer signer) {
        return new Dataset(d.id(), d.kind().code(), d.version(), d.asOf().value(), d.origin(), d.importedAt(),
                d.header().title(), d.header().coverage(), new LinkedHashMap<>(d.counts()),
                new Fresh(f.oldestAsOf() == null ? null : f.oldestAsOf().value(), f.records(), f.stale(), f.staleBefore().toString()),
                f.coverage().stream().map(c -> new Covered(c.key(), c.named(), c.total(), c.asOf().value())).toList(),
                new Signature(CatalogStore.Signer.status(d.origin(), signer), signer == null ? null : signer.fingerprint(),
                        signer == null ? null : signer.publisher()));
    }
}
