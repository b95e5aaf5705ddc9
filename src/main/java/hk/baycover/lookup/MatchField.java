package hk.baycover.lookup;

/** The field of a record a search hit was found in. Name fields rank before descriptive ones. */
public enum MatchField {
    NAME(true), GENERIC_NAME(true), BRAND(true), INDICATION(false), THERAPEUTIC_AREA(false), CITY(false), DISTRICT(false);

    private final boolean name;

    MatchField(boolean name) {
        this.name = name;
    }

    /** True for the fields that name the record (name in any script, generic name, brand). */
    public boolean isName() { return name; }

    /** JSON and CLI spelling: name, genericName, brand, indication, therapeuticArea, city, district. */
    public String code() {
        switch (this) {
            case GENERIC_NAME: return "genericName";
            case THERAPEUTIC_AREA: return "therapeuticArea";
            default: return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
