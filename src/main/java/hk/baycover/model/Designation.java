package hk.baycover.model;

/** An institution's 港澳藥械通 designation: batch (1–4), date, status (a removed designation keeps its record). */
public record Designation(Integer batch, String batchNote, PartialDate date, DesignationStatus status,
                          PartialDate removed, String sourceNote) {
    public Designation {
        status = status == null ? DesignationStatus.CURRENT : status;
    }

    public boolean isCurrent() { return status == DesignationStatus.CURRENT; }
}
