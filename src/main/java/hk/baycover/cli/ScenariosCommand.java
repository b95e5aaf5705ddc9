package hk.baycover.cli;

import hk.baycover.app.BayCover;
import hk.baycover.model.CostLine;
import hk.baycover.model.Lang;
import hk.baycover.model.Scenario;
import hk.baycover.planning.Amounts;
import hk.baycover.planning.ScenarioLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "scenarios", description = "List the care episodes a plan can be run against (the catalog's and your own), with their cost lines.")
final class ScenariosCommand implements Runnable {

    @Mixin
    CommandContext root;

    @Mixin
    JsonOption json;

    @Override
    public void run() {
        BayCover app = root.app();
        ScenarioLibrary lib = app.plan().library(app.catalog(), app.plan().savedScenarios());
        PrintWriter out = root.out();
        if (json.on) {
            PlanJson.print(out, PlanJson.scenarios(lib));
            return;
        }
        Lang lang = root.lang();
        if (lib.all().isEmpty()) out.println(root.text("cli.scenarios.none"));
        for (Scenario s : lib.all()) {
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            for (CostLine l : s.lines()) totals.merge(l.cost().currency().name(), l.cost().amount(), BigDecimal::add);
            StringBuilder total = new StringBuilder();
            totals.forEach((c, v) -> total.append(total.length() == 0 ? "" : " + ").append(c).append(' ').append(Amounts.number(v)));
            boolean sample = s.sample() || s.lines().stream().anyMatch(CostLine::sample);
            String mark = lib.isEditedCatalogEpisode(s.id()) ? root.text("cli.scenarios.edited") : lib.isUser(s.id()) ? root.text("cli.scenarios.user") : "";
            out.println(s.id() + "  " + s.name().get(lang) + (mark.isEmpty() ? "" : "  [" + mark + "]"));
            out.println("    " + root.text("cli.scenarios.line", s.lines().size(), total.toString(), s.asOf() == null ? "—" : s.asOf().value())
                    + (sample ? "  [" + root.text("sample.badge") + "]" : ""));
        }
    }
}
