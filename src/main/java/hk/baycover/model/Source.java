package hk.baycover.model;

/**
 * Where a fact came from: a public URL, the date the source states (null when it states none) and, for a page that
 * states no date, the date it was last read ({@code retrieved}), so that every source carries a date.
 */
public record Source(String url, String date, String title, String retrieved) {

    public Source(String url, String date, String title) {
        this(url, date, title, null);
    }

    /** The date to show and to judge freshness by: the stated date, else the date the page was read. */
    public String shownDate() {
        return date != null && !date.isBlank() ? date : retrieved;
    }
}
