package hk.baycover.model;

/** Whether a benefit pays for 港澳藥械通 drugs and devices: all of them, only listed ones, none, or the terms do not say. */
public enum GbaItemCover { ALL, LISTED, NONE, NOT_STATED }
