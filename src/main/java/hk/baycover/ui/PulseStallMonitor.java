package hk.baycover.ui;

import javafx.animation.AnimationTimer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures how long the FX thread goes without a pulse: an {@link AnimationTimer} asks for a pulse every frame, so the
 * gap between two of its calls is the time the FX thread was busy with something else (a frozen window, key presses
 * queueing). The longest gap is kept overall and per phase (a phase is named by {@link #phase(String)}; a gap counts
 * for the phase current when it ends). Next to each wall-clock gap it keeps the CPU time the FX thread itself spent in
 * the longest-CPU gap: on a loaded machine the wall gap also counts the time the thread waited for a core, while its
 * CPU time is close to what the same gap takes on a quiet one. Create, start and stop it on the FX thread; read the
 * figures there too.
 */
public final class PulseStallMonitor {

    private final Map<String, Long> longestByPhase = new LinkedHashMap<>();
    private final Map<String, Integer> pulsesByPhase = new LinkedHashMap<>();
    private final Map<String, Long> longestCpuByPhase = new LinkedHashMap<>();
    /** The FX thread's CPU clock in ns, read on the FX thread (-1: not measured); the bench supplies one. */
    private final java.util.function.LongSupplier cpuClock;
    private long lastCpu = -1;
    private long longestCpu;
    private volatile String phase = "start";
    private volatile long last = -1;
    private long longest;
    private long pulses;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(System.nanoTime());
        }
    };

    /** Wall-clock gaps only. */
    public PulseStallMonitor() {
        this(() -> -1);
    }

    /**
     * Wall-clock gaps and, per gap, the CPU time of the FX thread from {@code cpuClock} (called on the FX thread; e.g.
     * {@code ThreadMXBean::getCurrentThreadCpuTime} — kept out of here so the app's runtime needs no management module).
     */
    public PulseStallMonitor(java.util.function.LongSupplier cpuClock) {
        this.cpuClock = cpuClock;
    }

    /** Starts watching (the first pulse sets the clock). */
    public void start() {
        last = -1;
        lastCpu = -1;
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Names what runs from now on (a screen opening, a recommendation…). */
    public void phase(String name) {
        phase = name;
        longestByPhase.putIfAbsent(name, 0L);
        longestCpuByPhase.putIfAbsent(name, 0L);
        pulsesByPhase.putIfAbsent(name, 0);
    }

    void pulse(long nanos) {
        long cpu = cpuClock.getAsLong();
        if (last >= 0) {
            long gap = nanos - last;
            longest = Math.max(longest, gap);
            longestByPhase.merge(phase, gap, Math::max);
        }
        if (lastCpu >= 0 && cpu >= 0) {
            long gap = cpu - lastCpu;
            longestCpu = Math.max(longestCpu, gap);
            longestCpuByPhase.merge(phase, gap, Math::max);
        }
        lastCpu = cpu;
        pulses++;
        pulsesByPhase.merge(phase, 1, Integer::sum);
        last = nanos;
    }

    /** The phase running now (for a sampler that groups what it sees by phase). */
    public String phase() {
        return phase;
    }

    /** The longest gap between two pulses so far, in milliseconds. */
    public double longestMillis() {
        return longest / 1e6;
    }

    /** The longest gap per phase, in milliseconds, in the order the phases began. */
    public Map<String, Double> longestMillisByPhase() {
        Map<String, Double> out = new LinkedHashMap<>();
        longestByPhase.forEach((k, v) -> out.put(k, v / 1e6));
        return out;
    }

    /** The most FX-thread CPU time between two pulses so far, in milliseconds (-1 where the JVM cannot tell). */
    public double longestCpuMillis() {
        return longestCpu / 1e6;
    }

    /** The most FX-thread CPU time between two pulses per phase, in milliseconds, in the order the phases began. */
    public Map<String, Double> longestCpuMillisByPhase() {
        Map<String, Double> out = new LinkedHashMap<>();
        longestCpuByPhase.forEach((k, v) -> out.put(k, v / 1e6));
        return out;
    }

    /** Pulses seen per phase. */
    public Map<String, Integer> pulsesByPhase() {
        return new LinkedHashMap<>(pulsesByPhase);
    }

    /** Nanoseconds since the last pulse (any thread; -1 before the first): a stall in progress when large. */
    public long nanosSinceLastPulse() {
        long l = last;
        return l < 0 ? -1 : System.nanoTime() - l;
    }

    public long pulses() {
        return pulses;
    }
}
