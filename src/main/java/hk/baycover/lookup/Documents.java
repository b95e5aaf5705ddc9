package hk.baycover.lookup;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Approval;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.DesignationStatus;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.LocalizedText;
import hk.baycover.model.RegulatedItem;
import hk.baycover.model.ProgressMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The searchable view of a catalog, shared by the index and the linear-scan reference so both search exactly the same
 * data. Every item and institution becomes a document with its entries: normalised text of one field, grouped NAME
 * (names in every script, generic name, brand) then OTHER (indication, therapeutic area, city in three languages,
 * district), duplicates within a document dropped. Documents are numbered in their static rank: shortest normalised
 * name first, then the name, then the id, so "lorlatinib" lists before "lorlatinib tablets 25 mg" at equal match.
 */
final class Documents {

    static final int NAME_GROUP = 0;
    static final int OTHER_GROUP = 1;
    private static final MatchField[] FIELDS = MatchField.values();

    final int size;
    final ResultKind[] kind;
    final String[] id;
    final LocalizedText[] names;
    final RegulatedItem[] item;
    final Institution[] institution;
    final DesignationStatus[] status;
    /** Bit {@code 1 << city.ordinal()} for the institution's city, or for the cities an item is approved in. */
    final int[] cityMask;
    /** For an item the institutions it is approved at; for an institution its own id. */
    final String[][] institutions;

    /** Entries of document d: [entryStart[d], groupSplit[d]) NAME group, [groupSplit[d], entryStart[d+1]) OTHER group. */
    final int[] entryStart;
    final int[] groupSplit;
    final String[] entryText;
    final String[] entryOriginal;
    final byte[] entryField;
    /** The document each entry belongs to. */
    final int[] entryDoc;
    final int entryCount;

