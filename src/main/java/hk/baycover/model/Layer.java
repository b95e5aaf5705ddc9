package hk.baycover.model;

/** Order in which a plan's products pay a claim: public schemes first, then inclusive (惠民保), then commercial cover. */
public enum Layer { PUBLIC, INCLUSIVE, COMMERCIAL }
