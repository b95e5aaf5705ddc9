package hk.baycover.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.text.Transliterator;
import hk.baycover.model.Pack;

import java.util.Iterator;
import java.util.Map;

/**
 * Fills a missing Traditional or Simplified Chinese text from the other script with ICU4J's reviewed transliterators,
 * and marks the filled script in {@code converted} so the UI can say so. Runs at import time, never on display.
 */
public final class ScriptFiller {

    private static volatile Transliterator toHans;
    private static volatile Transliterator toHant;

    private ScriptFiller() {
    }

    public static String toSimplified(String text) {
        if (toHans == null) toHans = Transliterator.getInstance("Traditional-Simplified");
        return toHans.transliterate(text);
    }

    public static String toTraditional(String text) {
        if (toHant == null) toHant = Transliterator.getInstance("Simplified-Traditional");
        return toHant.transliterate(text);
    }

    /** Returns the pack with every LocalizedText that has one Chinese script but not the other completed. */
    public static Pack fill(Pack pack) {
        ObjectNode tree = CatalogJson.mapper().valueToTree(pack);
        walk(tree);
        try {
            return CatalogJson.mapper().treeToValue(tree, Pack.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One record (or a pack's header) filled as {@link #fill(Pack)} fills it inside its pack: the same tree walk over
     * the record's serialised form, bound again even when nothing was filled (the tree normalises numbers: 20000000 is
     * stored as 2E+7, as a whole pack's fill has always stored it).
     */
    public static <T> T fill(T value, Class<T> type) {
        ObjectNode tree = CatalogJson.mapper().valueToTree(value);
        walk(tree);
        try {
            return CatalogJson.mapper().treeToValue(tree, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills every text below {@code node}; whether any was filled. */
    private static boolean walk(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode) {
            ObjectNode obj = (ObjectNode) node;
            if (isLocalizedText(obj)) return fillText(obj);
            for (Map.Entry<String, JsonNode> e : obj.properties()) changed |= walk(e.getValue());
        } else if (node instanceof ArrayNode) {
            for (JsonNode child : node) changed |= walk(child);
        }
        return changed;
    }

    private static boolean isLocalizedText(ObjectNode obj) {
        Iterator<String> names = obj.fieldNames();
        boolean any = false;
        while (names.hasNext()) {
            String n = names.next();
            if (!(n.equals("zhHant") || n.equals("zhHans") || n.equals("en") || n.equals("converted"))) return false;
            any = true;
        }
        return any;
    }

    private static boolean fillText(ObjectNode obj) {
        boolean hant = obj.hasNonNull("zhHant") && !obj.get("zhHant").asText().isBlank();
        boolean hans = obj.hasNonNull("zhHans") && !obj.get("zhHans").asText().isBlank();
        if (hant == hans) return false;
        ArrayNode converted = obj.has("converted") ? (ArrayNode) obj.get("converted") : obj.putArray("converted");
        if (hant) {
            obj.put("zhHans", toSimplified(obj.get("zhHant").asText()));
            converted.add("zhHans");
        } else {
            obj.put("zhHant", toTraditional(obj.get("zhHans").asText()));
            converted.add("zhHant");
        }
        return true;
    }
}
