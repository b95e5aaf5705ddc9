package hk.baycover.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupProbeTest {

    @AfterEach
    void clear() {
        System.clearProperty(StartupProbe.PROPERTY);
        System.clearProperty(StartupProbe.EXIT_PROPERTY);
    }

    @Test
    void formatThenParseRoundTripsAndFirstOccurrenceWins() {
        List<String> lines = List.of(
                StartupProbe.format("main", 1000, ""),
                StartupProbe.format("firstFrame", 1800, "focus=\tlanguage\n"),
                StartupProbe.format("firstFrame", 1900, "again"));
        Map<String, Long> events = StartupProbe.parse(lines);
        assertEquals(Map.of("main", 1000L, "firstFrame", 1800L), events);
        assertEquals(List.of("main", "firstFrame"), List.copyOf(events.keySet()));
        assertEquals("firstFrame\t1800\tfocus= language ", lines.get(1), "tabs and newlines in the detail cannot break the line format");
    }

    @Test
    void parseSkipsBlankTornAndMalformedLines() {
        Map<String, Long> events = StartupProbe.parse(List.of("", "start\t12x", "\t5\t", "shown", "catalog\t42\t", "interac"));
        assertEquals(Map.of("catalog", 42L), events);
    }

    @Test
    void sinceSubtractsTheProcessStartNotedByTheBench() {
        Map<String, Long> since = StartupProbe.since(10_000, StartupProbe.parse(List.of("main\t10150\t", "firstFrame\t11200\t")));
        assertEquals(150L, since.get("main"));
        assertEquals(1200L, since.get("firstFrame"));
    }

    @Test
    void offUnlessAFileIsNamedAndThenAppendsOneLinePerEvent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("probe.txt");
        StartupProbe.mark("main");
        assertFalse(StartupProbe.enabled());
        assertFalse(Files.exists(file));
        assertFalse(StartupProbe.exitAfter("main"), "exit is never asked for while the probe is off");

        System.setProperty(StartupProbe.PROPERTY, file.toString());
        System.setProperty(StartupProbe.EXIT_PROPERTY, StartupProbe.INTERACTIVE);
        long before = System.currentTimeMillis();
        StartupProbe.mark(StartupProbe.MAIN);
        StartupProbe.mark(StartupProbe.FIRST_FRAME);
        StartupProbe.mark(StartupProbe.INTERACTIVE, "focus=query");
        long after = System.currentTimeMillis();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith(StartupProbe.MAIN + "\t") && lines.get(0).endsWith("\t"), "no CPU figure where the bench reports none: " + lines.get(0));
        assertTrue(lines.get(2).contains("\tfocus=query cpu="), lines.get(2));
        Map<String, Long> events = StartupProbe.parse(lines);
        // the first frame and interactive carry the process's CPU time so far (Linux: /proc), which only grows
        Map<String, Long> cpu = StartupProbe.parseCpu(lines);
        assertEquals(List.of(StartupProbe.FIRST_FRAME, StartupProbe.INTERACTIVE), List.copyOf(cpu.keySet()));
        assertTrue(cpu.get(StartupProbe.FIRST_FRAME) > 0 && cpu.get(StartupProbe.INTERACTIVE) >= cpu.get(StartupProbe.FIRST_FRAME), cpu.toString());
        assertTrue(events.get(StartupProbe.MAIN) >= before && events.get(StartupProbe.INTERACTIVE) <= after);
        assertTrue(StartupProbe.exitAfter(StartupProbe.INTERACTIVE));
        assertFalse(StartupProbe.exitAfter(StartupProbe.FIRST_FRAME));
    }

    @Test
    void cpuFiguresAreReadFromTheDetailAndTornOnesAreSkipped() {
        Map<String, Long> cpu = StartupProbe.parseCpu(List.of("main\t1\tcpu=120", "firstFrame\t2\tfocus= cpu=800", "catalog\t3\tcpu=9x",
                "shown\t4\t", "firstFrame\t5\tcpu=999"));
        assertEquals(Map.of("main", 120L, "firstFrame", 800L), cpu);
    }

    @Test
    void anUnwritableProbeFileNeverBreaksStartUp(@TempDir Path dir) {
        System.setProperty(StartupProbe.PROPERTY, dir.resolve("no/such/folder/probe.txt").toString());
        StartupProbe.mark(StartupProbe.MAIN);
        assertFalse(Files.exists(dir.resolve("no")));
    }
}
