package hk.baycover.model;

/** What a cash benefit's amount is counted per: a month, a year, a day, or one event (a lump sum). */
public enum CashPer { MONTH, YEAR, DAY, EVENT }
