package hk.baycover.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.baycover.app.BayCover;
import hk.baycover.catalog.PackException;
import hk.baycover.catalog.Problem;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.trust.TestPacks;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Random and mutated packs never crash an import (the only failure allowed is a {@link PackException} whose every
 * problem names the file), and a rejected import never changes the database (a content hash of every table).
 */
class HostilePackPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;
    private static BayCover app;
    private static int accepted;
    private static int rejected;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("baycover-hostile-props");
        app = BayCover.open(hk.baycover.trust.TestFolders.seeded(dir), Lang.EN, ProgressMonitor.NONE);
    }

    @AfterContainer
    static void close() throws IOException {
        app.close();
        System.out.println("[hostile properties] accepted " + accepted + ", rejected " + rejected);
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) p.toFile().delete();
        }
    }

    enum Op { TRUNCATE, DELETE_RANGE, INSERT_TEXT, FLIP_BYTE, REPLACE_VALUE, DROP_FIELD, DEEPEN, REENCODE }

    record Mutated(String name, byte[] bytes, String how) {
        @Override
        public String toString() {
            return name + " (" + how + ", " + bytes.length + " bytes)";
        }
    }

    @Provide
    Arbitrary<Mutated> mutatedPacks() {
        Arbitrary<String> base = Arbitraries.of("base-products.json", "base-drugs.json", "generated");
        Arbitrary<List<Op>> ops = Arbitraries.of(Op.values()).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(base, ops, Arbitraries.longs()).as(HostilePackPropertyTest::mutate);
    }

    @Property(tries = 120)
    void mutatedPacksNeverCrashTheImportAndRejectionsChangeNothing(@ForAll("mutatedPacks") Mutated m) {
        String before = DbFingerprint.of(dir);
        try {
            app.catalogStore().importSources(List.of(new CatalogStore.Source(m.name(), m.bytes())), CatalogStore.Origin.IMPORTED,
                    Lang.EN, ProgressMonitor.NONE);
            accepted++;
            // accepted: then it is whole and readable like any other dataset, and writes back out as a pack
            app.reload();
            for (hk.baycover.model.DatasetInfo d : app.catalogStore().datasets()) {
                assertFalse(hk.baycover.catalog.PackWriter.toJson(app.catalogStore().pack(d.id())).isBlank());
            }
        } catch (PackException e) {
            rejected++;
            assertFalse(e.problems().isEmpty());
            for (Problem p : e.problems()) {
                assertEquals(m.name(), p.file());
                assertFalse(p.message().isBlank());
            }
            assertEquals(before, DbFingerprint.of(dir), "a rejected pack changed the database: " + m);
        }
    }

    static Mutated mutate(String baseName, List<Op> ops, long seed) {
        Random r = new Random(seed);
        byte[] bytes = baseName.equals("generated")
                ? TestPacks.drugsBytes("prop-pack", "1", 1 + r.nextInt(5), r.nextInt(30))
                : HostileInputTest.resource(baseName);
        StringBuilder how = new StringBuilder();
        for (Op op : ops) {
            bytes = apply(op, bytes, r);
            how.append(op).append(' ');
        }
        return new Mutated("mutated-" + Long.toHexString(seed) + ".json", bytes, baseName + ": " + how.toString().strip());
    }

    private static byte[] apply(Op op, byte[] b, Random r) {
        switch (op) {
            case TRUNCATE:
                return java.util.Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
            case DELETE_RANGE: {
                if (b.length < 2) return b;
                int from = r.nextInt(b.length - 1);
                int len = 1 + r.nextInt(Math.min(40, b.length - from));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, from + len, out, from, b.length - from - len);
                return out;
            }
            case INSERT_TEXT: {
                String[] pieces = {"{", "}", "[", "]", "\"", ":", ",", "-", "1e309", "\\", "\\u0000", "\u0000", "null", "\uFEFF", "../",
                        "99999999999999999999999999", "\"amount\": -1", "\uD83D\uDE00", "\u202E", "𠀀", "NaN", "true"};
                byte[] ins = pieces[r.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8);
                int at = b.length == 0 ? 0 : r.nextInt(b.length);
                byte[] out = new byte[b.length + ins.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(ins, 0, out, at, ins.length);
                System.arraycopy(b, at, out, at + ins.length, b.length - at);
                return out;
            }
            case FLIP_BYTE: {
                if (b.length == 0) return b;
                byte[] out = b.clone();
                out[r.nextInt(out.length)] = (byte) r.nextInt(256);
                return out;
            }
            case REENCODE: {
                String text = new String(b, StandardCharsets.UTF_8);
                java.nio.charset.Charset[] cs = {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16, StandardCharsets.ISO_8859_1};
                return text.getBytes(cs[r.nextInt(cs.length)]);
            }
            default:
                return tree(op, b, r);
        }
    }

    /** Mutations on the parsed tree (when it still parses): a value replaced by a hostile one, a field dropped, deep nesting. */
    private static byte[] tree(Op op, byte[] b, Random r) {
        JsonNode root;
        try {
            root = JSON.readTree(b);
        } catch (IOException e) {
            return b;
        }
        if (root == null || !root.isContainerNode()) return b;
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode value = hostileValue(r, f);
        if (op == Op.DEEPEN) {
            JsonNode deep = f.numberNode(1);
            for (int i = 0, n = 10 + r.nextInt(200); i < n; i++) deep = r.nextBoolean() ? f.arrayNode().add(deep) : f.objectNode().set("x", deep);
            value = deep;
        }
        if (target.isObject()) {
            ObjectNode o = (ObjectNode) target;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty()) {
                o.set("x", value);
            } else {
                String name = names.get(r.nextInt(names.size()));
                if (op == Op.DROP_FIELD) o.remove(name);
                else o.set(name, value);
            }
        } else {
            ArrayNode a = (ArrayNode) target;
            if (a.isEmpty()) a.add(value);
            else if (op == Op.DROP_FIELD) a.remove(r.nextInt(a.size()));
            else a.set(r.nextInt(a.size()), value);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode hostileValue(Random r, JsonNodeFactory f) {
        switch (r.nextInt(14)) {
            case 0: return f.numberNode(new BigDecimal("1e" + (r.nextInt(2000) - 1000)));
            case 1: return f.numberNode(-1 - r.nextInt(1_000_000));
            case 2: return f.numberNode(new BigDecimal("0." + "0".repeat(r.nextInt(30)) + "1"));
            case 3: return f.textNode("");
            case 4: return f.textNode("../".repeat(1 + r.nextInt(5)) + "etc/passwd");
            case 5: return f.textNode("2025-02-" + (29 + r.nextInt(3)));
            case 6: return f.textNode("x".repeat(r.nextInt(5000)));
            case 7: return f.nullNode();
            case 8: return f.booleanNode(r.nextBoolean());
            case 9: return f.arrayNode();
            case 10: return f.objectNode();
            case 11: return f.textNode("HK$" + r.nextInt(100000));
            case 12: return f.numberNode(Long.MAX_VALUE);
            default: return f.textNode(new String(new int[] {0x1F600, 0x202E, 0xFEFF, 0x20000}, 0, 1 + r.nextInt(4)));
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (!n.isContainerNode()) return;
        out.add(n);
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) collect(e.getValue(), out);
        } else {
            for (JsonNode c : n) collect(c, out);
        }
    }
}
