package hk.baycover.bench;

import hk.baycover.model.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pulse-stall bench's flow runs to its end on the shipped data (its figures are for the bench, not for tests). */
class PulseStallBenchTest {

    @TempDir
    Path dir;

    @Test
    void theScriptedFlowRunsEveryStepAndRecordsPulses() throws Exception {
        PulseStallBench.startToolkit();
        PulseStallBench.Result r = PulseStallBench.run(dir, Lang.ZH_HK, 1.0);
        assertEquals(java.util.List.of(), r.unfinished(), "every step of the flow finishes");
        assertTrue(r.pulses() > 0, "the monitor saw pulses");
        assertTrue(r.longestByStep().keySet().containsAll(java.util.List.of("start", "compare: 4 products", "lookup: open + search",
                "plans: open", "plans: client + episode", "plans: recommend", "gaps: open + matrix", "data: open", "proposal PDF")),
                r.longestByStep().toString());
        assertTrue(java.nio.file.Files.size(dir.resolve("proposal.pdf")) > 0, "the flow wrote the proposal");
    }
}
