package hk.baycover.model;

/**
 * What a benefit says about 港澳藥械通 drugs or devices: covered (on the benefit's terms), only the listed items,
 * excluded, or not stated (the terms say nothing: neither covered nor excluded).
 */
public enum StanceKind { COVERED, LISTED, EXCLUDED, NOT_STATED }
