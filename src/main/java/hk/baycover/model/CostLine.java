package hk.baycover.model;

/** One cost in a care episode: a need, where it happens, what it costs; {@code item} names a 港澳藥械通 item when one is used. */
public record CostLine(String id, Need need, String institution, Region region, LocalizedText description,
                       Money cost, String item, boolean sample, String sourceNote) {
}
