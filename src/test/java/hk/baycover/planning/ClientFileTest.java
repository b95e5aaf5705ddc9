package hk.baycover.planning;

import hk.baycover.catalog.PackException;
import hk.baycover.catalog.Problem;
import hk.baycover.model.Catalog;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Need;
import hk.baycover.model.Priority;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static hk.baycover.planning.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client file: every field checked with its own message naming the file and the field, in each language. */
class ClientFileTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final Catalog CATALOG = catalog(List.of(product("known-plan").build()), List.of(), hospital("hku-szh", true));

    static ClientFile.Read read(Lang lang, String json) {
        return new ClientFile(lang, CATALOG, TODAY).read("client.json", json.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> problems(Lang lang, String json) {
        PackException e = assertThrows(PackException.class, () -> read(lang, json));
        for (Problem p : e.problems()) assertEquals("client.json", p.file());
        return e.problems().stream().collect(Collectors.toMap(Problem::pointer, Problem::message, (a, b) -> a + " | " + b));
    }

    @Test
    void theTemplateReadsBackAsTheSameProfile() {
        ClientFile.Read r = read(Lang.EN, ClientFile.template(Lang.ZH_HK));
        ClientProfile t = ClientFile.templateProfile();
        assertEquals(Lang.ZH_HK, r.language());
        assertEquals(t.withAgeAsOf(TODAY), r.profile(), "an age without a date counts as given the day the file is read");
        assertEquals(Priority.MUST_HAVE, r.profile().needs().get(Need.INPATIENT));
    }

    @Test
    void anAgeKeepsTheDateItWasGivenAndGrowsOlder() {
        String file = """
                {"age": 66, "ageAsOf": "2024-11-01", "sex": "F", "residency": "HK_RESIDENT", "livesIn": "HONG_KONG", "needs": {"DENTAL": "NICE_TO_HAVE"}, "horizonYears": 5}""";
        ClientProfile p = read(Lang.EN, file).profile();
        assertEquals(LocalDate.of(2024, 11, 1), p.ageAsOf());
        assertEquals(68, p.ageOn(TODAY, hk.baycover.model.AgeBasis.LAST_BIRTHDAY, TODAY), "two years after it was given");
        // written back out, the date stays with the age
        ClientProfile again = read(Lang.EN, ClientFile.write(p, null)).profile();
        assertEquals(p, again);
        assertTrue(problems(Lang.EN, file.replace("2024-11-01", "2027-01-01")).get("/ageAsOf").contains("future"));
        assertTrue(problems(Lang.EN, file.replace("2024-11-01", "soon")).get("/ageAsOf").contains("YYYY-MM-DD"));
    }

    @Test
    void everyFieldHasItsOwnMessage() {
        Map<String, String> p = problems(Lang.EN, """
                {"id": "Bad Id", "language": "fr", "age": 121, "sex": "X", "smoker": "no", "residency": "MARS",
                 "livesIn": "SHENZHEN", "city": "GUANGZHOU", "szMedicalInsurance": "NONE", "szTier": "TIER_1",
                 "flags": {"cssaRecipient": 1, "vip": true}, "existingCover": {"products": ["no-such-plan"], "extra": 1},
                 "conditions": ["DIABETES", "DIABETES", "FLU"], "preferredInstitutions": ["nowhere"],
                 "needs": {"INPATIENT": "ALWAYS", "TELEPORT": "MUST_HAVE"}, "budget": {"amount": 12.345, "currency": "USD"},
                 "horizonYears": 0, "nickname": "x"}""");
        assertTrue(p.get("/id").contains("must be an id"));
        assertTrue(p.get("/language").contains("zh-HK, zh-CN or en"));
        assertTrue(p.get("/age").contains("from 0 to 120"));
        assertTrue(p.get("/sex").contains("\"X\"") && p.get("/sex").contains("F, M"));
        assertTrue(p.get("/smoker").contains("true or false"));
        assertTrue(p.get("/residency").contains("HK_PERMANENT_RESIDENT"));
        assertTrue(p.get("/city").contains("lives in Shenzhen"));
        assertTrue(p.get("/szTier").contains("employee"));
        assertTrue(p.get("/flags/cssaRecipient").contains("true or false"));
        assertTrue(p.get("/flags/vip").contains("unknown field"));
        assertTrue(p.get("/existingCover/products/0").contains("unknown product \"no-such-plan\""));
        assertTrue(p.get("/existingCover/extra").contains("unknown field"));
        assertTrue(p.get("/conditions/1").contains("listed twice"));
        assertTrue(p.get("/conditions/2").contains("FLU"));
        assertTrue(p.get("/preferredInstitutions/0").contains("unknown institution"));
        assertTrue(p.get("/needs/INPATIENT").contains("ALWAYS"));
        assertTrue(p.get("/needs/TELEPORT").contains("unknown need"));
        assertTrue(p.get("/budget/amount").contains("at most 2 decimals"));
        assertTrue(p.get("/budget/currency").contains("USD"));
        assertTrue(p.get("/horizonYears").contains("from 1 to 40"));
        assertTrue(p.get("/nickname").contains("unknown field"));

        // rules between fields (shown on the profile form too) name values in words, never as codes
        Map<String, String> zh = problems(Lang.ZH_HK, """
                {"age": 70, "sex": "F", "residency": "HK_RESIDENT", "livesIn": "SHENZHEN", "city": "MACAO",
                 "szMedicalInsurance": "NONE", "szTier": "TIER_1", "needs": {"DENTAL": "NICE_TO_HAVE"}, "horizonYears": 5}""");
        assertTrue(zh.get("/city").contains("澳門") && !zh.get("/city").contains("MACAO"), zh.get("/city"));
        assertTrue(zh.get("/szTier").contains("職工醫保") && !zh.get("/szTier").matches(".*[A-Za-z].*"), zh.get("/szTier"));
    }

    @Test
    void missingRequiredFieldsAndDates() {
        Map<String, String> p = problems(Lang.EN, "{}");
        assertTrue(p.get("/age").contains("age or the birth date"));
        assertTrue(p.containsKey("/sex") && p.containsKey("/residency") && p.containsKey("/livesIn"));
        assertTrue(p.get("/needs").contains("at least one need"));
        assertTrue(p.get("/horizonYears").contains("horizon"));
        Map<String, String> dates = problems(Lang.EN, """
                {"birthDate": "2030-01-01", "sex": "F", "residency": "HK_RESIDENT", "livesIn": "HONG_KONG", "needs": {"DENTAL": "NICE_TO_HAVE"}, "horizonYears": 5}""");
        assertTrue(dates.get("/birthDate").contains("future"));
        Map<String, String> mismatch = problems(Lang.EN, """
                {"birthDate": "1958-03-02", "age": 50, "sex": "F", "residency": "HK_RESIDENT", "livesIn": "HONG_KONG", "needs": {"DENTAL": "NICE_TO_HAVE"}, "horizonYears": 5}""");
        assertTrue(mismatch.get("/age").contains("does not match the birth date (age 68)"), mismatch.toString());
        Map<String, String> syntax = problems(Lang.EN, "{\"age\": 68,,}");
        assertTrue(syntax.keySet().iterator().next().matches("\\d+:\\d+"), "syntax errors point at line:column");
    }

    @Test
    void messagesFollowTheLanguage() {
        assertTrue(problems(Lang.ZH_HK, "{\"age\": -1}").get("/age").contains("年齡必須是 0 至 120 的整數"));
        assertTrue(problems(Lang.ZH_CN, "{\"age\": -1}").get("/age").contains("年龄必须是 0 至 120 的整数"));
    }

    @Test
    void aValidFileWithABirthDate() {
        ClientFile.Read r = read(Lang.EN, """
                {"name": "Wong", "birthDate": "1958-03-02", "sex": "F", "residency": "HK_PERMANENT_RESIDENT", "livesIn": "OTHER_GBA",
                 "city": "ZHUHAI", "szMedicalInsurance": "EMPLOYEE", "szTier": "TIER_2", "existingCover": {"products": ["known-plan"]},
                 "preferredInstitutions": ["hku-szh"], "needs": {"INPATIENT": "MUST_HAVE"}, "budget": {"amount": 8000.50, "currency": "MOP"},
                 "horizonYears": 15}""");
        ClientProfile c = r.profile();
        assertEquals(LocalDate.of(1958, 3, 2), c.birthDate());
        assertNull(c.age());
        assertEquals(LivingPlace.OTHER_GBA, c.livesIn());
        assertEquals("TIER_2", c.szTier());
        assertEquals(List.of("known-plan"), c.existingProducts());
        assertEquals(15, c.horizon());
        assertNull(r.language());
    }
}
