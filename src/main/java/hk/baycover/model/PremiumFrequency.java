package hk.baycover.model;

public enum PremiumFrequency { ANNUAL, MONTHLY;
    public int perYear() { return this == ANNUAL ? 1 : 12; }
}
