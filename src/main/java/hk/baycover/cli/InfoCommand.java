package hk.baycover.cli;

import hk.baycover.app.BayCover;
import hk.baycover.model.DatasetInfo;
import hk.baycover.model.LocalizedText;
import hk.baycover.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
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
                   LocalizedText title, LocalizedText coverage, Map<String, Integer> counts) {
    }

    @Override
    public void run() {
        BayCover app = root.app();
        List<Dataset> datasets = app.catalogStore().datasets().stream().map(InfoCommand::dataset).toList();
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
        }
        if (datasets.isEmpty()) out.println(root.text("cli.info.none"));
    }

    static Dataset dataset(DatasetInfo d) {
        return new Dataset(d.id(), d.kind().code(), d.version(), d.asOf().value(), d.origin(), d.importedAt(),
                d.header().title(), d.header().coverage(), new LinkedHashMap<>(d.counts()));
    }
}
