package hk.baycover.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of the command-line bench that turn a run's output into its figures (no timing is asserted). */
class CliScaleBenchTest {

    /** What {@code bin/baycover import} prints to stderr with {@code JAVA_TOOL_OPTIONS=-Dbaycover.timeline=true}. */
    private static final String TIMELINE = String.join("\n",
            "Picked up JAVA_TOOL_OPTIONS: -Dbaycover.timeline=true",
            "timeline     568 ms    +568 ms  process start to the first mark",
            "timeline     568 ms      +0 ms  launcher entered",
            "timeline     686 ms    +118 ms  cli entered",
            "timeline     917 ms    +231 ms  picocli model built",
            "timeline    1181 ms      +0 ms  data folder open",
            "timeline    3982 ms   +2505 ms  import: packs checked",
            "timeline    7021 ms    +125 ms  import: references checked",
            "timeline    7318 ms    +296 ms  output flushed, folder closed",
            "");

    @Test
    void theTimeInsideTheJvmRunsFromCliEnteredToOutputFlushed() {
        assertEquals(7318 - 686, CliScaleBench.inJvmMs(TIMELINE));
    }

    @Test
    void aRunWithoutBothMarksHasNoTime() {
        assertEquals(-1, CliScaleBench.inJvmMs("Picked up JAVA_TOOL_OPTIONS: -Dbaycover.timeline=true\nError: no such file\n"));
        assertEquals(-1, CliScaleBench.inJvmMs(TIMELINE.replace("output flushed", "output lost")));
        assertEquals(-1, CliScaleBench.inJvmMs(TIMELINE.replace("cli entered", "cli left")));
    }

    @Test
    void theInstalledSummaryLineSaysHowTheImportsRan() {
        List<double[]> packs = List.of(new double[] {9953, 168}, new double[] {8664, 174}, new double[] {10191, 167});
        double[] products = {2469, 159};
        String plain = CliScaleBench.importSummary(packs, products);
        assertEquals("import throughput (target >= 10,000 records/s): first pack 9,953/s, slowest 8,664/s, median 9,953/s over 3 packs;"
                + " 2,469/s for the products pack; peak RSS 167-174 MB (products 159 MB)", plain);
        String installed = CliScaleBench.importSummary("as installed (bin/baycover, AppCDS) ", packs, products);
        assertTrue(installed.startsWith("import throughput as installed (bin/baycover, AppCDS) (target >= 10,000 records/s): first pack 9,953/s"), installed);
    }

    @Test
    void aPackRunSeveralTimesCountsItsMedianRunAndOnlyTheLastChangesTheFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("large"));
        java.nio.file.Files.writeString(folder.resolve("baycover.db"), "before");
        java.util.List<String> seen = new java.util.ArrayList<>();
        double[][] results = {{9_000, 140}, {12_000, 150}, {10_500, 145}};
        double[] got = CliScaleBench.repeated(3, folder, (data, run) -> {
            seen.add(data.getFileName() + run + ":" + java.nio.file.Files.readString(data.resolve("baycover.db")));
            java.nio.file.Files.writeString(data.resolve("baycover.db"), "after");
            return results[seen.size() - 1];
        });
        assertEquals(10_500, got[0], "the median run's rate");
        assertEquals(150, got[1], "the largest peak");
        assertEquals(java.util.List.of("large-repeat (run 1 of 3, into a copy):before", "large-repeat (run 2 of 3, into a copy):before",
                "large (run 3 of 3):before"), seen, "each run starts from the folder as it was");
        assertEquals("after", java.nio.file.Files.readString(folder.resolve("baycover.db")), "the last run is into the folder itself");
        assertTrue(java.nio.file.Files.notExists(dir.resolve("large-repeat")), "no copy is left");
        double[] failed = CliScaleBench.repeated(3, folder, (data, run) -> run.contains("run 2") ? new double[] {0, 0} : new double[] {20_000, 100});
        assertEquals(0, failed[0], "a failed run makes the pack's rate 0");
    }
}
