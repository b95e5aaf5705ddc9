package hk.baycover.model;

/**
 * How much is known about one term a rule reads (a premium, a limit, a deductible, an entry age, a scheme's end…):
 * <ul>
 *   <li>{@code PUBLISHED} — stated by a public source (the term carries it);</li>
 *   <li>{@code SAMPLE} — an illustrative figure with no public source behind it (labelled wherever shown, and never
 *       treated as fact by a rule: a range reads it as unknown);</li>
 *   <li>{@code QUOTED} — the insurer's own answer, recorded by an agent for one client (dated, with a reference);</li>
 *   <li>{@code UNKNOWN} — not published. Never covered, never free, never unlimited.</li>
 * </ul>
 */
public enum TermState {
    PUBLISHED, SAMPLE, QUOTED, UNKNOWN;

    /** True when a rule may rely on the value: published or quoted. */
    public boolean firm() {
        return this == PUBLISHED || this == QUOTED;
    }
}
