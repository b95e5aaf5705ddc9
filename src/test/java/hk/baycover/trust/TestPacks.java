package hk.baycover.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** Valid catalog packs made up for tests (every record marked sample), deterministic for a given id and size. */
public final class TestPacks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestPacks() {
    }

    /** A drugs-devices pack {@code id} with {@code institutions} institutions and {@code items} drugs, each approved at one of them. */
    public static ObjectNode drugs(String id, String version, int institutions, int items) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode pack = root.putObject("pack");
        pack.put("id", id);
        pack.put("kind", "drugs-devices");
        pack.put("version", version);
        pack.put("asOf", "2026-11");
        ObjectNode title = pack.putObject("title");
        title.put("en", "Test pack " + id);
        title.put("zhHant", "測試資料包 " + id);
        ArrayNode inst = root.putArray("institutions");
        for (int i = 0; i < institutions; i++) {
            ObjectNode in = inst.addObject();
            in.put("id", id + "-inst-" + i);
            ObjectNode name = in.putObject("name");
            name.put("en", "Hospital " + i + " of " + id);
            name.put("zhHant", "測試醫院" + i);
            in.put("city", "SHENZHEN");
            in.putArray("sources").addObject().put("url", "https://example.org/" + id + "/inst/" + i);
            in.put("asOf", "2026-11");
            in.put("confidence", "LOW");
            in.put("sample", true);
        }
        ArrayNode its = root.putArray("items");
        for (int i = 0; i < items; i++) {
            ObjectNode it = its.addObject();
            it.put("id", id + "-drug-" + i);
            it.put("kind", i % 3 == 0 ? "DEVICE" : "DRUG");
            ObjectNode name = it.putObject("name");
            name.put("en", "Test drug " + i);
            name.put("zhHant", "測試藥品" + i);
            if (institutions > 0) {
                ObjectNode ap = it.putArray("approvals").addObject();
                ap.put("institution", id + "-inst-" + (i % institutions));
                ap.put("date", "2025-0" + (1 + i % 9));
            }
            it.putArray("sources").addObject().put("url", "https://example.org/" + id + "/drug/" + i);
            it.put("asOf", "2026-11");
            it.put("confidence", "LOW");
            it.put("sample", true);
        }
        return root;
    }

    public static byte[] bytes(ObjectNode pack) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pack).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] drugsBytes(String id, String version, int institutions, int items) {
        return bytes(drugs(id, version, institutions, items));
    }
}
