package hk.baycover.compare;

/** The row groups of a comparison, in the order they are shown (names in the compare bundle: "compare.group.X"). */
public enum RowGroup {
    /** 承保協同: who underwrites, co-insures, reinsures, sells, services and funds. */
    UNDERWRITING,
    /** 服務聯動: direct billing, claim channels, settlement, service points, languages, pre-authorisation. */
    SERVICE,
    ELIGIBILITY,
    BENEFITS,
    PREMIUM,
    GBA_ITEMS,
    ELDERLY_CARE,
    SOURCES
}
