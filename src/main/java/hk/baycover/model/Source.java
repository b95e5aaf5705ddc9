package hk.baycover.model;

/** Where a fact came from: a public URL and the date the source states (null when it states none). */
public record Source(String url, String date, String title) {
}
