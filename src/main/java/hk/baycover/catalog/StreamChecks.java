package hk.baycover.catalog;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link TreeChecks} one record at a time, keeping only the keys the checks need (every id of the pack, and the
 * references not yet met): duplicate ids, empty names, references to institutions, items and products that exist
 * nowhere. It only answers whether a pack is clean: the first problem stops the streaming read, which then reads the
 * file again with {@link TreeChecks} for the messages. Whatever {@link TreeChecks} reports, this reports too.
 */
final class StreamChecks {

    private final ReferenceContext context;
    private final Set<String> ids = new HashSet<>();
    private final Set<String> institutions = new HashSet<>();
    private final Set<String> items = new HashSet<>();
    private final Set<String> products = new HashSet<>();
    /** References to records of this pack not met yet (a record may name one further down the file). */
    private final Set<String> laterInstitutions = new HashSet<>();
    private final Set<String> laterItems = new HashSet<>();
    private final Set<String> laterProducts = new HashSet<>();

    StreamChecks(ReferenceContext context) {
        this.context = context;
    }

    /** Checks one record of {@code section}; false at the first problem. */
    boolean record(String section, JsonNode rec) {
        if (!rec.isObject()) return false;
        String id = text(rec.path("id"));
        boolean named = !"totals".equals(section);
        if (named && id != null) {
            if (!ids.add(id)) return false;
            switch (section) {
                case "institutions": institutions.add(id); break;
                case "items": items.add(id); break;
                case "products": products.add(id); break;
                default: break;
            }
        }
        if (named && emptyName(rec.get("name"))) return false;
        switch (section) {
            case "items": return item(rec);
            case "products": return product(rec);
            case "scenarios": return scenario(rec);
            default: return true;
        }
    }

    /** After the last record: every reference names a record of this pack or one that already exists. */
    boolean finish() {
        return institutions.containsAll(laterInstitutions) && items.containsAll(laterItems) && products.containsAll(laterProducts);
    }

    private boolean item(JsonNode item) {
        Set<String> seen = new HashSet<>();
        for (JsonNode ap : objects(item.path("approvals"))) {
            String id = text(ap.path("institution"));
            if (id == null) continue;
            institution(id);
            if (!seen.add(id)) return false;
        }
        return true;
    }

    private boolean product(JsonNode p) {
        for (JsonNode party : objects(p.path("arrangement").path("parties"))) if (emptyName(party.get("name"))) return false;
        for (String id : texts(p.path("service").path("directBilling"))) institution(id);
        for (String id : texts(p.path("exclusiveWith"))) if (!products.contains(id)) laterProducts.add(id);
        for (JsonNode b : objects(p.path("benefits"))) {
            for (String id : texts(b.path("institutions"))) institution(id);
            for (String id : texts(b.path("gbaStance").path("drugs").path("items"))) item(id);
            for (String id : texts(b.path("gbaStance").path("devices").path("items"))) item(id);
        }
        return true;
    }

    private boolean scenario(JsonNode s) {
        Set<String> lineIds = new HashSet<>();
        for (JsonNode line : objects(s.path("lines"))) {
            String id = text(line.path("id"));
            if (id != null && !lineIds.add(id)) return false;
            String inst = text(line.path("institution"));
            if (inst != null) institution(inst);
            String item = text(line.path("item"));
            if (item != null) item(item);
            if (emptyName(line.get("description"))) return false;
        }
        return true;
    }

    private void institution(String id) {
        if (!institutions.contains(id) && !context.institutionExists(id)) laterInstitutions.add(id);
    }

    private void item(String id) {
        if (!items.contains(id) && !context.itemExists(id)) laterItems.add(id);
    }

    private static boolean emptyName(JsonNode name) {
        if (name == null || !name.isObject()) return false; // missing or wrong type: the schema reports it
        for (String key : List.of("zhHant", "zhHans", "en")) {
            JsonNode v = name.get(key);
            if (v != null && v.isTextual() && !v.asText().isBlank()) return false;
        }
        return true;
    }

    private static List<JsonNode> objects(JsonNode array) {
        if (!array.isArray()) return List.of();
        List<JsonNode> out = new java.util.ArrayList<>(array.size());
        for (JsonNode n : array) if (n.isObject()) out.add(n);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        if (!array.isArray()) return List.of();
        List<String> out = new java.util.ArrayList<>(array.size());
        for (JsonNode n : array) if (n.isTextual()) out.add(n.asText());
        return out;
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
