package hk.baycover.model;

public enum Sex { F, M }
