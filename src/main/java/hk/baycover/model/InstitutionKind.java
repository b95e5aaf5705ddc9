package hk.baycover.model;

public enum InstitutionKind { HOSPITAL, CLINIC, DENTAL, CARE_HOME, ELDERLY_COMMUNITY, SERVICE_CENTRE, OTHER }
