package hk.baycover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.baycover.app.BayCover;
import hk.baycover.model.Lang;
import hk.baycover.model.ProgressMonitor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client living in Nanshan, on the shipped data: {@code plan --json} carries the district and the designated hospitals
 * nearest first ({@code nearby}, a new field), and the proposal, read back with PDFBox, names the hospitals in Nanshan
 * before the rest of Shenzhen, in the reader's language.
 */
class DistrictPlanOutputTest {

    @TempDir
    static Path dir;
    static Path data;
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
        all.addAll(List.of(args));
        int code = Cli.run(all.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void seed() {
        data = dir.resolve("data");
        try (BayCover app = BayCover.open(data, Lang.ZH_HK, ProgressMonitor.NONE)) {
            assertTrue(app.catalog().institution("qianhai-taikang").isPresent(), "the shipped data");
        }
    }

    static Path client(String name, String district, String needs) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, """
                {"age": 72, "sex": "F", "residency": "HK_PERMANENT_RESIDENT", "livesIn": "SHENZHEN", "city": "SHENZHEN", %s
                 "needs": {%s}, "horizonYears": 10}""".formatted(district == null ? "" : "\"district\": \"" + district + "\",", needs),
                StandardCharsets.UTF_8);
        return f;
    }

    static String pdfText(Path pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d).replaceAll("\\s+", "");
        }
    }

    @Test
    void aNanshanClientSeesTheHospitalsInNanshanFirst() throws Exception {
        Path client = client("nanshan.json", "南山區", "\"INPATIENT\": \"MUST_HAVE\", \"GBA_DRUG\": \"NICE_TO_HAVE\"");
        Path pdf = dir.resolve("nanshan-zh-HK.pdf");
        Run r = cli("--lang", "zh-HK", "plan", client.toString(), "--json", "--pdf", pdf.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("NANSHAN", j.path("client").path("district").asText());
        JsonNode near = j.path("nearby");
        assertEquals("SHENZHEN", near.path("city").asText());
        assertEquals("NANSHAN", near.path("district").asText());
        assertEquals("南山區", near.path("districtName").asText());
        List<String> in = new ArrayList<>();
        near.path("inDistrict").forEach(i -> in.add(i.path("id").asText()));
        assertEquals(List.of("qianhai-shekou-ftz", "qianhai-taikang"), in, "前海 lies in Nanshan");
        List<String> rest = new ArrayList<>();
        near.path("elsewhere").forEach(i -> rest.add(i.path("id").asText()));
        assertTrue(rest.contains("hku-szh") && rest.contains("luohu-peoples"), rest.toString());
        assertFalse(rest.contains("qianhai-taikang") || rest.contains("zhuhai-cmer-eye"), "only the rest of Shenzhen: " + rest);
        assertEquals("在你所住的南山區：深圳市前海蛇口自貿區醫院、深圳前海泰康醫院", near.path("text").get(0).asText());
        assertTrue(near.path("text").get(1).asText().startsWith("深圳其他地區：香港大學深圳醫院（福田區）"), near.path("text").get(1).asText());

        String text = pdfText(pdf);
        int inDistrict = text.indexOf("在你所住的南山區：深圳市前海蛇口自貿區醫院、深圳前海泰康醫院");
        int elsewhere = text.indexOf("深圳其他地區：香港大學深圳醫院（福田區）");
        assertTrue(inDistrict >= 0, "the proposal names the hospitals in the client's district: " + text);
        assertTrue(elsewhere > inDistrict, "then the rest of Shenzhen");
        assertTrue(text.contains("港澳藥械通指定醫療機構"), "under its own heading");
        assertTrue(text.contains("居於深圳·深圳·南山區"), "the client's details name the district");
        assertFalse(text.contains("NANSHAN") || text.contains("qianhai-taikang"), "no codes or ids");
    }

    @Test
    void inEnglishToo() throws Exception {
        Path client = client("nanshan-en.json", "NANSHAN", "\"INPATIENT\": \"MUST_HAVE\"");
        Path pdf = dir.resolve("nanshan-en.pdf");
        Run r = cli("--lang", "en", "plan", client.toString(), "--json", "--pdf", pdf.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode near = JSON.readTree(r.out()).path("nearby");
        assertEquals("In Nanshan, where you live: Shenzhen Qianhai Shekou Free Trade Zone Hospital; Shenzhen Qianhai Taikang Hospital",
                near.path("text").get(0).asText(), "a known district is enough, without a 港澳藥械通 need");
        assertTrue(pdfText(pdf).contains("InNanshan,whereyoulive:ShenzhenQianhaiShekouFreeTradeZoneHospital"));
    }

    @Test
    void noDistrictAndNoGbaNeedAddsNothing() throws Exception {
        Run r = cli("--lang", "en", "plan", client("plain.json", null, "\"INPATIENT\": \"MUST_HAVE\"").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertFalse(j.has("nearby"), "the field is only there when it says something");
        assertFalse(j.path("client").has("district"));
    }

    @Test
    void aCareEpisodeWithAGbaDrugCallsForTheListToo() throws Exception {
        Path client = client("episode.json", null, "\"INPATIENT\": \"MUST_HAVE\"");
        Run r = cli("--lang", "zh-CN", "plan", client.toString(), "--scenario", "wet-amd-brolucizumab-12m-zhuhai-cmer", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode near = JSON.readTree(r.out()).path("nearby");
        assertFalse(near.has("district"));
        assertTrue(near.path("text").get(0).asText().startsWith("在深圳：香港大学深圳医院（福田区）、"), near.toString());
    }

    @Test
    void aBadDistrictIsAUserErrorInWords() throws Exception {
        Run r = cli("--lang", "en", "plan", client("bad.json", "Central", "\"INPATIENT\": \"MUST_HAVE\"").toString(), "--json");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.json") && r.err().contains("/district") && r.err().contains("\"Central\" is not a Shenzhen district")
                && r.err().contains("Futian, Luohu, Nanshan"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
