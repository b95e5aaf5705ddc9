package hk.baycover.model;

/** A named sub-limit inside a benefit (e.g. "room and board per day"). */
public record SubLimit(LocalizedText name, Money amount, String per) {
}
