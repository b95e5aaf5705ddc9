package hk.baycover.lookup;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Approval;
import hk.baycover.model.Catalog;
import hk.baycover.model.Confidence;
import hk.baycover.model.Designation;
import hk.baycover.model.DesignationStatus;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Product;
import hk.baycover.model.RegulatedItem;
import hk.baycover.model.Source;
import hk.baycover.model.Sourced;
import hk.baycover.model.StanceKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The detail of one item or institution as localised sections of lines: what the screen shows and what "copy as
 * text" copies, built in one place. Source URLs are plain text (BayCover makes no network calls).
 */
public record LookupDetail(String title, List<Section> sections) {

    /** How a line is shown: plain, muted, a sample label, a caution. */
    public enum Style { NORMAL, MUTED, SAMPLE, CAUTION }

    public record Line(String text, Style style) {
    }

    /** One product's stance: its name and insurer, the benefit's own words on 港澳藥械通 items, and where they are stated. */
    private static void stanceLines(List<Line> out, Catalog.ItemStance x, Lang lang) {
        Product p = x.product();
        String text = "• " + p.name().get(lang) + (p.provider() == null || p.provider().isEmpty() ? "" : " — " + p.provider().get(lang));
        out.add(new Line(p.sample() ? text + " [" + I18n.get(lang, "lookup.sample") + "]" : text, p.sample() ? Style.SAMPLE : Style.NORMAL));
        if (x.detail().terms() != null && !x.detail().terms().isEmpty()) out.add(new Line("   " + x.detail().terms().get(lang), Style.MUTED));
        List<hk.baycover.model.Source> sources = x.detail().sources().isEmpty() ? p.sources() : x.detail().sources();
        for (hk.baycover.model.Source src : sources) {
            String title = hk.baycover.i18n.SourceText.nameAndUrl(src, lang);
            out.add(new Line("   " + I18n.get(lang, "lookup.d.stance.source", title, src.shownDate() == null ? "—" : src.shownDate()), Style.MUTED));
        }
    }

    public record Section(String id, String title, List<Line> lines) {
    }

    public static LookupDetail of(LookupHit hit, Catalog catalog, Lang lang) {
        return of(hit, catalog, lang, null);
    }

    /**
     * The detail of a hit; with {@code today} (the application's clock) a record current to a day more than twelve
     * months earlier is marked "may be out of date".
     */
    public static LookupDetail of(LookupHit hit, Catalog catalog, Lang lang, java.time.LocalDate today) {
        return hit.item() != null ? item(hit.item(), catalog, lang, today) : institution(hit.institution(), catalog, lang, today);
    }

    public static LookupDetail item(RegulatedItem it, Catalog catalog, Lang lang) {
        return item(it, catalog, lang, null);
    }

    public static LookupDetail institution(Institution in, Catalog catalog, Lang lang) {
        return institution(in, catalog, lang, null);
    }

