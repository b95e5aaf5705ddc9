package hk.baycover.model;

/** Where a client lives or will live: in Hong Kong (crossing north for care), in Shenzhen, elsewhere in the GBA. */
public enum LivingPlace {
    HONG_KONG, SHENZHEN, OTHER_GBA, OTHER;

    /** The region where this client's care mostly happens when heading north. */
    public Region careRegion() {
        return this == OTHER_GBA ? Region.GBA_MAINLAND : Region.SHENZHEN;
    }
}
