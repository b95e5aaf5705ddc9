package hk.baycover.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A developer's timeline of one command-line run: where the time of a fresh JVM goes (opening the database, its
 * check, seeding, the snapshot, the command's own work). Off, and free, unless the system property
 * {@value #PROPERTY} is {@code true}; then every {@link #mark} notes the time since the previous one, and the command
 * line prints the lines to stderr at the end of the run ({@code java -Dbaycover.timeline=true … gaps --json}).
 * Timings live here and in the benchmarks, never in tests.
 */
public final class Timeline {

    public static final String PROPERTY = "baycover.timeline";

    private static final boolean ON = Boolean.getBoolean(PROPERTY);
    private static final long ORIGIN = System.nanoTime();
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<Long> TIMES = new ArrayList<>();
    /** Also told of every mark, when set (the GUI's start-up probe records the phases of its start this way). */
    private static volatile java.util.function.Consumer<String> listener;

    private Timeline() {
    }

    /**
     * Tells {@code l} of every later mark, on the thread that marks (null: nobody); marks are passed on whether or not
     * the timeline itself is recorded.
     */
    public static void listen(java.util.function.Consumer<String> l) {
        listener = l;
    }

    /** True when the timeline is recorded. */
    public static boolean on() {
        return ON;
    }

    /** Notes that {@code phase} ended now (nothing when the timeline is off). */
    public static void mark(String phase) {
        java.util.function.Consumer<String> l = listener;
        if (l != null) l.accept(phase);
        if (!ON) return;
        long now = System.nanoTime();
        synchronized (NAMES) {
            NAMES.add(phase);
            TIMES.add(now);
        }
    }

    /**
     * The recorded phases, one line each: milliseconds since the JVM started, since the previous mark, and the phase
     * (the first line also says how long the JVM took to reach this class). Empty when the timeline is off.
     */
    public static List<String> lines() {
        if (!ON) return List.of();
        List<String> out = new ArrayList<>();
        // the process's start as the system recorded it (java.base: the image links no management module)
        long processStart = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis());
        long boot = Math.max(0, System.currentTimeMillis() - processStart - (System.nanoTime() - ORIGIN) / 1_000_000);
        out.add(String.format(Locale.ROOT, "timeline %7d ms %+7d ms  process start to the first mark", boot, boot));
        synchronized (NAMES) {
            long previous = ORIGIN;
            for (int i = 0; i < NAMES.size(); i++) {
                long t = TIMES.get(i);
                out.add(String.format(Locale.ROOT, "timeline %7d ms %+7d ms  %s", boot + (t - ORIGIN) / 1_000_000,
                        (t - previous) / 1_000_000, NAMES.get(i)));
                previous = t;
            }
        }
        return out;
    }
}
