package hk.baycover.planning;

import hk.baycover.catalog.PackException;
import hk.baycover.catalog.Problem;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Confidence;
import hk.baycover.model.Designation;
import hk.baycover.model.DesignationStatus;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Need;
import hk.baycover.model.PartialDate;
import hk.baycover.model.Priority;
import hk.baycover.model.ShenzhenDistrict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static hk.baycover.planning.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Shenzhen district in the client file: read from a real file and written back; a value that names no district, or
 * a district for a client who lives elsewhere, is a message naming the file and the field, the districts in words.
 * And the district matters: the designated hospitals in it are named first.
 */
class ClientDistrictTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final String CLIENT = """
            {"age": 70, "sex": "F", "residency": "HK_PERMANENT_RESIDENT", "livesIn": "SHENZHEN", "city": "SHENZHEN", %s
             "needs": {"INPATIENT": "MUST_HAVE"}, "horizonYears": 10}""";

    static Path file(Path dir, String district) throws IOException {
        Path f = dir.resolve("client.json");
        Files.writeString(f, CLIENT.formatted(district == null ? "" : "\"district\": " + district + ","), StandardCharsets.UTF_8);
        return f;
    }

    static ClientFile.Read read(Lang lang, Path f) {
        return new ClientFile(lang, null, TODAY).read(f);
    }

    static Problem problem(Lang lang, Path f, String pointer) {
        PackException e = assertThrows(PackException.class, () -> read(lang, f));
        return e.problems().stream().filter(p -> p.pointer().equals(pointer)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + pointer + ": " + e.problems()));
    }

    @Test
    void aDistrictIsReadFromAFileAndWrittenBack(@TempDir Path dir) throws IOException {
        ClientProfile p = read(Lang.EN, file(dir, "\"NANSHAN\"")).profile();
        assertEquals(ShenzhenDistrict.NANSHAN, p.district());
        String out = ClientFile.write(p, Lang.ZH_HK);
        assertTrue(out.contains("\"district\" : \"NANSHAN\""), out);
        Path again = dir.resolve("again.json");
        Files.writeString(again, out, StandardCharsets.UTF_8);
        assertEquals(p, read(Lang.EN, again).profile(), "written out and read back, the same client");
        // no district: none given, and none written
        ClientProfile none = read(Lang.EN, file(dir, null)).profile();
        assertNull(none.district());
        assertFalse(ClientFile.write(none, null).contains("district"));
    }

    @Test
    void aDistrictMayBeWrittenByItsNameInAnyLanguage(@TempDir Path dir) throws IOException {
        assertEquals(ShenzhenDistrict.NANSHAN, read(Lang.EN, file(dir, "\"南山區\"")).profile().district());
        assertEquals(ShenzhenDistrict.BAOAN, read(Lang.EN, file(dir, "\"宝安区\"")).profile().district());
        assertEquals(ShenzhenDistrict.BAOAN, read(Lang.EN, file(dir, "\"Bao'an District\"")).profile().district());
        assertEquals(ShenzhenDistrict.DAPENG, read(Lang.EN, file(dir, "\"大鵬新區\"")).profile().district());
        assertEquals(ShenzhenDistrict.LONGHUA, read(Lang.EN, file(dir, "\"longhua\"")).profile().district());
    }

    @Test
    void aBadDistrictNamesTheFileTheFieldAndTheDistrictsInWords(@TempDir Path dir) throws IOException {
        Path f = file(dir, "\"Kowloon\"");
        Problem en = problem(Lang.EN, f, "/district");
        assertEquals(f.toString(), en.file());
        assertTrue(en.message().contains("\"Kowloon\" is not a Shenzhen district"), en.message());
        assertTrue(en.message().contains("Futian, Luohu, Nanshan, Yantian, Bao'an, Longgang, Longhua, Pingshan, Guangming, Dapeng New Area"), en.message());
        assertFalse(en.message().contains("NANSHAN") || en.message().contains("BAOAN"), "no codes: " + en.message());
        Problem hk = problem(Lang.ZH_HK, f, "/district");
        assertTrue(hk.message().contains("福田區、羅湖區、南山區、鹽田區、寶安區、龍崗區、龍華區、坪山區、光明區、大鵬新區"), hk.message());
        Problem cn = problem(Lang.ZH_CN, f, "/district");
        assertTrue(cn.message().contains("福田区、罗湖区、南山区、盐田区、宝安区、龙岗区、龙华区、坪山区、光明区、大鹏新区"), cn.message());
        assertTrue(problem(Lang.EN, file(dir, "7"), "/district").message().contains("is not a Shenzhen district"));
    }

    @Test
    void aDistrictForAClientWhoLivesElsewhereIsAProblemNotKept(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("hk.json");
        Files.writeString(f, CLIENT.formatted("\"district\": \"FUTIAN\",").replace("\"livesIn\": \"SHENZHEN\", \"city\": \"SHENZHEN\"",
                "\"livesIn\": \"HONG_KONG\""), StandardCharsets.UTF_8);
        Problem en = problem(Lang.EN, f, "/district");
        assertTrue(en.message().contains("only for a client who lives in Shenzhen") && en.message().contains("Futian")
                && en.message().contains("Lives in Hong Kong, crosses north for care"), en.message());
        assertFalse(en.message().contains("HONG_KONG") || en.message().contains("FUTIAN"), en.message());
        assertTrue(problem(Lang.ZH_HK, f, "/district").message().contains("只有居於深圳"));
    }

    static Institution institution(String id, City city, LocalizedText district, boolean current) {
        return new Institution(id, LocalizedText.of("醫院" + id, "医院" + id, "Hospital " + id), null, city, district, null, null,
                new Designation(1, null, PartialDate.parse("2021-08"), current ? null : DesignationStatus.REMOVED, null, null), null, null, null,
                List.of(), PartialDate.parse("2026"), Confidence.HIGH, null, false);
    }

    @Test
    void theHospitalsInTheClientsDistrictComeFirst() {
        Catalog catalog = catalog(List.of(), List.of(),
                institution("futian", City.SHENZHEN, LocalizedText.of("福田區", "福田区", "Futian"), true),
                institution("qianhai", City.SHENZHEN, LocalizedText.of("前海", "前海", "Qianhai"), true),
                institution("unknown", City.SHENZHEN, null, true),
                institution("nanshan-removed", City.SHENZHEN, LocalizedText.of("南山區", "南山区", "Nanshan"), false),
                institution("guangzhou", City.GUANGZHOU, null, true));
        ClientProfile c = client(70, needs(Need.INPATIENT, Priority.MUST_HAVE), null, 10).withDistrict(ShenzhenDistrict.NANSHAN);
        NearbyCare n = NearbyCare.of(c, catalog).orElseThrow();
        assertEquals(List.of("qianhai"), n.inDistrict().stream().map(Institution::id).toList(), "前海 lies in Nanshan; a removed designation is left out");
        assertEquals(List.of("futian", "unknown"), n.elsewhere().stream().map(Institution::id).toList());
        assertEquals(List.of("在你所住的南山區：醫院qianhai（前海）", "深圳其他地區：醫院futian（福田區）、醫院unknown"), n.lines(Lang.ZH_HK));
        assertEquals(List.of("In Nanshan, where you live: Hospital qianhai (Qianhai)", "Elsewhere in Shenzhen: Hospital futian (Futian); Hospital unknown"),
                n.lines(Lang.EN));
        // no district and no 港澳藥械通 need: nothing to say; a 港澳藥械通 need without a district: the city's hospitals
        assertEquals(Optional.empty(), NearbyCare.of(c.withDistrict(null), catalog));
        ClientProfile drugs = client(70, needs(Need.GBA_DRUG, Priority.NICE_TO_HAVE), null, 10);
        assertEquals(List.of("在深圳：醫院futian（福田區）、醫院qianhai（前海）、醫院unknown"), NearbyCare.of(drugs, catalog).orElseThrow().lines(Lang.ZH_HK));
        // a district is only read for a client who lives in Shenzhen
        ClientProfile hk = new ClientProfile(null, null, null, null, 70, null, null, null, LivingPlace.HONG_KONG, null, null, null, false, false, false,
                false, null, null, null, null, null, Map.of(Need.INPATIENT, Priority.MUST_HAVE), null, 10, null).withDistrict(ShenzhenDistrict.NANSHAN);
        assertEquals(Optional.empty(), NearbyCare.of(hk, catalog));
    }

    @Test
    void districtNamesAreReadInEveryLanguageAndAreasCountForTheirDistrict() {
        for (ShenzhenDistrict d : ShenzhenDistrict.values()) {
            for (Lang lang : Lang.values()) {
                assertEquals(Optional.of(d), ShenzhenDistrict.parse(hk.baycover.i18n.I18n.enumName(lang, d)), d + " in " + lang);
            }
            assertEquals(Optional.of(d), ShenzhenDistrict.parse(d.name().toLowerCase()));
        }
        assertEquals(Optional.empty(), ShenzhenDistrict.parse("前海"), "an area is not a district a client can give");
        assertEquals(Optional.of(ShenzhenDistrict.NANSHAN), ShenzhenDistrict.of(LocalizedText.of("前海", "前海", "Qianhai")));
        assertEquals(Optional.of(ShenzhenDistrict.LUOHU), ShenzhenDistrict.of(LocalizedText.of("羅湖區", "罗湖区", "Luohu")));
        assertEquals(Optional.empty(), ShenzhenDistrict.of(LocalizedText.of("南沙", "南沙", "Nansha")), "Nansha is in Guangzhou");
    }
}
