package hk.baycover.bench;

import hk.baycover.gaps.GapCatalogGenerator;
import hk.baycover.gaps.GapDiff;
import hk.baycover.gaps.GapEngine;
import hk.baycover.gaps.GapFixtures;
import hk.baycover.gaps.GapMatrix;
import hk.baycover.gaps.SegmentConfig;
import hk.baycover.model.FxTable;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Gap matrix over a generated catalog of 1,000 products with the default segments (126 × 16 = 2,016 cells): the full
 * matrix, and the what-if update after a draft edit (evaluate the draft only, fold it into the base, diff).
 * Run: {@code mvn -B -q test-compile && mvn -B -q exec:exec -Dexec.executable=java
 * -Dexec.args="-cp %classpath org.openjdk.jmh.Main GapMatrixBench"} (sample mode prints p50/p99).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class GapMatrixBench {

    List<Product> products;
    GapEngine engine;
    GapMatrix base;
    Product draft;
    int edit;

    @Setup
    public void setUp() {
        products = GapCatalogGenerator.products(1000, 42);
        engine = new GapEngine(SegmentConfig.defaults(), LocalDate.of(2026, 11, 29), FxTable.defaults());
        base = engine.matrix(products, ProgressMonitor.NONE);
        draft = GapFixtures.dentalDraft("draft-bench");
    }

    @Benchmark
    public GapMatrix fullMatrix() {
        return engine.matrix(products, ProgressMonitor.NONE);
    }

    /** A draft was edited: only it is evaluated again; the base matrix and every other product's results are reused. */
    @Benchmark
    public GapDiff whatIfUpdate() {
        GapMatrix with = base.plus(List.of(engine.evaluate(draft, true)));
        return with.diffFrom(base);
    }
}
