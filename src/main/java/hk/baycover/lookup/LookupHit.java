package hk.baycover.lookup;

import hk.baycover.model.Institution;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.RegulatedItem;

/**
 * One search result: what it is, its names, and why it matched ({@code field}, {@code type} and the original text of
 * that field, {@code matchedText}). Exactly one of {@code item} and {@code institution} is set. A browse listing
 * (empty query with filters) has null field, type and matchedText.
 */
public record LookupHit(ResultKind kind, String id, LocalizedText name, MatchField field, MatchType type, String matchedText,
                        RegulatedItem item, Institution institution) {
}
