package hk.baycover.bench;

import hk.baycover.catalog.PackWriter;
import hk.baycover.cli.Cli;
import hk.baycover.gaps.GapCatalogGenerator;
import hk.baycover.gaps.GapFixtures;
import hk.baycover.io.TestFiles;
import hk.baycover.trust.ChildJvm;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Memory of {@code gaps --json} as the catalog grows: for each size, a data folder with that many generated products
 * (plus the shipped packs), then a fresh JVM runs the command with its output counted and discarded and reports the
 * peak heap in use (sum of the heap pools' peaks), the bytes written and the wall time.
 * Run on a quiet machine: {@code mvn -B -q test-compile && mvn -B -q exec:exec -Dexec.executable=java
 * -Dexec.args="-cp %classpath hk.baycover.bench.GapJsonMemoryBench 1000 5000 10000"}.
 */
public final class GapJsonMemoryBench {

    private GapJsonMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--probe")) {
            probe(Path.of(args[1]));
            return;
        }
        List<String> sizes = args.length == 0 ? List.of("1000", "5000", "10000") : List.of(args);
        System.out.println("products  peak heap  output  wall   (gaps --json, default segments, -Xmx1g, load " + load() + ")");
        for (String s : sizes) {
            int n = Integer.parseInt(s);
            Path base = Files.createTempDirectory("baycover-gapjson");
            Path data = base.resolve("data");
            Path pack = base.resolve("generated.json");
            TestFiles.write(pack, o -> o.write(importable(PackWriter.toJson(GapFixtures.pack("bench-products", GapCatalogGenerator.products(n, 42))))));
            int code = Cli.run(new String[] {"--data-dir", data.toString(), "import", pack.toString()}, new PrintWriter(new StringWriter()),
                    new PrintWriter(System.err));
            if (code != 0) throw new IllegalStateException("import failed: " + code);
            ProcessBuilder pb = ChildJvm.builder(GapJsonMemoryBench.class, List.of("--probe", data.toString()), Map.of());
            // ChildJvm caps the child at 256 MB; the bench lets it have 1 GB so the peak is what the command needs
            pb.command().replaceAll(a -> a.equals("-Xmx256m") ? "-Xmx1g" : a);
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String line;
            String result = "";
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                while ((line = r.readLine()) != null) if (line.startsWith("RESULT ")) result = line.substring(7);
            }
            p.waitFor();
            System.out.printf(Locale.ROOT, "%8d  %s%n", n, result);
        }
    }

    /**
     * The generator mixes unisex and per-sex premium bands, which a pack may not (a sex would have gaps); for an
     * importable pack every band is made unisex (the first row of each age band is kept).
     */
    static byte[] importable(String json) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode root = hk.baycover.catalog.CatalogJson.mapper().readTree(json);
        for (com.fasterxml.jackson.databind.JsonNode p : root.path("products")) {
            com.fasterxml.jackson.databind.JsonNode rows = p.path("premiums").path("rows");
            if (!rows.isArray()) continue;
            com.fasterxml.jackson.databind.node.ArrayNode kept = hk.baycover.catalog.CatalogJson.mapper().createArrayNode();
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (com.fasterxml.jackson.databind.JsonNode r : rows) {
                if (!seen.add(r.path("ageFrom").asInt())) continue;
                com.fasterxml.jackson.databind.node.ObjectNode c = r.deepCopy();
                c.remove("sex");
                kept.add(c);
            }
            ((com.fasterxml.jackson.databind.node.ObjectNode) p.get("premiums")).set("rows", kept);
        }
        return hk.baycover.catalog.CatalogJson.mapper().writeValueAsBytes(root);
    }

    /** In the child: runs the command, counts its output, prints peak heap, bytes and time. */
    static void probe(Path data) {
        long[] bytes = {0};
        Writer counting = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                for (int i = off; i < off + len; i++) bytes[0] += cbuf[i] < 0x80 ? 1 : cbuf[i] < 0x800 ? 2 : 3;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        long t0 = System.nanoTime();
        int code = Cli.run(new String[] {"--data-dir", data.toString(), "--lang", "en", "gaps", "--json"}, new PrintWriter(counting),
                new PrintWriter(new StringWriter()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.printf(Locale.ROOT, "RESULT %6.0f MB  %6.0f MB  %5.1f s  (exit %d)%n", peak / 1048576.0, bytes[0] / 1048576.0, ms / 1000.0, code);
    }

    static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
