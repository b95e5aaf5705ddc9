package hk.baycover.model;

public enum Jurisdiction { HK, MAINLAND, MACAU, OTHER }
