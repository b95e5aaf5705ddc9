package hk.baycover.i18n;

import hk.baycover.model.AgeBasis;
import hk.baycover.model.Lang;
import hk.baycover.model.Region;
import hk.baycover.model.Requirement;
import hk.baycover.store.CatalogStore;
import hk.baycover.ui.common.Settings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three languages of every bundle family say the same things: same keys, no empty text, the same {0}-style
 * placeholders; and every message key the code names exists.
 */
class BundleConsistencyTest {

    private static final Path I18N = Path.of("src", "main", "resources", "i18n");
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final List<String> SUFFIXES = List.of("zh_HK", "zh_CN", "en");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    /** Keys the code builds at run time ("prefix." + value): each prefix with every value it can take. */
    private static final Map<String, Collection<String>> DYNAMIC = Map.ofEntries(
            Map.entry("count.", List.of("institutions", "drugs", "devices", "totals", "products", "scenarios")),
            Map.entry("compare.sum.group.", List.of("UNDERWRITING", "SERVICE", "PREMIUM", "BENEFITS", "GBA_ITEMS")),
            Map.entry("lookup.area.", List.of("cardiology", "oncology", "gastroenterology", "obstetrics", "ophthalmology", "ENT", "orthopaedics")),
            Map.entry("data.origin.", names(CatalogStore.Origin.values())),
            Map.entry("coverage.list.", names(hk.baycover.model.OfficialTotal.Key.values())),
            Map.entry("lang.", names(Lang.values())),
            Map.entry("settings.textSize.", Arrays.stream(Settings.FONT_SCALES).mapToObj(s -> String.valueOf(Math.round(s * 100))).toList()),
            Map.entry("ageBasis.", names(AgeBasis.values())),
            Map.entry("elig.requires.", names(Requirement.values())),
            Map.entry("elig.excludes.", names(Requirement.values())),
            Map.entry("region.", names(Region.values())),
            Map.entry("lookup.kind.", names(hk.baycover.lookup.ResultKind.values())),
            Map.entry("lookup.field.", names(hk.baycover.lookup.MatchField.values())),
            Map.entry("lookup.type.", names(hk.baycover.lookup.MatchType.values())),
            Map.entry("trust.cli.passphrase.status.", names(hk.baycover.trust.KeyManager.State.values())),
            // automatic backup reasons (BackupService.rolling callers), shown on the Data screen's trust section
            Map.entry("trust.ui.reason.", List.of("before-import", "before-migration", "before-restore", "after-erasure")),
            Map.entry("compare.group.", names(hk.baycover.compare.RowGroup.values())),
            // service languages allowed by data/schema/products.schema.json
            Map.entry("compare.language.", List.of("yue", "cmn", "en", "pt")),
            // free-text sub-limit periods: looked up only behind I18n.has (an open list)
            Map.entry("compare.per.", List.of()),
            // why a product is in or out of a recommendation (Recommendation.Code)
            Map.entry("rec.verdict.", names(hk.baycover.planning.Recommendation.Code.values())),
            // the gap matrix: segment short names, pivot dimensions, legend, age policy explanations
            Map.entry("gaps.place.short.", names(hk.baycover.model.LivingPlace.values())),
            Map.entry("gaps.cond.short.", names(hk.baycover.gaps.ConditionClass.values())),
            Map.entry("gaps.dimension.", names(hk.baycover.ui.gaps.GapsViewModel.Dimension.values())),
            Map.entry("gaps.legend.", List.of("FULL", "PARTIAL", "NONE")),
            Map.entry("gaps.policy.explain.", names(hk.baycover.gaps.AgePolicy.values())));

