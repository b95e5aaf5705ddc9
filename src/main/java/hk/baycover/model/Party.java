package hk.baycover.model;

import java.math.BigDecimal;

/** One party in an arrangement; {@code share} is a co-insurer's percentage of the risk (0–100), when published. */
public record Party(PartyRole role, LocalizedText name, Jurisdiction jurisdiction, BigDecimal share, String sourceNote) {
}
