package hk.baycover;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/architecture.md shows the layers ArchitectureTest enforces: the marked table is ArchitectureTest.LAYERS, row by row. */
class ArchitectureDocTest {

    @Test
    void theArchitecturePageShowsTheEnforcedLayers() throws IOException {
        String doc = Files.readString(Path.of("docs", "architecture.md"), StandardCharsets.UTF_8);
        int from = doc.indexOf("<!-- layers:");
        int to = doc.indexOf("<!-- /layers -->");
        assertTrue(from >= 0 && to > from, "docs/architecture.md marks its layer table");
        List<ArchitectureTest.Layer> shown = new ArrayList<>();
        for (String line : doc.substring(from, to).split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("| layer") || line.startsWith("|---")) continue;
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            List<String> packages = Arrays.stream(cells[1].split(",")).map(c -> c.strip().replace("`", "")).toList();
            List<String> usedBy = cells[2].strip().equals("—") ? List.of() : Arrays.stream(cells[2].split(",")).map(String::strip).toList();
            shown.add(new ArchitectureTest.Layer(cells[0].strip(), packages, usedBy));
        }
        assertEquals(ArchitectureTest.LAYERS, shown);
    }
}
