package hk.baycover.model;

import java.util.Map;

/** A loaded dataset (one pack): identity, as-of date, where it came from, and how many records of each kind it holds. */
public record DatasetInfo(String id, PackKind kind, String version, PartialDate asOf, String origin, String importedAt,
                          String checksum, PackHeader header, Map<String, Integer> counts) {
    public DatasetInfo {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