    /** Call sites whose string literal argument is a message key. */
    private static final List<Pattern> KEY_USES = List.of(
            Pattern.compile("tr\\(\\)\\s*\\.\\s*(?:bind|get)\\(\\s*\"([^\"]+)\"\\s*[,)]"),
            Pattern.compile("I18n\\.(?:get|has)\\([^,;]+,\\s*\"([^\"]+)\"\\s*[,)]"),
            Pattern.compile("\\btext\\(\\s*\"([^\"]+)\"\\s*[,)]"),
            Pattern.compile("new (?:UserError|StoreException)\\((?:\\w+,\\s*)?\"([^\"]+)\"\\s*[,)]"),
            Pattern.compile("\\bmsg\\(\\s*\"([^\"]+)\"\\s*[,)]"),
            Pattern.compile("Reason\\.(?:block|warn|info)\\(\\s*\"([^\"]+)\"\\s*[,)]"),
            // any literal argument in a namespace of the core bundle (validators' add(pointer, "pack.x"), column("data.col.x"))
            Pattern.compile("\"((?:pack|store|export|cli|task|startup|data|nav|settings|status|app|action)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"\\s*[,)]"));
    /** Literals in those namespaces that are file names, not keys. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(json|txt|properties|css|db|log|pdf|csv|sql|png|tmp)$");
    /** A key built at run time and passed straight to a lookup: {@code tr().get("prefix." + x)}, {@code I18n.get(l, "prefix." + x)}... */
    private static final Pattern PREFIX_USE = Pattern.compile(
            "(?:tr\\(\\)\\s*\\.\\s*(?:bind|get)\\(|I18n\\.(?:get|has)\\([^,;]+,|\\btext\\(|Reason\\.(?:block|warn|info)\\(|\\bmsg\\()"
                    + "\\s*\"([a-zA-Z]+(?:\\.[a-zA-Z0-9_]+)*\\.)\"\\s*\\+");

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> families() {
        return I18n.FAMILIES.stream().filter(f -> Files.exists(I18N.resolve(f + "_en.properties"))
                || Files.exists(I18N.resolve(f + "_zh_HK.properties")) || Files.exists(I18N.resolve(f + "_zh_CN.properties"))).toList();
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void theCoreFamilyExists() {
        assertTrue(families().contains("messages"));
    }

    @Test
    void everyFamilyHasTheSameKeysInAllThreeLanguages() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String family : families()) {
            Map<String, Properties> files = new LinkedHashMap<>();
            for (String suffix : SUFFIXES) {
                Path f = I18N.resolve(family + "_" + suffix + ".properties");
                if (!Files.exists(f)) {
                    problems.add(f + " is missing");
                    continue;
                }
                files.put(suffix, load(f));
            }
            Set<String> all = new TreeSet<>();
            files.values().forEach(p -> all.addAll(p.stringPropertyNames()));
            for (Map.Entry<String, Properties> e : files.entrySet()) {
                Set<String> missing = new TreeSet<>(all);
                missing.removeAll(e.getValue().stringPropertyNames());
                if (!missing.isEmpty()) problems.add(family + "_" + e.getKey() + " lacks " + missing);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noKeyIsDefinedTwiceInOneFile() throws IOException {
        Pattern keyLine = Pattern.compile("^\\s*([^#!\\s=:][^=:\\s]*)\\s*[=:]");
        List<String> problems = new ArrayList<>();
        for (String family : families()) {
            for (String suffix : SUFFIXES) {
                Path f = I18N.resolve(family + "_" + suffix + ".properties");
                if (!Files.exists(f)) continue;
                Set<String> seen = new HashSet<>();
                boolean continued = false;
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!continued) {
                        Matcher m = keyLine.matcher(line);
                        if (m.find() && !seen.add(m.group(1))) problems.add(f + ": " + m.group(1));
                    }
                    continued = line.endsWith("\\");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noValueIsEmptyAndPlaceholdersMatchAcrossLanguages() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String family : families()) {
            Map<String, Properties> files = new LinkedHashMap<>();
            for (String suffix : SUFFIXES) {
                Path f = I18N.resolve(family + "_" + suffix + ".properties");
                if (Files.exists(f)) files.put(suffix, load(f));
            }
            Properties en = files.get("en");
            for (Map.Entry<String, Properties> e : files.entrySet()) {
                for (String key : e.getValue().stringPropertyNames()) {
                    String value = e.getValue().getProperty(key);
                    String where = family + "_" + e.getKey() + ": " + key;
                    if (value.isBlank()) problems.add(where + " is empty");
                    try {
                        new MessageFormat(value.replace("'", "''"));
                    } catch (IllegalArgumentException bad) {
                        problems.add(where + " is not a valid message pattern: " + bad.getMessage());
                    }
                    if (en != null && en.containsKey(key) && !placeholders(value).equals(placeholders(en.getProperty(key)))) {
                        problems.add(where + " has placeholders " + placeholders(value) + " but en has " + placeholders(en.getProperty(key)));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void traditionalAndSimplifiedFilesAreNotCopiesOfEachOther() throws IOException {
        // a zh_CN file that is a copy of zh_HK (or the reverse) would show the wrong script to half the users
        for (String family : families()) {
            Path hk = I18N.resolve(family + "_zh_HK.properties");
            Path cn = I18N.resolve(family + "_zh_CN.properties");
            if (!Files.exists(hk) || !Files.exists(cn)) continue;
            Properties a = load(hk);
            Properties b = load(cn);
            long differing = a.stringPropertyNames().stream().filter(k -> !a.getProperty(k).equals(b.getProperty(k))).count();
            assertTrue(differing > 0 || a.isEmpty(), family + ": zh_HK and zh_CN are identical");
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void everyKeyTheCodeNamesExistsInEveryLanguage() throws IOException {
        List<String> problems = new ArrayList<>();
        int found = 0;
        for (Path file : sources()) {
            String code = Files.readString(file, StandardCharsets.UTF_8);
            for (Pattern use : KEY_USES) {
                Matcher m = use.matcher(code);
                while (m.find()) {
                    found++;
                    String key = m.group(1);
                    if (FILE_NAME.matcher(key).matches()) continue;
                    for (Lang lang : Lang.values()) {
                        if (!I18n.has(lang, key)) problems.add(SOURCES.relativize(file) + ": \"" + key + "\" has no " + lang + " text");
                    }
                }
            }
        }
        assertTrue(found > 50, "the scan finds the key uses (" + found + ")");
        assertEquals(List.of(), problems.stream().distinct().toList());
    }

    /** Display-name prefixes of the model's enums ("need.", "productKind.", "designationstatus."...): I18n.enumName's keys. */
    private static Map<String, List<String>> enumPrefixes() throws Exception {
        Map<String, List<String>> out = new java.util.HashMap<>();
        try (Stream<Path> s = Files.list(SOURCES.resolve("hk/baycover/model"))) {
            for (Path p : s.toList()) {
                Class<?> type = Class.forName("hk.baycover.model." + p.getFileName().toString().replace(".java", ""));
                if (!type.isEnum()) continue;
                String simple = type.getSimpleName();
                List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                out.put(Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + ".", constants);
                out.put(simple.toLowerCase(java.util.Locale.ROOT) + ".", constants);
            }
        }
        return out;
    }

    @Test
    void dynamicKeysAreListedAndComplete() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> enums = enumPrefixes();
        for (Path file : sources()) {
            Matcher m = PREFIX_USE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                if (enums.containsKey(m.group(1))) {
                    for (String value : enums.get(m.group(1))) {
                        for (Lang lang : Lang.values()) {
                            if (!I18n.has(lang, m.group(1) + value)) problems.add("\"" + m.group(1) + value + "\" has no " + lang + " text");
                        }
                    }
                } else if (!DYNAMIC.containsKey(m.group(1))) {
                    problems.add(SOURCES.relativize(file) + ": key prefix \"" + m.group(1)
                            + "\" is built at run time; list it with its values in BundleConsistencyTest.DYNAMIC");
                }
            }
        }
        for (Map.Entry<String, Collection<String>> e : DYNAMIC.entrySet()) {
            for (String value : e.getValue()) {
                for (Lang lang : Lang.values()) {
                    if (!I18n.has(lang, e.getKey() + value)) problems.add("\"" + e.getKey() + value + "\" has no " + lang + " text");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void anEnumWithDisplayNamesHasOneForEveryConstant() throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        try (Stream<Path> s = Files.list(SOURCES.resolve("hk/baycover/model"))) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString().replace(".java", "");
                Class<?> type = Class.forName("hk.baycover.model." + name);
                if (!type.isEnum()) continue;
                Object[] constants = type.getEnumConstants();
                // I18n.enumName reads "coverageLevel.FULL" (lower camel) or "coveragelevel.FULL"
                String simple = type.getSimpleName();
                String camel = Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + ".";
                String lower = simple.toLowerCase(java.util.Locale.ROOT) + ".";
                for (Lang lang : Lang.values()) {
                    List<String> missing = Arrays.stream(constants).map(c -> ((Enum<?>) c).name())
                            .filter(n -> !I18n.has(lang, camel + n) && !I18n.has(lang, lower + n))
                            .map(n -> camel + n).collect(Collectors.toList());
                    if (missing.size() < constants.length) {
                        checked.add(name);
                        if (!missing.isEmpty()) problems.add(lang + " lacks " + missing);
                    }
                }
            }
        }
        assertFalse(checked.isEmpty(), "some model enums have display names (need.*, city.*)");
        assertEquals(List.of(), problems);
    }
}
