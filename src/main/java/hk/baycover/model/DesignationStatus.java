package hk.baycover.model;

/** Status of a 港澳藥械通 designation or an item approval. */
public enum DesignationStatus { CURRENT, REMOVED, SUSPENDED, UNKNOWN }
