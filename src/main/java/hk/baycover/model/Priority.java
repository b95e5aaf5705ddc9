package hk.baycover.model;

public enum Priority { MUST_HAVE, NICE_TO_HAVE }
