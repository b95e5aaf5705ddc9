package hk.baycover.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Start-up timestamps for the start-up bench and the installer smoke test; off (and silent) unless the system property
 * {@code baycover.startupProbe} names a file. Each event appends one line {@code EVENT<TAB>EPOCH_MILLIS<TAB>DETAIL} to
 * that file, so a bench that noted the wall clock just before it started the process can compute "process start to
 * event" exactly. With {@code baycover.startupProbe.exit=EVENT} the application quits right after that event (benches
 * run it in a loop).
 *
 * <p>Events: {@code main} (Launcher entered: JVM boot done), {@code settings} (data folder and settings read, off the
 * FX thread), {@code start} (Application.start entered: toolkit up),
 * {@code shown} (stage.show() returned), {@code firstFrame} (the first pulse of the shown window has laid out and
 * handed its frame to the renderer), {@code catalog} (catalog loaded off the FX thread), {@code interactive} (the main
 * window with the loaded catalog has been laid out in a pulse and takes input).
 */
public final class StartupProbe {

    public static final String PROPERTY = "baycover.startupProbe";
    public static final String EXIT_PROPERTY = "baycover.startupProbe.exit";

    public static final String MAIN = "main";
    public static final String START = "start";
    public static final String SETTINGS = "settings";
    public static final String SHOWN = "shown";
    public static final String FIRST_FRAME = "firstFrame";
    public static final String CATALOG = "catalog";
    public static final String INTERACTIVE = "interactive";
    /** The window's background check of the whole database file passed (after {@code interactive}; ADR 0065). */
    public static final String CHECKED = "checked";
    /**
     * Prefix of the finer phases between the events above (opening the database, the snapshot, building the main
     * window…): {@code phase:NAME}. They make the start-up timeline; the bench lists them after the events.
     */
    public static final String PHASE_PREFIX = "phase:";

    private static final Logger LOG = Logger.getLogger(StartupProbe.class.getName());

    private StartupProbe() {
    }

    /** True when a probe file is configured. */
    public static boolean enabled() {
        return file().isPresent();
    }

    /** Records {@code event} now (no-op when the probe is off). */
    public static void mark(String event) {
        mark(event, "");
    }

    /** Records {@code event} now with a free-text detail (no tabs or newlines; they are replaced). */
    public static void mark(String event, String detail) {
        Optional<Path> file = file();
        if (file.isEmpty()) return;
        long now = System.currentTimeMillis();
        // the CPU figure reads a file per thread (a few ms): only at the two events the bench reports it for, so the probe
        // does not slow the path it measures (the phases and the other events carry none)
        long cpu = event.equals(FIRST_FRAME) || event.equals(INTERACTIVE) ? processCpuMillis() : -1;
        String cpus = cpu < 0 ? "" : CPU + cpu + " " + THREAD_CPU + threadCpuMillis();
        String line = format(event, now, cpu < 0 ? detail : (detail == null || detail.isEmpty() ? "" : detail + " ") + cpus) + "\n";
        synchronized (StartupProbe.class) {
            try {
                Files.writeString(file.get(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "startup probe cannot write " + file.get(), e);
            }
        }
    }

    /** Detail prefix of the process's CPU time so far, in ms, all threads (Linux), which load does not inflate as it does wall time. */
    public static final String CPU = "cpu=";

    /** Detail prefix of the marking thread's own CPU time so far, in ms (the FX thread's at firstFrame and interactive). */
    public static final String THREAD_CPU = "thread=";

    /** CPU time of the calling thread so far, in ms, from /proc (Linux); -1 elsewhere. */
    static long threadCpuMillis() {
        try {
            String stat = new String(hk.baycover.io.BoundedInput.readAll(Path.of("/proc/thread-self/schedstat"), 4096), StandardCharsets.US_ASCII);
            return Long.parseLong(stat.split(" ", 2)[0].strip()) / 1_000_000;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of every thread of this process so far, in ms, from /proc (Linux); -1 elsewhere. */
    static long processCpuMillis() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return -1;
        long ns = 0;
        try (java.util.stream.Stream<Path> list = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) list::iterator) {
                try {
                    // schedstat: time on the CPU (ns), time waiting to run (ns), time slices
                    String stat = new String(hk.baycover.io.BoundedInput.readAll(t.resolve("schedstat"), 4096), StandardCharsets.US_ASCII);
                    ns += Long.parseLong(stat.split(" ", 2)[0].strip());
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ns / 1_000_000;
    }

    /** The {@link #CPU} figure of each event's first line (process CPU ms at that event), where the line has one. */
    public static Map<String, Long> parseCpu(List<String> lines) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.split("\t", -1);
            if (parts.length < 3 || parts[0].isBlank() || out.containsKey(parts[0].strip())) continue;
            for (String word : parts[2].split(" ")) {
                if (!word.startsWith(CPU)) continue;
                try {
                    out.put(parts[0].strip(), Long.parseLong(word.substring(CPU.length())));
                } catch (NumberFormatException bad) {
                    // a torn line
                }
            }
        }
        return out;
    }

    /** True when the probe asks the application to quit after {@code event}. */
    public static boolean exitAfter(String event) {
        return enabled() && event.equals(System.getProperty(EXIT_PROPERTY));
    }

    static Optional<Path> file() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) return Optional.empty();
        try {
            return Optional.of(Path.of(v));
        } catch (RuntimeException bad) {
            return Optional.empty();
        }
    }

    /** One probe line (without the newline). */
    public static String format(String event, long epochMillis, String detail) {
        String d = detail == null ? "" : detail.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        return event + "\t" + epochMillis + "\t" + d;
    }

    /**
     * Reads probe lines: the epoch millis of each event, first occurrence wins, in file order. Blank and malformed lines
     * are skipped (a probe file can be cut short when the process is killed).
     */
    public static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.split("\t", -1);
            if (parts.length < 2 || parts[0].isBlank()) continue;
            try {
                out.putIfAbsent(parts[0].strip(), Long.parseLong(parts[1].strip()));
            } catch (NumberFormatException bad) {
                // skip a torn line
            }
        }
        return out;
    }

    /** Milliseconds from {@code t0EpochMillis} (noted by the caller just before starting the process) to each event. */
    public static Map<String, Long> since(long t0EpochMillis, Map<String, Long> events) {
        Map<String, Long> out = new LinkedHashMap<>();
        events.forEach((k, v) -> out.put(k, v - t0EpochMillis));
        return out;
    }
}
