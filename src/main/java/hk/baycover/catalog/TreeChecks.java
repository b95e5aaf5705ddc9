package hk.baycover.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that work on the raw JSON tree, so they run even when the schema already failed (every problem is reported
 * at once): duplicate ids, references to institutions and items that exist nowhere, names empty in every language.
 */
final class TreeChecks {

    private final String file;
    private final Lang lang;
    private final ReferenceContext context;
    private final List<Problem> problems;
    private final Set<String> institutions = new HashSet<>();
    private final Set<String> items = new HashSet<>();
    private final Set<String> products = new HashSet<>();

    TreeChecks(String file, Lang lang, ReferenceContext context, List<Problem> problems) {
        this.file = file;
        this.lang = lang;
        this.context = context;
        this.problems = problems;
    }

    void run(JsonNode root) {
        Map<String, String> ids = new HashMap<>();
        collect(root, "institutions", ids, institutions);
        collect(root, "items", ids, items);
        collect(root, "products", ids, products);
        collect(root, "scenarios", ids, null);
        names(root, "institutions", "name");
        names(root, "items", "name");
        names(root, "products", "name");
        names(root, "scenarios", "name");

        each(root.path("items"), "/items", (item, at) -> {
            Set<String> seen = new HashSet<>();
            each(item.path("approvals"), at + "/approvals", (ap, apAt) -> {
                String id = text(ap.path("institution"));
                if (id == null) return;
                institution(id, apAt + "/institution");
                if (!seen.add(id)) add(apAt + "/institution", "pack.duplicateApproval", id);
            });
        });
        each(root.path("products"), "/products", (p, at) -> {
            each(p.path("arrangement").path("parties"), at + "/arrangement/parties", (party, pAt) -> emptyName(party.get("name"), pAt + "/name"));
            eachText(p.path("service").path("directBilling"), at + "/service/directBilling", this::institution);
            eachText(p.path("exclusiveWith"), at + "/exclusiveWith", this::product);
            each(p.path("benefits"), at + "/benefits", (b, bAt) -> {
                eachText(b.path("institutions"), bAt + "/institutions", this::institution);
                eachText(b.path("gbaStance").path("drugs").path("items"), bAt + "/gbaStance/drugs/items", this::item);
                eachText(b.path("gbaStance").path("devices").path("items"), bAt + "/gbaStance/devices/items", this::item);
            });
        });
        each(root.path("scenarios"), "/scenarios", (s, at) -> {
            Set<String> lineIds = new HashSet<>();
            each(s.path("lines"), at + "/lines", (line, lAt) -> {
                String id = text(line.path("id"));
                if (id != null && !lineIds.add(id)) add(lAt + "/id", "pack.duplicateId", id);
                String inst = text(line.path("institution"));
                if (inst != null) institution(inst, lAt + "/institution");
                String item = text(line.path("item"));
                if (item != null) item(item, lAt + "/item");
                emptyName(line.get("description"), lAt + "/description");
            });
        });
    }

    private void collect(JsonNode root, String section, Map<String, String> ids, Set<String> into) {
        each(root.path(section), "/" + section, (rec, at) -> {
            String id = text(rec.path("id"));
            if (id == null) return;
            String first = ids.putIfAbsent(id, at);
            if (first != null) add(at + "/id", "pack.duplicateIdAt", id, first);
            if (into != null) into.add(id);
        });
    }

    private void names(JsonNode root, String section, String field) {
        each(root.path(section), "/" + section, (rec, at) -> emptyName(rec.get(field), at + "/" + field));
    }

    private void emptyName(JsonNode name, String at) {
        if (name == null || !name.isObject()) return; // missing or wrong type: the schema reports it
        for (String key : List.of("zhHant", "zhHans", "en")) {
            JsonNode v = name.get(key);
            if (v != null && v.isTextual() && !v.asText().isBlank()) return;
        }
        add(at, "pack.emptyName");
    }

    private void institution(String id, String at) {
        if (!institutions.contains(id) && !context.institutionExists(id)) add(at, "pack.unknownInstitution", id);
    }

    /** Alternatives ({@code exclusiveWith}) name products of the same pack. */
    private void product(String id, String at) {
        if (!products.contains(id)) add(at, "pack.unknownProduct", id);
    }

    private void item(String id, String at) {
        if (!items.contains(id) && !context.itemExists(id)) add(at, "pack.unknownItem", id);
    }

    private interface Visit {
        void at(JsonNode node, String pointer);
    }

    private static void each(JsonNode array, String pointer, Visit visit) {
        if (!array.isArray()) return;
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isObject()) visit.at(array.get(i), pointer + "/" + i);
        }
    }

    private interface TextVisit {
        void at(String text, String pointer);
    }

    private static void eachText(JsonNode array, String pointer, TextVisit visit) {
        if (!array.isArray()) return;
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isTextual()) visit.at(array.get(i).asText(), pointer + "/" + i);
        }
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private void add(String pointer, String key, Object... args) {
        problems.add(new Problem(file, pointer, I18n.get(lang, key, args)));
    }
}
