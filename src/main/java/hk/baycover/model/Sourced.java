package hk.baycover.model;

import java.util.List;

/** Every record the user can see says where it came from, as of when, how sure we are, and whether it is illustrative. */
public interface Sourced {
    List<Source> sources();

    PartialDate asOf();

    Confidence confidence();

    /** Research remarks (internal, English): shown only with the record's sources, never in a proposal or comparison. */
    String sourceNote();

    /** True when the figures are illustrative: no public figure exists. The UI and PDF label these. */
    boolean sample();
}
