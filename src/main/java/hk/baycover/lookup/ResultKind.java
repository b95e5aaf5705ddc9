package hk.baycover.lookup;

import hk.baycover.model.ItemKind;

/** What a hit is: a drug, a device (both 港澳藥械通 items) or a designated institution. */
public enum ResultKind {
    DRUG, DEVICE, INSTITUTION;

    public static ResultKind of(ItemKind kind) {
        return kind == ItemKind.DEVICE ? DEVICE : DRUG;
    }

    /** CLI spelling: drug, device, institution. */
    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static java.util.Optional<ResultKind> parse(String text) {
        if (text == null) return java.util.Optional.empty();
        for (ResultKind k : values()) if (k.code().equalsIgnoreCase(text.strip())) return java.util.Optional.of(k);
        return java.util.Optional.empty();
    }
}
