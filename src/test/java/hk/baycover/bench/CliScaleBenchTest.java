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
}
