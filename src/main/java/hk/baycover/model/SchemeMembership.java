package hk.baycover.model;

/** An institution's part in a public scheme (voucher pilot, residential-care scheme, HA GBA pilot): since when, with notes. */
public record SchemeMembership(PartialDate since, String sourceNote) {
}
