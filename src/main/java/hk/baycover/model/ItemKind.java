package hk.baycover.model;

public enum ItemKind { DRUG, DEVICE }