    public static LookupDetail item(RegulatedItem it, Catalog catalog, Lang lang, java.time.LocalDate today) {
        List<Section> sections = new ArrayList<>();
        List<Line> head = new ArrayList<>();
        head.add(line(LookupText.kind(lang, ResultKind.of(it.kind())) + " · " + I18n.get(lang, "lookup.d.status",
                LookupText.named(lang, "designationStatus", it.status()))));
        otherNames(it.name(), lang).ifPresent(head::add);
        label(it, lang, head, today);
        sections.add(new Section("summary", null, head));

        List<Line> approvals = new ArrayList<>();
        for (Approval a : it.approvals()) {
            Institution in = catalog.institution(a.institution()).orElse(null);
            String name = in == null ? a.institution() : in.name().get(lang);
            List<String> parts = new ArrayList<>();
            if (in != null) {
                String place = LookupText.city(lang, in.city());
                if (in.district() != null && !in.district().isEmpty()) place += " " + in.district().get(lang);
                parts.add(place);
                if (in.designation() != null && in.designation().batch() != null) {
                    parts.add(I18n.get(lang, "lookup.d.batchShort", in.designation().batch()));
                }
            }
            String date = a.date() == null ? I18n.get(lang, "lookup.d.dateUnknown") : a.date().value();
            // the research remarks on dates are in English: shown to an English reader only
            if (lang == Lang.EN && a.dateNote() != null && !a.dateNote().isBlank()) date += " (" + a.dateNote() + ")";
            parts.add(I18n.get(lang, "lookup.d.approvedOn", date));
            parts.add(LookupText.named(lang, "designationStatus", a.status()));
            approvals.add(new Line(name + " — " + String.join(" · ", parts), a.status() == DesignationStatus.CURRENT ? Style.NORMAL : Style.CAUTION));
        }
        if (approvals.isEmpty()) approvals.add(new Line(I18n.get(lang, "lookup.d.noApprovals"), Style.MUTED));
        sections.add(new Section("approvals", I18n.get(lang, "lookup.d.approvals", it.approvals().size()), approvals));

        List<Line> facts = new ArrayList<>();
        if (it.indication() != null && !it.indication().isEmpty()) facts.add(line(I18n.get(lang, "lookup.d.indication", it.indication().get(lang))));
        // the data names the area with an English word; shown in the reader's language (an unknown one in English only)
        if (it.therapeuticArea() != null) {
            String key = "lookup.area." + it.therapeuticArea();
            if (I18n.has(lang, key)) facts.add(line(I18n.get(lang, "lookup.d.area", I18n.get(lang, key))));
            else if (lang == Lang.EN) facts.add(line(I18n.get(lang, "lookup.d.area", it.therapeuticArea())));
        }
        if (it.genericName() != null) facts.add(line(I18n.get(lang, "lookup.d.generic", it.genericName())));
        if (it.brand() != null) facts.add(line(I18n.get(lang, "lookup.d.brand", it.brand())));
        facts.add(it.catalogueYear() == null ? new Line(I18n.get(lang, "lookup.d.noCatalogue"), Style.MUTED)
                : line(I18n.get(lang, "lookup.d.catalogue", String.valueOf(it.catalogueYear()))));
        sections.add(new Section("facts", I18n.get(lang, "lookup.d.facts"), facts));

        // the retiree's question: which products state cover for this item, which exclude it, which say nothing — each with its source
        List<Line> products = new ArrayList<>();
        List<Catalog.ItemStance> stances = catalog.stancesOn(it);
        if (stances.isEmpty()) products.add(new Line(I18n.get(lang, "lookup.d.products.noneLoaded"), Style.MUTED));
        List<Catalog.ItemStance> covered = stances.stream().filter(x -> x.stance() == StanceKind.COVERED).toList();
        List<Catalog.ItemStance> excluded = stances.stream().filter(x -> x.stance() == StanceKind.EXCLUDED).toList();
        List<Catalog.ItemStance> silent = stances.stream().filter(x -> x.stance() == StanceKind.NOT_STATED || x.stance() == StanceKind.LISTED).toList();
        if (!stances.isEmpty()) {
            products.add(new Line(I18n.get(lang, "lookup.d.stance.covered", covered.size()), covered.isEmpty() ? Style.CAUTION : Style.NORMAL));
            for (Catalog.ItemStance x : covered) stanceLines(products, x, lang);
            products.add(new Line(I18n.get(lang, "lookup.d.stance.excluded", excluded.size()), Style.NORMAL));
            for (Catalog.ItemStance x : excluded) stanceLines(products, x, lang);
            products.add(new Line(I18n.get(lang, "lookup.d.stance.silent", silent.size()), Style.NORMAL));
            if (!silent.isEmpty()) {
                products.add(new Line(String.join(I18n.get(lang, "lookup.d.listSeparator"), silent.stream().map(x -> x.product().name().get(lang)).toList()),
                        Style.MUTED));
            }
        }
        sections.add(new Section("products", I18n.get(lang, "lookup.d.products"), products));
        sections.add(sources(it, lang));
        return new LookupDetail(it.name().get(lang), sections);
    }

