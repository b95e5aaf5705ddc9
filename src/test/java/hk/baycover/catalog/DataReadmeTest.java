package hk.baycover.catalog;

import hk.baycover.model.Lang;
import hk.baycover.model.PackKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pack format documentation does not drift from the code: its minimal pack is valid and its schemas exist. */
class DataReadmeTest {

    private static final Path README = Path.of("data", "README.md");

    @Test
    void theMinimalPackInTheReadmeIsValid() throws Exception {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        int at = text.indexOf("### A minimal pack");
        assertTrue(at > 0, "data/README.md has a minimal pack");
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertTrue(m.find(at), "a json block follows");
        PackReader.Result r = new PackReader(Lang.EN, java.time.LocalDate.now()).read("README minimal pack", m.group(1).getBytes(StandardCharsets.UTF_8), ReferenceContext.EMPTY);
        assertEquals(java.util.List.of(), r.problems());
        assertTrue(r.ok());
    }

    @Test
    void everyKindHasTheSchemaTheReadmeNames() throws Exception {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        for (PackKind kind : PackKind.values()) {
            String schema = "schema/" + kind.code() + ".schema.json";
            assertTrue(text.contains(schema), schema + " is documented");
            assertTrue(Files.exists(Path.of("data").resolve(schema)), schema + " exists");
            try (var in = PackReader.schemaResource(kind)) {
                assertTrue(in != null, schema + " travels in the jar");
            }
        }
    }
}
