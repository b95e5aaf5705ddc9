package hk.baycover.model;

/** Currencies that BayCover's catalog uses. Money never mixes currencies without a dated FX rate. */
public enum Currency { HKD, CNY, MOP }
