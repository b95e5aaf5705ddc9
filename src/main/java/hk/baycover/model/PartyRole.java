package hk.baycover.model;

/** Roles in a product's underwriting arrangement (承保協同). */
public enum PartyRole {
    UNDERWRITER, CO_INSURER, REINSURER, DISTRIBUTOR, SERVICE_OPERATOR, CLAIMS_ADMINISTRATOR, SETTLEMENT_BANK, GOVERNMENT_FUNDER, SCHEME_ADMINISTRATOR
}
