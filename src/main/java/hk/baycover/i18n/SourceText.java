package hk.baycover.i18n;

import hk.baycover.model.DatasetInfo;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.Source;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sources and datasets as a reader sees them, the same in every document and screen. A source's title is one text as
 * the data gives it (the shipped packs write most titles in English); a Chinese reader gets it only when it is Chinese,
 * otherwise the site's name (a proper name) with a label in the reader's language ("英文網頁（info.gov.hk）"). The URL
 * and the date are always kept. A dataset is named by its title in the reader's language, its version and as-of date,
 * never by its id.
 */
public final class SourceText {
    private SourceText() {
    }

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    /** URL paths and queries that mark the English version of a page. */
    private static final Pattern ENGLISH_URL = Pattern.compile("(?i)(/(en|eng|english|en-us|en-gb|en_us)(/|\\.|$|_|-))|((lang|language|locale)=en(\\b|_|-))|(english)");
    /** A Chinese title may carry a few Latin proper names (GBA, HKU-SZH); more Latin words than this make it English. */
    private static final int MAX_LATIN_WORDS_IN_CHINESE = 3;

    /** What to call the source for this reader: its title when the reader can read it, else the site with a label. */
    public static String name(Source s, Lang lang) {
        String title = s.title() == null ? "" : s.title().strip();
        if (!title.isEmpty() && readableBy(title, lang)) return title;
        String site = site(s.url());
        if (lang == Lang.EN) return site;
        return I18n.get(lang, englishPage(s.url()) ? "source.page.english" : "source.page", site);
    }

    /** "name — url (date)" in the reader's conventions; the date is the stated date, else when the page was read. */
    public static String line(Source s, Lang lang) {
        return I18n.get(lang, "source.line", name(s, lang), s.url(), date(s, lang));
    }

    /** "name — url" (or 「name：url」) without the date, for lines whose own wording adds the date. */
    public static String nameAndUrl(Source s, Lang lang) {
        return I18n.get(lang, "source.nameUrl", name(s, lang), s.url());
    }

    /** The URL and date without a title ("url (date)"), for lists that name the record above. */
    public static String urlAndDate(Source s, Lang lang) {
        return I18n.get(lang, "source.urlDate", s.url(), date(s, lang));
    }

    /** The stated date, else "read on …", else "no date stated". */
    public static String date(Source s, Lang lang) {
        if (s.date() != null && !s.date().isBlank()) return s.date();
        if (s.retrieved() != null && !s.retrieved().isBlank()) return I18n.get(lang, "source.read", s.retrieved());
        return I18n.get(lang, "source.noDate");
    }

    /** True when a reader of {@code lang} can read the title: any title for English; a Chinese one for Chinese readers. */
    public static boolean readableBy(String title, Lang lang) {
        if (lang == Lang.EN) return true;
        if (!HAN.matcher(title).find()) return false;
        return LATIN_WORD.matcher(title).results().count() <= MAX_LATIN_WORDS_IN_CHINESE;
    }

    /** The site's name from the URL: its host without "www." ("info.gov.hk"); the URL itself when it has no host. */
    public static String site(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null || host.isBlank()) return url;
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    static boolean englishPage(String url) {
        return url != null && ENGLISH_URL.matcher(url).find();
    }

    /** A loaded dataset: its title in the reader's language, version and as-of date ("… · 版本 2026.12.1 · 截至 2025-12-17"). */
    public static String dataset(DatasetInfo d, Lang lang) {
        return I18n.get(lang, "source.dataset", datasetTitle(d, lang), d.version(), d.asOf() == null ? "—" : d.asOf().value());
    }

    /** The dataset's title in the reader's language (the other Chinese script for a Chinese reader), never its id. */
    public static String datasetTitle(DatasetInfo d, Lang lang) {
        LocalizedText t = d.header() == null ? null : d.header().title();
        if (t != null && !t.isEmpty()) {
            String s = t.get(lang);
            if (lang == Lang.EN || t.zhHant() != null || t.zhHans() != null) return s;
        }
        return I18n.get(lang, "source.dataset.unnamed", I18n.enumName(lang, d.kind()));
    }
}
