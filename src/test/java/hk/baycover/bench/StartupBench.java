package hk.baycover.bench;

import hk.baycover.app.StartupProbe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up bench: runs each variant (a command line) N times, interleaved in the same run, and reports the time from
 * process start (the wall clock noted just before the process is started) to each {@link StartupProbe} event: median,
 * quartiles, min and max. Then the ratio of BayCover to the bare JavaFX window.
 *
 * <p>Variants come from a file, one per line: {@code NAME<TAB>EXIT_EVENT<TAB>COMMAND<TAB>ARG...}. The probe is switched on
 * through {@code JAVA_TOOL_OPTIONS} for every variant alike (the JVM reads it whichever launcher starts it, the
 * {@code java} command or the jpackage launcher). Run it through {@code installer/bench-startup.sh}, which builds the
 * image, the AppCDS archives and this file.
 *
 * <pre>java -cp ... hk.baycover.bench.StartupBench VARIANTS_FILE RUNS BARE_NAME APP_NAME [REPORT.md]</pre>
 */
public final class StartupBench {

    /** One command line to bench. */
    record Variant(String name, String exitEvent, List<String> command) {
    }

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: StartupBench VARIANTS_FILE RUNS BARE_NAME APP_NAME [REPORT.md]");
            System.exit(2);
        }
        List<Variant> variants = variants(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
        int runs = Integer.parseInt(args[1]);
        String bare = args[2];
        String app = args[3];
        Path work = Files.createTempDirectory("baycover-bench");
        Map<String, Map<String, List<Long>>> results = new LinkedHashMap<>();
        for (Variant v : variants) results.put(v.name(), new LinkedHashMap<>());

        // one warm-up run each (page cache, font cache), not counted
        for (Variant v : variants) runOnce(v, work);
        for (int r = 0; r < runs; r++) {
            // rotate the order so no variant always goes first after an idle moment
            for (int i = 0; i < variants.size(); i++) {
                Variant v = variants.get((i + r) % variants.size());
                Map<String, Long> t = runOnce(v, work);
                if (!t.containsKey(v.exitEvent())) {
                    System.err.println("run " + (r + 1) + " of " + v.name() + " did not reach '" + v.exitEvent() + "': " + t);
                    System.exit(1);
                }
                t.forEach((event, ms) -> results.get(v.name()).computeIfAbsent(event, k -> new ArrayList<>()).add(ms));
            }
            System.err.printf(Locale.ROOT, "run %d/%d done%n", r + 1, runs);
        }
        String report = report(results, runs, bare, app);
        System.out.print(report);
        if (args.length > 4) Files.writeString(Path.of(args[4]), report, StandardCharsets.UTF_8);
    }

    /** Key prefix of the process CPU figures among a run's events. */
    static final String CPU_PREFIX = "cpu:";

    static List<Variant> variants(List<String> lines) {
        List<Variant> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] p = line.split("\t");
            if (p.length < 3) throw new IllegalArgumentException("variant line needs NAME, EXIT_EVENT and a command: " + line);
            out.add(new Variant(p[0], p[1], List.of(Arrays.copyOfRange(p, 2, p.length))));
        }
        return out;
    }

    private static Map<String, Long> runOnce(Variant v, Path work) throws IOException, InterruptedException {
        Path probe = work.resolve(v.name() + ".probe");
        Files.deleteIfExists(probe);
        ProcessBuilder pb = new ProcessBuilder(v.command());
        pb.environment().put("JAVA_TOOL_OPTIONS",
                "-D" + StartupProbe.PROPERTY + "=" + probe + " -D" + StartupProbe.EXIT_PROPERTY + "=" + v.exitEvent());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(work.resolve(v.name() + ".err").toFile());
        long t0 = System.currentTimeMillis();
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(v.name() + " did not exit within 120 s; stderr in " + work.resolve(v.name() + ".err"));
        }
        if (!Files.exists(probe)) return Map.of();
        List<String> lines = Files.readAllLines(probe, StandardCharsets.UTF_8);
        Map<String, Long> out = new LinkedHashMap<>(StartupProbe.since(t0, StartupProbe.parse(lines)));
        // the process's CPU time at the main events (all threads), kept as "cpu:EVENT"
        StartupProbe.parseCpu(lines).forEach((event, ms) -> {
            if (!event.startsWith(StartupProbe.PHASE_PREFIX)) out.put(CPU_PREFIX + event, ms);
        });
        return out;
    }

    /** The p-th percentile (0..100) of the values, by linear interpolation between closest ranks. */
    static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) throw new IllegalArgumentException("no values");
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        double rank = p / 100.0 * (v.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return v[lo] + (v[hi] - v[lo]) * (rank - lo);
    }

    static double median(List<Long> values) {
        return percentile(values, 50);
    }

    private static void row(StringBuilder sb, String name, String event, List<Long> ms) {
        sb.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %d | %d |%n", name, event, median(ms), percentile(ms, 25),
                percentile(ms, 75), ms.stream().mapToLong(Long::longValue).min().orElse(0), ms.stream().mapToLong(Long::longValue).max().orElse(0)));
    }

    static String report(Map<String, Map<String, List<Long>>> results, int runs, String bare, String app) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Start-up, ms from process start, %d runs each (interleaved, after 1 warm-up run)%n%n", runs));
        sb.append("| variant | event | median | p25 | p75 | min | max |\n|---|---|---:|---:|---:|---:|---:|\n");
        results.forEach((name, events) -> events.forEach((event, ms) -> {
            if (!event.startsWith(StartupProbe.PHASE_PREFIX) && !event.startsWith(CPU_PREFIX)) row(sb, name, event, ms);
        }));
        // CPU time (all threads) to the first frame and to interactive: what load does not inflate as it does wall time
        sb.append(String.format(Locale.ROOT, "%nProcess CPU time (all threads, ms) at the event, same runs%n%n| variant | event | median | p25 | p75 | min | max |%n"
                + "|---|---|---:|---:|---:|---:|---:|%n"));
        results.forEach((name, events) -> events.forEach((event, ms) -> {
            if (event.startsWith(CPU_PREFIX) && (event.endsWith(StartupProbe.FIRST_FRAME) || event.endsWith(StartupProbe.INTERACTIVE))) {
                row(sb, name, event.substring(CPU_PREFIX.length()), ms);
            }
        }));
        // the start-up timeline: the events and the finer phases between them (opening the database, the snapshot, the
        // FX thread's steps), in the order of their medians, for the installed app (else the app variant)
        String timed = results.containsKey("installed") ? "installed" : app;
        Map<String, List<Long>> phases = results.getOrDefault(timed, Map.of());
        if (phases.keySet().stream().anyMatch(e -> e.startsWith(StartupProbe.PHASE_PREFIX))) {
            sb.append(String.format(Locale.ROOT, "%nStart-up timeline of %s (events and phases by median; \"fx:\" phases are the FX thread's, the"
                    + " others the preload thread's)%n%n| variant | event or phase | median | p25 | p75 | min | max |%n|---|---|---:|---:|---:|---:|---:|%n", timed));
            phases.entrySet().stream().filter(e -> !e.getKey().startsWith(CPU_PREFIX)).sorted(Map.Entry.comparingByValue(java.util.Comparator.comparingDouble(StartupBench::median)))
                    .forEach(e -> row(sb, timed, e.getKey().replace(StartupProbe.PHASE_PREFIX, ""), e.getValue()));
        }
        Map<String, List<Long>> b = results.get(bare);
        Map<String, List<Long>> a = results.get(app);
        if (b != null && a != null && b.containsKey(StartupProbe.FIRST_FRAME)) {
            double floor = median(b.get(StartupProbe.FIRST_FRAME));
            sb.append('\n');
            for (String event : List.of(StartupProbe.FIRST_FRAME, StartupProbe.INTERACTIVE)) {
                if (!a.containsKey(event)) continue;
                double m = median(a.get(event));
                double ratio = m / floor;
                // issue 16: first frame <= 1.3x, interactive <= 1.6x the bare window's first frame
                double target = event.equals(StartupProbe.FIRST_FRAME) ? 1.30 : 1.60;
                sb.append(String.format(Locale.ROOT, "%s %s median %.0f ms / %s firstFrame median %.0f ms = %.2fx (target <= %.2fx: %s)%n",
                        app, event, m, bare, floor, ratio, target, ratio <= target ? "met" : "NOT met"));
            }
        }
        return sb.toString();
    }

}
