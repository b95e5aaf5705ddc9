package hk.baycover.lookup;

/** How a query matched a field, best first: the whole field, its start, anywhere inside, or a Latin word with one typo. */
public enum MatchType { EXACT, PREFIX, SUBSTRING, FUZZY }
