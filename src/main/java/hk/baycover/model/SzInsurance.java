package hk.baycover.model;

/** Shenzhen basic medical insurance status: not enrolled, employee scheme, or resident scheme. */
public enum SzInsurance { NONE, EMPLOYEE, RESIDENT }
