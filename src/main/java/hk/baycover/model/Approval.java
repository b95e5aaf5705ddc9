package hk.baycover.model;

/** Permission for one designated institution to use one item; {@code dateNote} keeps the source's own wording ("by 2022-03"). */
public record Approval(String institution, PartialDate date, String dateNote, DesignationStatus status, String sourceNote) {
    public Approval {
        status = status == null ? DesignationStatus.CURRENT : status;
    }
}
