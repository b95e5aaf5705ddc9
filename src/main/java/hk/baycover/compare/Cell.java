package hk.baycover.compare;

import hk.baycover.model.Confidence;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.PartialDate;
import hk.baycover.model.Source;

import java.util.List;

/**
 * One product's value for one dimension: the display text in each language, the underlying value (for JSON and
 * difference detection), whether a value is published at all (a missing value reads "not published", never blank or
 * zero), whether it differs from the others in its row, where it came from (sources, as-of date, confidence) and
 * whether it is an illustrative sample figure. {@code detail} adds the rules behind a verdict (for tooltips).
 */
public record Cell(
        String productId,
        LocalizedText text,
        Object value,
        boolean published,
        boolean differs,
        List<Source> sources,
        PartialDate asOf,
        Confidence confidence,
        boolean sample,
        LocalizedText detail) {

    public Cell {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public String text(Lang lang) {
        return Texts.get(text, lang);
    }

    Cell withDiffers(boolean d) {
        return new Cell(productId, text, value, published, d, sources, asOf, confidence, sample, detail);
    }
}
