package hk.baycover.model;

/** How a product counts age: at last birthday, at nearest birthday, at next birthday (one more than last), or the terms do not say. */
public enum AgeBasis { LAST_BIRTHDAY, NEAREST_BIRTHDAY, NEXT_BIRTHDAY, NOT_STATED }
