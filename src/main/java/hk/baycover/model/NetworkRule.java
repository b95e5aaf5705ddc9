package hk.baycover.model;

/**
 * Where a benefit may be used: anywhere in its regions, only at listed institutions, only where the product bills
 * directly, only at 港澳藥械通 designated institutions — or the terms do not say (NOT_STATED: whether a given
 * institution is accepted is unknown, so a range reads it both ways).
 */
public enum NetworkRule { ANY, LISTED, DIRECT_BILLING_ONLY, DESIGNATED_GBA, NOT_STATED }