    private Documents(List<Doc> docs) {
        size = docs.size();
        kind = new ResultKind[size];
        id = new String[size];
        names = new LocalizedText[size];
        item = new RegulatedItem[size];
        institution = new Institution[size];
        status = new DesignationStatus[size];
        cityMask = new int[size];
        institutions = new String[size][];
        entryStart = new int[size + 1];
        groupSplit = new int[size];
        int total = 0;
        for (Doc d : docs) total += d.texts.size();
        entryCount = total;
        entryText = new String[total];
        entryOriginal = new String[total];
        entryField = new byte[total];
        entryDoc = new int[total];
        int e = 0;
        // one String per distinct text: therapeutic areas, indications, cities and districts repeat across thousands of
        // documents (at 100,000 items this keeps 6 MB of text instead of 30 MB)
        Map<String, String> distinct = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Doc d = docs.get(i);
            kind[i] = d.kind;
            id[i] = d.id;
            names[i] = d.name;
            item[i] = d.item;
            institution[i] = d.institution;
            status[i] = d.status;
            cityMask[i] = d.cityMask;
            institutions[i] = d.institutions;
            entryStart[i] = e;
            groupSplit[i] = e + d.nameEntries;
            for (int k = 0; k < d.texts.size(); k++, e++) {
                String t = d.texts.get(k);
                String known = distinct.putIfAbsent(t, t);
                entryText[e] = known == null ? t : known;
                entryOriginal[e] = d.originals.get(k);
                entryField[e] = (byte) d.fields.get(k).ordinal();
                entryDoc[e] = i;
            }
        }
        entryStart[size] = e;
    }

    static MatchField field(byte ordinal) {
        return FIELDS[ordinal];
    }

    int groupStart(int doc, int group) {
        return group == NAME_GROUP ? entryStart[doc] : groupSplit[doc];
    }

    int groupEnd(int doc, int group) {
        return group == NAME_GROUP ? groupSplit[doc] : entryStart[doc + 1];
    }

    /** Each city's name in every language (from the bundles): an institution's CITY entries. */
    static Map<City, List<String>> cityNames() {
        Map<City, List<String>> cityNames = new EnumMap<>(City.class);
        for (City c : City.values()) {
            List<String> list = new ArrayList<>();
            for (Lang l : Lang.values()) list.add(I18n.enumName(l, c));
            cityNames.put(c, list);
        }
        return cityNames;
    }

    static Documents of(Catalog catalog, ProgressMonitor monitor) {
        Map<City, List<String>> cityNames = cityNames();
        List<Institution> insts = catalog.institutions();
        Map<String, City> cityOf = new HashMap<>();
        for (Institution i : insts) cityOf.put(i.id(), i.city());
        List<RegulatedItem> items = catalog.items();
        List<Doc> docs = new ArrayList<>(insts.size() + items.size());
        int n = 0;
        for (RegulatedItem it : items) {
            if ((++n & 4095) == 0) monitor.checkCancelled();
            docs.add(Doc.of(it, cityOf));
        }
        for (Institution in : insts) docs.add(Doc.of(in, cityNames.get(in.city())));
        docs.sort(RANK);
        return new Documents(docs);
    }

    /**
     * The static rank: shortest normalised name first, then the name, then the kind, then the id. Documents are numbered
     * in this order; the one-shot search ({@link StreamedSearch}) orders its hits by it too.
     */
    static final Comparator<Doc> RANK = Comparator.comparingInt((Doc d) -> d.rankLength).thenComparing(d -> d.rankName)
            .thenComparing(d -> d.kind).thenComparing(d -> d.id);

    /** One record's searchable fields before numbering. */
    static final class Doc {
        ResultKind kind;
        String id;
        LocalizedText name;
        RegulatedItem item;
        Institution institution;
        DesignationStatus status;
        int cityMask;
        String[] institutions;
        final List<String> texts = new ArrayList<>();
        final List<String> originals = new ArrayList<>();
        final List<MatchField> fields = new ArrayList<>();
        int nameEntries;
        int rankLength = Integer.MAX_VALUE;
        String rankName = "";

        static Doc of(RegulatedItem it, Map<String, City> cityOf) {
            Doc d = new Doc();
            d.kind = ResultKind.of(it.kind());
            d.id = it.id();
            d.name = it.name();
            d.item = it;
            d.status = it.status();
            d.institutions = it.approvals().stream().map(Approval::institution).distinct().toArray(String[]::new);
            for (String inst : d.institutions) {
                City c = cityOf.get(inst);
                if (c != null) d.cityMask |= 1 << c.ordinal();
            }
            d.add(MatchField.NAME, it.name());
            d.add(MatchField.GENERIC_NAME, it.genericName());
            d.add(MatchField.BRAND, it.brand());
            d.nameEntries = d.texts.size();
            d.add(MatchField.INDICATION, it.indication());
            d.add(MatchField.THERAPEUTIC_AREA, it.therapeuticArea());
            return d;
        }

        static Doc of(Institution in, List<String> cityNames) {
            Doc d = new Doc();
            d.kind = ResultKind.INSTITUTION;
            d.id = in.id();
            d.name = in.name();
            d.institution = in;
            d.status = in.designation() == null ? DesignationStatus.CURRENT : in.designation().status();
            d.cityMask = in.city() == null ? 0 : 1 << in.city().ordinal();
            d.institutions = new String[] {in.id()};
            d.add(MatchField.NAME, in.name());
            d.nameEntries = d.texts.size();
            if (in.city() != null) {
                for (String c : cityNames) d.add(MatchField.CITY, c);
                d.add(MatchField.CITY, in.city().name());
            }
            d.add(MatchField.DISTRICT, in.district());
            return d;
        }

        private void add(MatchField field, LocalizedText text) {
            if (text == null) return;
            // Traditional, Simplified, English; an ICU-converted script folds like the script it came from
            for (String s : Arrays.asList(text.zhHant(), text.zhHans(), text.en())) add(field, s);
        }

        private void add(MatchField field, String original) {
            if (original == null) return;
            String norm = TextNormalizer.normalize(original);
            if (norm.isEmpty()) return;
            int from = field.isName() ? 0 : nameEntries;
            for (int i = from; i < texts.size(); i++) if (texts.get(i).equals(norm)) return;
            texts.add(norm);
            originals.add(original);
            fields.add(field);
            if (field == MatchField.NAME && (norm.length() < rankLength || (norm.length() == rankLength && norm.compareTo(rankName) < 0))) {
                rankLength = norm.length();
                rankName = norm;
            }
        }
    }

    // ---------------------------------------------------------------- filters

    /** A query's filters, compiled once per search. */
    static final class Filter {
        final boolean none;
        private final int kindMask;
        private final int cityBit;
        private final String institution;
        private final DesignationStatus status;

        Filter(LookupQuery q) {
            int mask = 0;
            for (ResultKind k : q.kinds()) mask |= 1 << k.ordinal();
            kindMask = mask;
            cityBit = q.city() == null ? 0 : 1 << q.city().ordinal();
            institution = q.institution();
            status = q.status();
            none = !q.hasFilter();
        }

        boolean test(Documents d, int doc) {
            return none || test(d.kind[doc], d.cityMask[doc], d.status[doc], d.institutions[doc]);
        }

        /** The filters on one document's kind, city bits, status and institutions (as {@link Documents} keeps them). */
        boolean test(ResultKind kind, int cityMask, DesignationStatus docStatus, String[] institutions) {
            if (none) return true;
            if (kindMask != 0 && (kindMask & (1 << kind.ordinal())) == 0) return false;
            if (cityBit != 0 && (cityMask & cityBit) == 0) return false;
            if (status != null && docStatus != status) return false;
            if (institution != null) {
                boolean found = false;
                for (String s : institutions) {
                    if (s.equals(institution)) {
                        found = true;
                        break;
                    }
                }
                if (!found) return false;
            }
            return true;
        }
    }

    // ---------------------------------------------------------------- matching one document (shared semantics)

    /**
     * The best tier of one document for normalised query q (group * 3 + 0 exact / 1 prefix / 2 substring, then
     * {@link #FUZZY_TIER}), {@code Integer.MAX_VALUE} when nothing matches. The document's entries are
     * {@code text[start, split)} (NAME group) and {@code text[split, end)} (OTHER group). The one definition of a match:
     * the linear scan and the one-shot search call it; the index answers the same (IndexMatchesScanTest).
     */
    static int bestTier(String[] text, int start, int split, int end, String q, boolean fuzzy) {
        int best = Integer.MAX_VALUE;
        for (int g = 0; g < 2 && best == Integer.MAX_VALUE; g++) {
            int from = g == NAME_GROUP ? start : split;
            int to = g == NAME_GROUP ? split : end;
            for (int e = from; e < to; e++) {
                int t = entryTier(text[e], q);
                if (t >= 0) best = Math.min(best, g * 3 + t);
            }
        }
        if (best == Integer.MAX_VALUE && fuzzy) {
            for (int e = start; e < split; e++) {
                if (Fuzzy.entryMatches(text[e], q)) return FUZZY_TIER;
            }
        }
        return best;
    }

    /** The first entry of {@code text[start, end)} (split as in {@link #bestTier}) that achieves {@code tier}, or -1. */
    static int entryAt(String[] text, int start, int split, int end, int tier, String q) {
        if (tier == FUZZY_TIER) {
            for (int e = start; e < split; e++) if (Fuzzy.entryMatches(text[e], q)) return e;
            return -1;
        }
        int from = tier / 3 == NAME_GROUP ? start : split;
        int to = tier / 3 == NAME_GROUP ? split : end;
        for (int e = from; e < to; e++) if (entryTier(text[e], q) == tier % 3) return e;
        return -1;
    }

    /** Tier of an entry for normalised query q: 0 exact, 1 prefix, 2 substring, -1 none. */
    static int entryTier(String text, String q) {
        if (text.length() < q.length()) return -1;
        if (text.startsWith(q)) return text.length() == q.length() ? 0 : 1;
        return text.indexOf(q, 1) >= 0 ? 2 : -1;
    }

    /** Hit for document d found at the given tier (group * 3 + type), reporting the first entry that achieves it. */
    LookupHit hit(int doc, int tier, String q) {
        if (tier < 0) return new LookupHit(kind[doc], id[doc], names[doc], null, null, null, item[doc], institution[doc]);
        int e = entryAt(entryText, entryStart[doc], groupSplit[doc], entryStart[doc + 1], tier, q);
        if (e < 0) throw new IllegalStateException("no entry of tier " + tier + " in document " + id[doc]);
        return new LookupHit(kind[doc], id[doc], names[doc], field(entryField[e]), matchType(tier), entryOriginal[e], item[doc], institution[doc]);
    }

    static MatchType matchType(int tier) {
        return tier == FUZZY_TIER ? MatchType.FUZZY : MatchType.values()[tier % 3];
    }

    /** The last tier: a Latin name word within one edit of the query. */
    static final int FUZZY_TIER = 6;
}
