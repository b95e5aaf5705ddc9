package hk.baycover.i18n;

import hk.baycover.gaps.AgePolicy;
import hk.baycover.gaps.ConditionClass;
import hk.baycover.gaps.GapTexts;
import hk.baycover.gaps.ReasonGroup;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gaps bundle family: same keys in all three languages, every key the code names exists, enum names translated. */
class GapsBundleTest {

    static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = GapsBundleTest.class.getResourceAsStream("/i18n/gaps_" + suffix + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void sameKeysInEveryLanguage() throws IOException {
        Set<Object> en = new TreeSet<>(load("en").keySet());
        assertEquals(en, new TreeSet<>(load("zh_HK").keySet()));
        assertEquals(en, new TreeSet<>(load("zh_CN").keySet()));
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Pattern key = Pattern.compile("\"(gaps\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
        Set<String> missing = new TreeSet<>();
        for (String dir : new String[] {"src/main/java/hk/baycover/gaps", "src/main/java/hk/baycover/ui/gaps", "src/main/java/hk/baycover/report",
                "src/main/java/hk/baycover/cli"}) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = key.matcher(Files.readString(f));
                    while (m.find()) {
                        String k = m.group(1);
                        if (k.equals("gaps.css") || k.equals("gaps.csv") || k.equals("gaps.png") || k.equals("gaps.pdf")) continue;
                        for (Lang lang : Lang.values()) if (!I18n.has(lang, k)) missing.add(lang + " " + k);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void enumNamesAreTranslated() {
        for (Lang lang : Lang.values()) {
            for (Enum<?> e : Stream.of(ConditionClass.values(), ReasonGroup.values(), AgePolicy.values(), CoverageLevel.values(), LivingPlace.values())
                    .flatMap(Stream::of).toList()) {
                assertNotEquals(e.name(), GapTexts.name(lang, e), lang + " " + e);
            }
            for (String prefix : new String[] {"gaps.policy.explain.", "gaps.dimension."}) {
                assertTrue(I18n.has(lang, prefix + (prefix.contains("policy") ? "ALL_AGES" : "AGE")));
            }
        }
        assertEquals("全面", GapTexts.name(Lang.ZH_HK, CoverageLevel.FULL));
    }
}
