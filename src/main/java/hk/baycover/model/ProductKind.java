package hk.baycover.model;

/** What a product is. Commercial products and public schemes share one shape so they can be layered in one plan. */
public enum ProductKind {
    PUBLIC_BASIC(Layer.PUBLIC),
    PUBLIC_SCHEME(Layer.PUBLIC),
    VOUCHER(Layer.PUBLIC),
    SUBSIDY(Layer.PUBLIC),
    CASH_ALLOWANCE(Layer.PUBLIC),
    AMBULANCE(Layer.PUBLIC),
    INCLUSIVE(Layer.INCLUSIVE),
    COMMERCIAL_MEDICAL(Layer.COMMERCIAL),
    VHIS(Layer.COMMERCIAL),
    CRITICAL_ILLNESS(Layer.COMMERCIAL),
    TRAVEL_MEDICAL(Layer.COMMERCIAL),
    ELDERLY_CARE(Layer.COMMERCIAL),
    SERVICE_NETWORK(Layer.COMMERCIAL);

    private final Layer layer;

    ProductKind(Layer layer) { this.layer = layer; }

    public Layer layer() { return layer; }
}
