package hk.baycover.lookup;

import hk.baycover.model.Catalog;

/**
 * One answered query with what is needed to show it: the result, a catalog holding at least the records of the hits
 * and every institution their items are approved at (the whole catalog when it was read anyway), and what the data
 * covers.
 */
public record LookupAnswer(LookupResult result, Catalog records, DataAbout about) {
}
