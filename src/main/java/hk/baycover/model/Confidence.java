package hk.baycover.model;

/** How far a record's sources can be trusted: HIGH = official or several agreeing sources; LOW = a single secondary source or a conflict. */
public enum Confidence { HIGH, MEDIUM, LOW }
