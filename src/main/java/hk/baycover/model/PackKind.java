package hk.baycover.model;

import java.util.Locale;
import java.util.Optional;

/** The kinds of catalog pack; each has its JSON Schema in data/schema/{code}.schema.json. */
public enum PackKind {
    DRUGS_DEVICES("drugs-devices"), PRODUCTS("products"), SCENARIOS("scenarios");

    private final String code;

    PackKind(String code) { this.code = code; }

    public String code() { return code; }

    public static Optional<PackKind> fromCode(String code) {
        if (code == null) return Optional.empty();
        for (PackKind k : values()) if (k.code.equals(code.toLowerCase(Locale.ROOT))) return Optional.of(k);
        return Optional.empty();
    }
}
