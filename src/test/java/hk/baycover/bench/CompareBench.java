package hk.baycover.bench;

import hk.baycover.app.BayCover;
import hk.baycover.compare.ComparisonMatrix;
import hk.baycover.compare.ComparisonRequest;
import hk.baycover.compare.ComparisonService;
import hk.baycover.compare.ProductFilter;
import hk.baycover.model.Catalog;
import hk.baycover.model.Lang;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.Sex;
import hk.baycover.report.ComparisonCsv;
import hk.baycover.report.ComparisonPdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Latency of the Compare feature on the shipped catalog: building the matrix (what the screen does on every tick and
 * every keystroke in the age field), filtering the picker (every keystroke in its search field), and the PDF and CSV
 * exports (6 products, zh-HK, CJK font embedded). Prints p50/p99 in milliseconds. Not a test: run it with
 * <pre>mvn -B -q test-compile exec:java -Dexec.mainClass=hk.baycover.bench.CompareBench [-Dexec.args="ROUNDS"]</pre>
 */
public final class CompareBench {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        System.out.printf(Locale.ROOT, "java %s, %d cores%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("baycover-compare-bench");
        BayCover app = BayCover.open(dir, Lang.EN, ProgressMonitor.NONE);
        Catalog catalog = app.catalog();
        List<String> ids = catalog.products().stream().map(Product::id).toList();
        System.out.printf(Locale.ROOT, "catalog: %d products, %d institutions%n", ids.size(), catalog.institutions().size());
        ComparisonService service = new ComparisonService(LocalDate.now());
        // six products spread over the catalog (commercial, VHIS, public, care), as an agent might pick
        List<String> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) six.add(ids.get(i * ids.size() / 6));
        ComparisonRequest plain = ComparisonRequest.of(six);
        ComparisonRequest client = new ComparisonRequest(six, 70, null, Sex.F, null, null, null);

        for (int r = 0; r < rounds; r++) {
            time("matrix, 2 products, no client", 3000, () -> service.compare(catalog, ComparisonRequest.of(six.subList(0, 2))));
            time("matrix, 6 products, no client", 3000, () -> service.compare(catalog, plain));
            time("matrix, 6 products, client aged 70", 3000, () -> service.compare(catalog, client));
            String[] typed = {"h", "hs", "hsb", "hsbc", "滙", "滙豐", "vhis", "深圳", "惠民保", "care"};
            int[] k = {0};
            time("picker filter (one keystroke)", 5000, () -> new ProductFilter(typed[k[0]++ % typed.length], null, null, null, null).apply(catalog, Lang.ZH_HK));
            ComparisonMatrix m = service.compare(catalog, client);
            Path pdf = dir.resolve("bench.pdf");
            time("PDF export, 6 products, zh-HK", 12, () -> {
                hk.baycover.io.SafeFiles.forDataDir(dir.resolve("no-data")).write(pdf, o -> ComparisonPdf.write(m, new ComparisonPdf.Options(Lang.ZH_HK, false, "2026-02-28"), o, ProgressMonitor.NONE));
                return pdf;
            });
            System.out.printf(Locale.ROOT, "   (PDF: %d rows, %,d bytes)%n", m.rows().size(), Files.size(pdf));
            Path csv = dir.resolve("bench.csv");
            time("CSV export, 6 products", 200, () -> {
                hk.baycover.io.SafeFiles.forDataDir(dir.resolve("no-data")).write(csv, o -> ComparisonCsv.write(m, Lang.ZH_HK, false, o));
                return csv;
            });
        }
    }

    private static void time(String what, int n, Supplier<Object> work) {
        int warm = Math.max(2, n / 5);
        for (int i = 0; i < warm; i++) work.get();
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            work.get();
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        System.out.printf(Locale.ROOT, "%-38s n=%-5d p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms%n", what, n,
                t[n / 2] / 1e6, t[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6, t[n - 1] / 1e6);
    }
}
