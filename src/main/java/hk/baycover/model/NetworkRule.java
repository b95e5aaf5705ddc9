package hk.baycover.model;

/** Where a benefit may be used: anywhere in its regions, only at listed institutions, only where the product bills directly, or only at 港澳藥械通 designated institutions. */
public enum NetworkRule { ANY, LISTED, DIRECT_BILLING_ONLY, DESIGNATED_GBA }
