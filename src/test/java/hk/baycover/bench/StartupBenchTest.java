package hk.baycover.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupBenchTest {

    @Test
    void percentilesInterpolateBetweenClosestRanks() {
        List<Long> v = List.of(40L, 10L, 30L, 20L);
        assertEquals(25.0, StartupBench.median(v));
        assertEquals(10.0, StartupBench.percentile(v, 0));
        assertEquals(40.0, StartupBench.percentile(v, 100));
        assertEquals(17.5, StartupBench.percentile(v, 25));
        assertEquals(7.0, StartupBench.median(List.of(7L)));
        assertThrows(IllegalArgumentException.class, () -> StartupBench.median(List.of()));
    }

    @Test
    void variantLinesAreTabSeparatedWithCommentsSkipped() {
        List<StartupBench.Variant> v = StartupBench.variants(List.of("# name exit command", "",
                "bare\tfirstFrame\t/opt/java\t-cp\ta b.jar\tBare"));
        assertEquals(1, v.size());
        assertEquals("bare", v.get(0).name());
        assertEquals("firstFrame", v.get(0).exitEvent());
        assertEquals(List.of("/opt/java", "-cp", "a b.jar", "Bare"), v.get(0).command());
        assertThrows(IllegalArgumentException.class, () -> StartupBench.variants(List.of("bare\tfirstFrame")));
    }

    @Test
    void reportGivesMediansAndTheRatioToTheBareWindow() {
        Map<String, Map<String, List<Long>>> r = new LinkedHashMap<>();
        r.put("bare", new LinkedHashMap<>(Map.of("firstFrame", List.of(1000L, 1100L, 900L))));
        Map<String, List<Long>> app = new LinkedHashMap<>();
        app.put("firstFrame", List.of(1100L, 1000L, 1200L));
        app.put("interactive", List.of(1500L, 1400L, 1600L));
        r.put("baycover", app);
        String report = StartupBench.report(r, 3, "bare", "baycover");
        assertTrue(report.contains("| bare | firstFrame | 1000 | 950 | 1050 | 900 | 1100 |"), report);
        assertTrue(report.contains("baycover firstFrame median 1100 ms / bare firstFrame median 1000 ms = 1.10x (target <= 1.30x: met)"), report);
        assertTrue(report.contains("baycover interactive median 1500 ms / bare firstFrame median 1000 ms = 1.50x (target <= 1.60x: met)"), report);
    }

    @Test
    void reportListsTheCpuFiguresAndTheTimelineOfPhasesApart() {
        Map<String, Map<String, List<Long>>> r = new LinkedHashMap<>();
        r.put("bare", new LinkedHashMap<>(Map.of("firstFrame", List.of(1000L))));
        Map<String, List<Long>> app = new LinkedHashMap<>();
        app.put("main", List.of(200L));
        app.put("phase:lock taken", List.of(400L));
        app.put("interactive", List.of(1500L));
        app.put("phase:fx: main window built", List.of(1300L));
        app.put(StartupBench.CPU_PREFIX + "interactive", List.of(2100L));
        r.put("installed", app);
        String report = StartupBench.report(r, 1, "bare", "installed");
        String events = report.substring(0, report.indexOf("Process CPU time"));
        assertFalse(events.contains("lock taken") || events.contains("cpu:"), "the events table holds events only: " + events);
        assertTrue(report.contains("| installed | interactive | 2100 | 2100 | 2100 | 2100 | 2100 |"), report);
        String timeline = report.substring(report.indexOf("Start-up timeline of installed"));
        assertTrue(timeline.indexOf("| installed | main |") < timeline.indexOf("| installed | lock taken |")
                && timeline.indexOf("| installed | lock taken |") < timeline.indexOf("| installed | fx: main window built |")
                && timeline.indexOf("| installed | fx: main window built |") < timeline.indexOf("| installed | interactive | 1500"), timeline);
    }
}
