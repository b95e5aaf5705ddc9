package hk.baycover.model;

public enum Underwriting { FULL_MEDICAL, MORATORIUM, GUARANTEED_ISSUE, NOT_APPLICABLE, NOT_STATED }
