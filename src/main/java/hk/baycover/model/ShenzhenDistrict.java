package hk.baycover.model;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Shenzhen's nine districts and its one new area (大鵬新區), where a client who lives in Shenzhen (or plans to) makes
 * their home. The names shown to people live in the i18n bundles ("shenzhenDistrict.NANSHAN"); the spellings here are
 * only for reading a district back from what someone wrote or from an institution's district in the data (any
 * language, with or without 區/区/"District"). In the data, an area inside a district (前海 Qianhai and 蛇口 Shekou lie
 * in Nanshan) counts for that district.
 */
public enum ShenzhenDistrict {
    FUTIAN("福田", "Futian"),
    LUOHU("羅湖", "罗湖", "Luohu", "Lo Wu"),
    NANSHAN("南山", "Nanshan"),
    YANTIAN("鹽田", "盐田", "Yantian"),
    BAOAN("寶安", "宝安", "Bao'an", "Baoan"),
    LONGGANG("龍崗", "龙岗", "Longgang"),
    LONGHUA("龍華", "龙华", "Longhua"),
    PINGSHAN("坪山", "Pingshan"),
    GUANGMING("光明", "Guangming"),
    DAPENG("大鵬", "大鹏", "Dapeng");

    private final List<String> spellings;

    /** Areas inside a district that the data may name instead of the district. */
    private static final java.util.Map<String, ShenzhenDistrict> AREAS = java.util.Map.of("前海", NANSHAN, "qianhai", NANSHAN, "蛇口", NANSHAN,
            "shekou", NANSHAN);

    ShenzhenDistrict(String... spellings) {
        this.spellings = List.of(spellings);
    }

    /**
     * The district a text names: its code ({@code NANSHAN}) or a name in any language ({@code 南山區}, {@code 南山区},
     * {@code Nanshan District}, {@code 前海}); empty when it names none.
     */
    public static Optional<ShenzhenDistrict> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = text.strip();
        for (ShenzhenDistrict d : values()) if (d.name().equalsIgnoreCase(t)) return Optional.of(d);
        String key = key(t);
        if (key.isEmpty()) return Optional.empty();
        for (ShenzhenDistrict d : values()) {
            for (String s : d.spellings) if (key(s).equals(key)) return Optional.of(d);
        }
        return Optional.empty();
    }

    /** The district an institution's district text in the data lies in (e.g. "福田區" → Futian, "前海" → Nanshan), if any. */
    public static Optional<ShenzhenDistrict> of(LocalizedText district) {
        if (district == null) return Optional.empty();
        for (String variant : district.all()) {
            Optional<ShenzhenDistrict> d = parse(variant);
            if (d.isPresent()) return d;
        }
        for (String variant : district.all()) {
            ShenzhenDistrict d = AREAS.get(key(variant));
            if (d != null) return Optional.of(d);
        }
        return Optional.empty();
    }

    /** Lower case, without spaces, apostrophes, "(from name)", or a trailing 區/区/新區/新区/"district"/"new area". */
    private static String key(String s) {
        String k = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)|（.*?）", "")
                .replaceAll("[\\s'’\\-]", "");
        for (String suffix : List.of("newdistrict", "newarea", "district", "新區", "新区", "區", "区")) {
            if (k.endsWith(suffix) && k.length() > suffix.length()) {
                k = k.substring(0, k.length() - suffix.length());
                break;
            }
        }
        return k;
    }
}
