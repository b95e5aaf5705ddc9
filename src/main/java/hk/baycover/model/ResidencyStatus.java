package hk.baycover.model;

/** A client's Hong Kong residency status. */
public enum ResidencyStatus { HK_PERMANENT_RESIDENT, HK_RESIDENT, OTHER }
