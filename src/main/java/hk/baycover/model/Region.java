package hk.baycover.model;

/**
 * Where a benefit applies. Regions nest: SHENZHEN ⊂ GBA_MAINLAND ⊂ MAINLAND ⊂ WORLDWIDE; HONG_KONG, MACAO ⊂ WORLDWIDE.
 */
public enum Region {
    HONG_KONG, MACAO, SHENZHEN, GBA_MAINLAND, MAINLAND, ASIA, WORLDWIDE;

    /** True when a benefit written for this region applies to care delivered in {@code place}. */
    public boolean covers(Region place) {
        if (this == place || this == WORLDWIDE) return true;
        switch (this) {
            case GBA_MAINLAND: return place == SHENZHEN;
            case MAINLAND: return place == SHENZHEN || place == GBA_MAINLAND;
            case ASIA: return place != WORLDWIDE;
            default: return false;
        }
    }
}
