package hk.baycover.bench;

import hk.baycover.catalog.CatalogJson;
import hk.baycover.catalog.PackWriter;
import hk.baycover.cli.Cli;
import hk.baycover.gaps.GapCatalogGenerator;
import hk.baycover.gaps.GapFixtures;
import hk.baycover.io.TestFiles;
import hk.baycover.model.Catalog;
import hk.baycover.model.Institution;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Pack;
import hk.baycover.model.PackHeader;
import hk.baycover.model.PackKind;
import hk.baycover.model.PartialDate;
import hk.baycover.model.RegulatedItem;
import hk.baycover.testsupport.TestPacks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line at scale (issue 16, deliverable 4), each command in a fresh JVM started with the installed
 * launcher's options ({@code -XX:+UseSerialGC -Xms24m -Xmx1g -XX:MaxNewSize=16m}, C1 only unless {@code --jit tiered}): wall time of the
 * command inside the JVM, the JVM's whole life (start to exit), and its peak resident set (VmHWM).
 * <ol>
 *   <li>{@code import} of generated 港澳藥械通 packs, one command each: INSTITUTIONS institutions and ITEMS items in all
 *       (at most 30,000 institutions and 20,000 items a pack: a pack may hold 50 MB), records per second; each pack is
 *       imported {@code --repeat N} times (3 by default) into copies of the folder as it is, the last time into the folder
 *       itself, and its figure is the median ({@link #repeated});</li>
 *   <li>{@code info --json} on that folder (the counts are kept at import: the time must not grow with the catalog);</li>
 *   <li>{@code gaps --json} on the shipped catalog, then on PRODUCTS generated products (10,000 by default);</li>
 *   <li>{@code lookup} on the shipped and the large catalog: the first run after the imports makes the search
 *       documents kept beside the database ({@code store.LookupCache}, ADR 0069), later runs read them only — three
 *       runs of the same query, a typo and a broad filtered query.</li>
 * </ol>
 * Run on a quiet machine (it prints the load average before and after):
 * {@code mvn -B -q test-compile exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath hk.baycover.bench.CliScaleBench 179000 100000 10000"}
 * <p>
 * With {@code --image DIR} (an app image made by {@code mvn -B -Pinstaller package}: {@code target/jpackage/BayCover}),
 * every import is also run as an installed user runs it, through {@code DIR/bin/baycover} (the image's runtime and its
 * AppCDS archive, ADR 0062) into folders of their own, interleaved with the class-path imports so both see the same
 * load: the time inside the JVM is read from the command's timeline ({@code -Dbaycover.timeline=true} through
 * {@code JAVA_TOOL_OPTIONS}, {@code cli entered} to {@code output flushed}: what the class-path rows time), the peak
 * resident set from {@code /proc} while it runs. A second summary line gives those figures.
 */
public final class CliScaleBench {

    private CliScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(List.of(args).subList(1, args.length));
            return;
        }
        List<String> rest = new ArrayList<>(List.of(args));
        String jit = "c1";
        int j = rest.indexOf("--jit");
        if (j >= 0) {
            jit = rest.get(j + 1);
            rest.remove(j);
            rest.remove(j);
        }
        Path image = null;
        int im = rest.indexOf("--image");
        if (im >= 0) {
            image = Path.of(rest.get(im + 1));
            rest.remove(im);
            rest.remove(im);
        }
        int repeat = 3;
        int rp = rest.indexOf("--repeat");
        if (rp >= 0) {
            repeat = Math.max(1, Integer.parseInt(rest.get(rp + 1)));
            rest.remove(rp);
            rest.remove(rp);
        }
        int institutions = rest.size() > 0 ? Integer.parseInt(rest.get(0)) : 179_000;
        int items = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 100_000;
        int products = rest.size() > 2 ? Integer.parseInt(rest.get(2)) : 10_000;
        System.out.println("CLI at scale, JIT " + jit + ", load average before: " + GapJsonMemoryBench.load());
        Path base = Files.createTempDirectory("baycover-cliscale");
        nativeOptions = sqliteLibraryOptions(base);
        Path shipped = base.resolve("shipped");
        Path large = base.resolve("large");
        Path many = base.resolve("products");
        List<String> packs = generate(base, institutions, items);
        Path productPack = base.resolve("products.json");
        TestFiles.write(productPack, o -> o.write(GapJsonMemoryBench.importable(PackWriter.toJson(GapFixtures.pack("bench-products",
                GapCatalogGenerator.products(products, 42))))));

        System.out.println("| command | records | wall in the JVM | JVM start to exit | peak RSS (VmHWM) | exit |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        row(jit, "first `info` (creates the folder, seeds the shipped packs)", "", shipped, "info");
        row(jit, "`info --json`, shipped catalog", "", shipped, "info", "--json");
        row(jit, "`gaps --json`, shipped catalog", "", shipped, "gaps", "--json");
        row(jit, "`lookup 劳拉替尼 --json`, shipped catalog (first: makes the search documents)", "", shipped, "lookup", "劳拉替尼", "--json");
        row(jit, "`lookup 劳拉替尼 --json`, shipped catalog (documents kept)", "", shipped, "lookup", "劳拉替尼", "--json");
        row(jit, "first `info` (large folder)", "", large, "info");
        int perPack = (institutions + items) / packs.size();
        List<double[]> imports = new ArrayList<>();
        List<double[]> installed = new ArrayList<>();
        Path largeInstalled = base.resolve("large-installed");
        if (image != null) installedRow(image, "first `info` (large folder, as installed)", "", largeInstalled, "info");
        for (int k = 0; k < packs.size(); k++) {
            String pack = packs.get(k);
            String mode = jit;
            String what = "`import` generated pack " + (k + 1) + " of " + packs.size();
            imports.add(repeated(repeat, large, (data, run) -> row(mode, what + run, String.valueOf(perPack), data, "import", pack)));
            if (image != null) {
                Path img = image;
                installed.add(repeated(repeat, largeInstalled, (data, run) -> installedRow(img, what + ", as installed (`bin/baycover`)" + run,
                        String.valueOf(perPack), data, "import", pack)));
            }
        }
        row(jit, "`info --json`, " + institutions + " institutions + " + items + " items", "", large, "info", "--json");
        row(jit, "`info` (text), same folder", "", large, "info");
        row(jit, "`lookup 劳拉替尼 --json`, same folder, first after the imports (makes the search documents)", "", large, "lookup", "劳拉替尼", "--json");
        for (int k = 1; k <= 3; k++) {
            row(jit, "`lookup 劳拉替尼 --json`, same folder, run " + (k + 1) + " (documents kept)", "", large, "lookup", "劳拉替尼", "--json");
        }
        row(jit, "`lookup lorlatnib --json` (one typo), same folder", "", large, "lookup", "lorlatnib", "--json");
        row(jit, "`lookup 醫院 --kind institution --city 深圳 --json`, same folder", "", large, "lookup", "醫院", "--kind", "institution", "--city", "深圳", "--json");
        row(jit, "first `info` (products folder)", "", many, "info");
        double[] productImport = row(jit, "`import` " + products + " generated products", String.valueOf(products), many, "import", productPack.toString());
        double[] productInstalled = null;
        if (image != null) {
            Path manyInstalled = base.resolve("products-installed");
            installedRow(image, "first `info` (products folder, as installed)", "", manyInstalled, "info");
            productInstalled = installedRow(image, "`import` " + products + " generated products, as installed (`bin/baycover`)",
                    String.valueOf(products), manyInstalled, "import", productPack.toString());
        }
        row(jit, "`gaps --json`, " + products + " products", "", many, "gaps", "--json");
        row(jit, "`info --json`, " + products + " products", "", many, "info", "--json");
        String each = repeat > 1 ? "each pack the median of " + repeat + " runs" : "";
        System.out.println(importSummary(each.isEmpty() ? "" : "(" + each + ") ", imports, productImport));
        if (image != null) {
            System.out.println(importSummary("as installed (bin/baycover, AppCDS" + (each.isEmpty() ? "" : "; " + each) + ") ", installed, productInstalled));
        }
        System.out.println("load average after: " + GapJsonMemoryBench.load());
        try (var walk = Files.walk(base)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Generated drugs-devices packs of at most {@value #INSTITUTIONS_PER_PACK} institutions and
     * {@value #ITEMS_PER_PACK} items each (a pack may hold 50 MB; a drugs-devices pack needs items); each pack's items
     * are approved at its own institutions, and its record ids carry the pack number. Returns their paths.
     */
    public static List<String> generate(Path dir, int institutions, int items) throws Exception {
        PackHeader template = CatalogJson.parse(CatalogJson.mapper().readTree(Files.readString(TestPacks.DRUGS)).get("pack").toString(), PackHeader.class);
        int n = Math.max(1, Math.max((institutions + INSTITUTIONS_PER_PACK - 1) / INSTITUTIONS_PER_PACK, (items + ITEMS_PER_PACK - 1) / ITEMS_PER_PACK));
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int insts = (k + 1) * institutions / n - k * institutions / n;
            int its = (k + 1) * items / n - k * items / n;
            Catalog c = new CatalogGenerator(7 + k).generate(its, insts);
            PackHeader h = new PackHeader("bench-gen-" + k, PackKind.DRUGS_DEVICES, "1.0.0", PartialDate.parse("2025-12"),
                    LocalizedText.of("生成", "生成", "Generated " + k), template.description(), template.coverage(), template.publisher(),
                    template.sources(), template.sourceNote(), template.officialTotals());
            Path f = dir.resolve("gen-" + k + ".json");
            String json = PackWriter.toJson(new Pack(h, c.institutions(), c.items(), List.of(), List.of(), List.of()))
                    .replace("\"gen-inst-", "\"gen-inst-" + k + "-").replace("\"gen-drug-", "\"gen-drug-" + k + "-")
                    .replace("\"gen-device-", "\"gen-device-" + k + "-");
            TestFiles.write(f, o -> o.write(json.getBytes(StandardCharsets.UTF_8)));
            out.add(f.toString());
        }
        return out;
    }

    /** One run of a command into a data folder; {@code run} names the run in its row. */
    interface Run {
        double[] into(Path data, String run) throws Exception;
    }

    /**
     * One import of the same pack into the same folder, {@code times} times: the first {@code times - 1} into copies of
     * the folder as it is (its database and backups), the last into the folder itself, which it leaves one pack fuller.
     * One import on this kind of machine varies by ±20 % from run to run (4.1–6.0 s for the same import in a quiet
     * minute), so a single run per pack says little about that pack. Returns the median rate and the largest peak RSS;
     * a failed run makes the pack's rate 0.
     */
    static double[] repeated(int times, Path folder, Run run) throws Exception {
        List<double[]> got = new ArrayList<>();
        for (int r = 1; r < times; r++) {
            Path copy = folder.resolveSibling(folder.getFileName() + "-repeat");
            copyTree(folder, copy);
            try {
                got.add(run.into(copy, " (run " + r + " of " + times + ", into a copy)"));
            } finally {
                deleteTree(copy);
            }
        }
        got.add(run.into(folder, times > 1 ? " (run " + times + " of " + times + ")" : ""));
        double[] rates = got.stream().mapToDouble(g -> g[0]).sorted().toArray();
        double rss = got.stream().mapToDouble(g -> g[1]).max().orElse(0);
        return new double[] {rates[0] == 0 ? 0 : rates[rates.length / 2], rss};
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        deleteTree(to);
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                    // on disk before the run starts: a gigabyte of the copy's pages written back during the import
                    // would slow its own flushes
                    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The installed launcher's options for SQLite's native library (linux-image.args): set once the bench extracted it. */
    private static List<String> nativeOptions = List.of();

    /**
     * The installed app loads SQLite's native library from its image ({@code -Dorg.sqlite.lib.path}, linux-image.args);
     * without that, sqlite-jdbc copies it out of its jar into the temp folder on every start (about 0.1–0.15 s of CPU in
     * a fresh JVM). The bench extracts it once and passes the same options, so each command costs what it costs
     * installed. Empty (each child extracts it, as {@code java -cp} does) when the jar holds no library for this system.
     */
    static List<String> sqliteLibraryOptions(Path dir) throws Exception {
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (var in = org.sqlite.JDBC.class.getResourceAsStream(resource)) {
            if (in == null) return List.of();
            Path lib = Files.createDirectories(dir.resolve("native"));
            Files.copy(in, lib.resolve(name));
            return List.of("-Dorg.sqlite.lib.path=" + lib, "-Dorg.sqlite.lib.name=" + name);
        }
    }

    private static final int INSTITUTIONS_PER_PACK = 30_000;
    private static final int ITEMS_PER_PACK = 20_000;

    /**
     * The figure issue 16 asks for (import throughput ≥ 10,000 records/s with flat memory), over every pack imported:
     * the first, the slowest and the median rate, and the peak resident sets. Rows that failed count as 0/s.
     */
    static String importSummary(List<double[]> packs, double[] products) {
        return importSummary("", packs, products);
    }

    /** {@link #importSummary(List, double[])} of the imports made some other way ({@code how}, e.g. as installed). */
    static String importSummary(String how, List<double[]> packs, double[] products) {
        double[] rates = packs.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] rss = packs.stream().mapToDouble(r -> r[1]).sorted().toArray();
        if (rates.length == 0) return "import: no pack imported";
        return String.format(Locale.ROOT, "import throughput " + how + "(target >= 10,000 records/s): first pack %,.0f/s, slowest %,.0f/s, median %,.0f/s"
                        + " over %d packs; %,.0f/s for the products pack; peak RSS %,.0f-%,.0f MB (products %,.0f MB)",
                packs.get(0)[0], rates[0], rates[rates.length / 2], rates.length, products[0], rss[0], rss[rss.length - 1], products[1]);
    }

    /** Runs one command in a fresh JVM and prints its row; returns its records per second (0 without records) and peak RSS in MB. */
    private static double[] row(String jit, String what, String records, Path data, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("--child", "--data-dir", data.toString(), "--lang", "en"));
        args.addAll(List.of(command));
        ProcessBuilder pb = hk.baycover.trust.ChildJvm.builder(CliScaleBench.class, args, java.util.Map.of());
        List<String> cmd = pb.command();
        cmd.replaceAll(a -> a.equals("-Xmx256m") ? "-Xmx1g" : a);
        cmd.add(1, "-XX:+UseSerialGC");
        cmd.add(2, "-Xms24m");
        cmd.add(3, "-XX:MaxNewSize=16m");
        cmd.addAll(4, nativeOptions);
        if (!jit.equals("c1")) cmd.remove("-XX:TieredStopAtLevel=1");
        pb.redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String result = "";
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("RESULT ")) result = line.substring(7);
                else if (log.length() < 2000) log.append(line).append('\n');
            }
        }
        p.waitFor();
        long life = (System.nanoTime() - t0) / 1_000_000;
        String[] f = result.split(" ");
        if (f.length < 3) {
            System.out.println("| " + what + " | failed: " + log.toString().replace('\n', ' ') + " |");
            return new double[] {0, 0};
        }
        double rate = records.isEmpty() ? 0 : Integer.parseInt(records) / (Long.parseLong(f[0]) / 1000.0);
        System.out.printf(Locale.ROOT, "| %s | %s | %,d ms | %,d ms | %s MB | %s |%n", what,
                records.isEmpty() ? "" : String.format(Locale.ROOT, "%,d (%,.0f/s)", Integer.parseInt(records), rate), Long.parseLong(f[0]), life, f[1], f[2]);
        boolean ok = f[2].equals("0");
        return new double[] {ok ? rate : 0, f[1].equals("?") ? 0 : Double.parseDouble(f[1])};
    }

    /**
     * Runs one command through an app image's start script ({@code bin/baycover}), as an installed user does, and
     * prints its row like {@link #row}: the time inside the JVM from the command's timeline, the JVM's life, its peak
     * resident set (read from {@code /proc} while it runs: the start script execs the JVM, so the process is the JVM).
     */
    private static double[] installedRow(Path image, String what, String records, Path data, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(image.resolve("bin").resolve("baycover").toString(), "--data-dir", data.toString(), "--lang", "en"));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("JAVA_TOOL_OPTIONS", "-D" + hk.baycover.io.Timeline.PROPERTY + "=true");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        StringBuilder err = new StringBuilder();
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) synchronized (err) { err.append(line).append('\n'); }
            } catch (java.io.IOException e) {
                synchronized (err) { err.append(e).append('\n'); }
            }
        });
        drain.start();
        Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
        long hwm = 0;
        while (!p.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) hwm = Math.max(hwm, Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            } catch (java.io.IOException | RuntimeException e) {
                // gone between the wait and the read
            }
        }
        long life = (System.nanoTime() - t0) / 1_000_000;
        drain.join();
        int code = p.exitValue();
        String text;
        synchronized (err) { text = err.toString(); }
        long ms = inJvmMs(text);
        if (ms < 0 || code != 0) {
            String shown = text.lines().filter(l -> !l.startsWith("timeline") && !l.startsWith("Picked up")).limit(5).reduce("", (a, b) -> a + " " + b);
            System.out.println("| " + what + " | failed (exit " + code + "):" + shown + " |");
            return new double[] {0, hwm};
        }
        double rate = records.isEmpty() ? 0 : Integer.parseInt(records) / (ms / 1000.0);
        System.out.printf(Locale.ROOT, "| %s | %s | %,d ms | %,d ms | %d MB | %d |%n", what,
                records.isEmpty() ? "" : String.format(Locale.ROOT, "%,d (%,.0f/s)", Integer.parseInt(records), rate), ms, life, hwm, code);
        return new double[] {rate, hwm};
    }

    /**
     * The time inside the JVM of a command-line run, from the timeline it printed ({@code -Dbaycover.timeline=true}):
     * from {@code cli entered} to {@code output flushed}, in ms, which is what {@link #child} times around
     * {@code Cli.run}; -1 when either mark is missing.
     */
    static long inJvmMs(String stderr) {
        long from = -1;
        long to = -1;
        for (String line : stderr.split("\n")) {
            java.util.regex.Matcher m = TIMELINE_LINE.matcher(line);
            if (!m.matches()) continue;
            if (m.group(2).equals("cli entered")) from = Long.parseLong(m.group(1));
            else if (m.group(2).startsWith("output flushed")) to = Long.parseLong(m.group(1));
        }
        return from < 0 || to < 0 ? -1 : to - from;
    }

    private static final java.util.regex.Pattern TIMELINE_LINE = java.util.regex.Pattern.compile("timeline\\s+(\\d+) ms\\s+[+-]\\d+ ms\\s+(.*)");

    /** In the child: runs the command with its output counted and dropped; prints wall ms, VmHWM MB and the exit code. */
    static void child(List<String> args) throws Exception {
        Writer sink = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        long t0 = System.nanoTime();
        StringWriter err = new StringWriter();
        int code = Cli.run(args.toArray(new String[0]), new PrintWriter(sink), new PrintWriter(err));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String hwm = "?";
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) hwm = String.valueOf(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
        }
        if (code != 0) System.out.println(err.toString().lines().limit(5).reduce("", (a, b) -> a + " " + b));
        System.out.println("RESULT " + ms + " " + hwm + " " + code);
    }
}