    public static LookupDetail institution(Institution in, Catalog catalog, Lang lang, java.time.LocalDate today) {
        List<Section> sections = new ArrayList<>();
        List<Line> head = new ArrayList<>();
        String place = LookupText.city(lang, in.city());
        if (in.district() != null && !in.district().isEmpty()) place += " " + in.district().get(lang);
        head.add(line(LookupText.named(lang, "institutionKind", in.kind()) + " · " + place
                + (in.tier() == null ? "" : " · " + in.tier())));
        otherNames(in.name(), lang).ifPresent(head::add);
        label(in, lang, head, today);
        sections.add(new Section("summary", null, head));

        List<Line> designation = new ArrayList<>();
        Designation d = in.designation();
        if (d == null) {
            designation.add(new Line(I18n.get(lang, "lookup.d.notDesignated"), Style.MUTED));
        } else {
            String batch = d.batch() == null ? "—" : String.valueOf(d.batch());
            if (lang == Lang.EN && d.batchNote() != null && !d.batchNote().isBlank()) batch += " (" + d.batchNote() + ")";
            designation.add(new Line(I18n.get(lang, "lookup.d.batch", batch, d.date() == null ? I18n.get(lang, "lookup.d.dateUnknown") : d.date().value(),
                    LookupText.named(lang, "designationStatus", d.status())), d.isCurrent() ? Style.NORMAL : Style.CAUTION));
            if (d.removed() != null) designation.add(new Line(I18n.get(lang, "lookup.d.removed", d.removed().value()), Style.CAUTION));
        }
        sections.add(new Section("designation", I18n.get(lang, "lookup.d.designation"), designation));

        List<Line> voucher = new ArrayList<>();
        if (in.voucherPilot() == null) voucher.add(new Line(I18n.get(lang, "lookup.d.voucherNo"), Style.MUTED));
        else {
            voucher.add(line(in.voucherPilot().since() == null ? I18n.get(lang, "lookup.d.voucherYesNoDate")
                    : I18n.get(lang, "lookup.d.voucherYes", in.voucherPilot().since().value())));
        }
        sections.add(new Section("voucher", I18n.get(lang, "lookup.d.voucher"), voucher));

        List<Line> items = new ArrayList<>();
        List<RegulatedItem> usable = catalog.itemsAt(in.id());
        for (RegulatedItem it : usable) {
            Approval a = it.approvals().stream().filter(x -> x.institution().equals(in.id())).findFirst().orElseThrow();
            String text = it.name().get(lang) + " — " + LookupText.kind(lang, ResultKind.of(it.kind())) + " · "
                    + I18n.get(lang, "lookup.d.approvedOn", a.date() == null ? I18n.get(lang, "lookup.d.dateUnknown") : a.date().value())
                    + " · " + LookupText.named(lang, "designationStatus", a.status());
            if (it.sample()) text += " [" + I18n.get(lang, "lookup.sample") + "]";
            items.add(new Line(text, it.sample() ? Style.SAMPLE : a.status() == DesignationStatus.CURRENT ? Style.NORMAL : Style.CAUTION));
        }
        if (items.isEmpty()) items.add(new Line(I18n.get(lang, "lookup.d.noItems"), Style.MUTED));
        sections.add(new Section("items", I18n.get(lang, "lookup.d.items", usable.size()), items));
        sections.add(sources(in, lang));
        return new LookupDetail(in.name().get(lang), sections);
    }

    private static Line line(String text) {
        return new Line(text, Style.NORMAL);
    }

    private static java.util.Optional<Line> otherNames(LocalizedText name, Lang lang) {
        Set<String> others = new LinkedHashSet<>(name.all());
        others.remove(name.get(lang));
        if (others.isEmpty()) return java.util.Optional.empty();
        return java.util.Optional.of(new Line(I18n.get(lang, "lookup.d.otherNames", String.join(" / ", others)), Style.MUTED));
    }

    private static void label(Sourced s, Lang lang, List<Line> lines, java.time.LocalDate today) {
        if (s.sample()) lines.add(new Line(I18n.get(lang, "lookup.sample.explain"), Style.SAMPLE));
        if (s.confidence() == Confidence.LOW) lines.add(new Line(I18n.get(lang, "lookup.lowConfidence"), Style.CAUTION));
        if (today != null && hk.baycover.model.Freshness.stale(s, today)) {
            lines.add(new Line(I18n.get(lang, "lookup.stale", s.asOf() == null ? "—" : s.asOf().value()), Style.CAUTION));
        }
    }

    private static Section sources(Sourced s, Lang lang) {
        List<Line> lines = new ArrayList<>();
        for (Source src : s.sources()) {
            String title = hk.baycover.i18n.SourceText.nameAndUrl(src, lang);
            boolean stated = src.date() != null && !src.date().isBlank();
            lines.add(line(stated ? I18n.get(lang, "lookup.d.source", title, src.date())
                    : src.retrieved() != null ? I18n.get(lang, "lookup.d.sourceRead", title, src.retrieved())
                    : I18n.get(lang, "lookup.d.sourceNoDate", title)));
        }
        if (s.sources().isEmpty()) lines.add(new Line(I18n.get(lang, "lookup.d.noSources"), Style.CAUTION));
        if (s.asOf() != null) lines.add(new Line(I18n.get(lang, "lookup.d.asOf", s.asOf().value()), Style.MUTED));
        if (s.confidence() != null) lines.add(new Line(I18n.get(lang, "lookup.d.confidence", LookupText.named(lang, "confidence", s.confidence())),
                s.confidence() == Confidence.LOW ? Style.CAUTION : Style.MUTED));
        // research remarks belong with the sources (on screen only; never in a proposal or comparison); they are written in
        // English for the data's maintainers, so a Chinese screen leaves them out
        if (lang == Lang.EN && s.sourceNote() != null && !s.sourceNote().isBlank()) lines.add(new Line(I18n.get(lang, "lookup.d.note", s.sourceNote()), Style.MUTED));
        return new Section("sources", I18n.get(lang, "lookup.d.sources"), lines);
    }

    /** Plain text for the clipboard. */
    public String asText() {
        StringBuilder b = new StringBuilder(title).append('\n');
        for (Section s : sections) {
            if (s.title() != null) b.append('\n').append(s.title()).append('\n');
            for (Line l : s.lines()) b.append(s.title() == null ? "" : "  ").append(l.text()).append('\n');
        }
        return b.toString();
    }
}
