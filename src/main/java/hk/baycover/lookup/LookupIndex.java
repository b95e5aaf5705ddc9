package hk.baycover.lookup;

import hk.baycover.model.Catalog;
import hk.baycover.model.ProgressMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory search index over one catalog snapshot (immutable, thread-safe; build it off the FX thread).
 *
 * <p>Per field group (NAME, OTHER) it keeps
 * <ul>
 *   <li>the group's entries sorted by normalised text: exact and prefix matches are a binary-searched range;</li>
 *   <li>document postings for every 1-, 2- and 3-character gram of every entry: a query of 1 to 3 characters is
 *       answered by one posting list as it stands (so one- and two-character Chinese queries are exact and fast), a
 *       longer one by intersecting its three rarest trigram lists and checking the few candidates.</li>
 * </ul>
 * and, for one-typo Latin names, a deletion-neighbourhood table of the name words (each word and every form of it with
 * one character deleted, hashed), so a query's own deletions find every word within one edit in a handful of lookups.
 *
 * <p>Documents are numbered in static rank, so every posting list is already in result order. Ranking (the same as
 * {@link LinearScan}): name exact, name prefix, name substring, then other-field exact, prefix, substring, then fuzzy;
 * within a tier by static rank.
 */
public final class LookupIndex implements Searcher {

    private final Documents docs;
    private final Group[] groups = new Group[2];
    private final FuzzyWords fuzzy;

    private LookupIndex(Documents docs, ProgressMonitor monitor) {
        this.docs = docs;
        for (int g = 0; g < 2; g++) {
            monitor.checkCancelled();
            groups[g] = new Group(docs, g);
        }
        monitor.checkCancelled();
        fuzzy = new FuzzyWords(docs);
    }

    public static LookupIndex build(Catalog catalog) {
        return build(catalog, ProgressMonitor.NONE);
    }

    public static LookupIndex build(Catalog catalog, ProgressMonitor monitor) {
        return new LookupIndex(Documents.of(catalog, monitor), monitor);
    }

    /** Number of documents (items plus institutions). */
    public int size() { return docs.size; }

    Documents documents() { return docs; }

    @Override
    public LookupResult search(LookupQuery query, ProgressMonitor monitor) {
        String q = TextNormalizer.normalize(query.text());
        Documents.Filter filter = new Documents.Filter(query);
        int limit = query.limit();
        List<LookupHit> hits = new ArrayList<>(Math.min(limit, 256));
        if (q.isEmpty()) {
            if (filter.none) return LookupResult.empty(q);
            int total = 0;
            for (int d = 0; d < docs.size; d++) {
                if (!filter.test(docs, d)) continue;
                total++;
                if (hits.size() < limit) hits.add(docs.hit(d, -1, q));
            }
            return new LookupResult(hits, total, q);
        }
        BitSet claimed = new BitSet(docs.size);
        Slice[] matching = new Slice[2];
        for (int g = 0; g < 2; g++) {
            monitor.checkCancelled();
            Group group = groups[g];
            matching[g] = group.matching(q, filter);
            if (hits.size() >= limit) continue;
            int lo = group.lowerBound(q);
            int exactEnd = lo;
            while (exactEnd < group.sorted.length && docs.entryText[group.sorted[exactEnd]].equals(q)) exactEnd++;
            int prefixEnd = group.prefixEnd(q, exactEnd);
            addRange(group.sorted, lo, exactEnd, g * 3, q, filter, claimed, hits, limit);
            addRange(group.sorted, exactEnd, prefixEnd, g * 3 + 1, q, filter, claimed, hits, limit);
            Slice m = matching[g];
            for (int i = m.from; i < m.to && hits.size() < limit; i++) {
                int d = m.a[i];
                if (claimed.get(d)) continue;
                claimed.set(d);
                hits.add(docs.hit(d, g * 3 + 2, q));
            }
        }
        int total = unionSize(matching[0], matching[1]);
        if (Fuzzy.eligible(q)) {
            monitor.checkCancelled();
            for (int d : fuzzy.documents(q)) {
                if (!filter.test(docs, d) || matching[0].contains(d) || matching[1].contains(d)) continue;
                total++;
                if (hits.size() < limit) hits.add(docs.hit(d, Documents.FUZZY_TIER, q));
            }
        }
        return new LookupResult(hits, total, q);
    }

    /** Adds, in static rank, the unclaimed documents of entries sorted[from, to) at the given tier. */
    private void addRange(int[] sorted, int from, int to, int tier, String q, Documents.Filter filter, BitSet claimed,
                          List<LookupHit> hits, int limit) {
        if (from >= to || hits.size() >= limit) return;
        int n = to - from;
        if (n <= 512) {
            int[] ds = new int[n];
            int k = 0;
            for (int i = from; i < to; i++) ds[k++] = docs.entryDoc[sorted[i]];
            Arrays.sort(ds);
            int prev = -1;
            for (int d : ds) {
                if (d == prev) continue;
                prev = d;
                if (claimed.get(d) || !filter.test(docs, d)) continue;
                claimed.set(d);
                hits.add(docs.hit(d, tier, q));
                if (hits.size() >= limit) return;
            }
        } else {
            BitSet set = new BitSet(docs.size);
            for (int i = from; i < to; i++) set.set(docs.entryDoc[sorted[i]]);
            set.andNot(claimed);
            for (int d = set.nextSetBit(0); d >= 0; d = set.nextSetBit(d + 1)) {
                if (!filter.test(docs, d)) continue;
                claimed.set(d);
                hits.add(docs.hit(d, tier, q));
                if (hits.size() >= limit) return;
            }
        }
    }

    private static int unionSize(Slice a, Slice b) {
        int i = a.from;
        int j = b.from;
        int n = 0;
        while (i < a.to && j < b.to) {
            int x = a.a[i];
            int y = b.a[j];
            if (x == y) {
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
            n++;
        }
        return n + (a.to - i) + (b.to - j);
    }

    /** A sorted run of document numbers: a posting list as stored, or a filtered copy. */
    static final class Slice {
        static final Slice EMPTY = new Slice(new int[0], 0, 0);
        final int[] a;
        final int from;
        final int to;

        Slice(int[] a, int from, int to) {
            this.a = a;
            this.from = from;
            this.to = to;
        }

        boolean contains(int d) {
            return Arrays.binarySearch(a, from, to, d) >= 0;
        }

        /** First position at or after {@code at} whose value is not below d (exponential then binary search). */
        int seek(int at, int d) {
            if (at >= to || a[at] >= d) return at;
            int step = 1;
            int lo = at;
            int hi = at + 1;
            while (hi < to && a[hi] < d) {
                lo = hi;
                step <<= 1;
                hi = at + step;
            }
            if (hi > to) hi = to;
            // a[lo] < d, and a[hi] >= d or hi == to
            while (lo + 1 < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] < d) lo = mid;
                else hi = mid;
            }
            return hi;
        }
    }

    // ------------------------------------------------------------------ one field group

    private static final class Group {
        private final Documents docs;
        private final int group;
        /** Entry numbers of this group sorted by text. */
        final int[] sorted;
        private final LongIntMap gramIds;
        /**
         * Postings of each gram: a sparse gram's documents are {@code postings[offsets[id], offsets[id + 1])} (compact CSR);
         * a dense one — more documents than a bitmap of all documents has bytes / 4 — is a bitmap in {@code dense[id]}
         * (its CSR run is empty), with its number of documents in {@code denseCount[id]}. A bitmap is smaller than the
         * list there, and answers "does document d have the gram" at once.
         */
        private final int[] offsets;
        private final int[] postings;
        private final long[][] dense;
        private final int[] denseCount;

        Group(Documents docs, int group) {
            this.docs = docs;
            this.group = group;
            int count = 0;
            for (int d = 0; d < docs.size; d++) count += docs.groupEnd(d, group) - docs.groupStart(d, group);
            Integer[] boxed = new Integer[count];
            int k = 0;
            for (int d = 0; d < docs.size; d++) {
                for (int e = docs.groupStart(d, group); e < docs.groupEnd(d, group); e++) boxed[k++] = e;
            }
            String[] text = docs.entryText;
            Arrays.sort(boxed, (x, y) -> text[x].compareTo(text[y]));
            sorted = new int[count];
            for (int i = 0; i < count; i++) sorted[i] = boxed[i];

            // postings in two passes: count distinct documents per gram, then fill (compact CSR arrays or bitmaps)
            gramIds = new LongIntMap(1 << 12);
            int[] counts = new int[1 << 12];
            int[] last = new int[1 << 12];
            for (int d = 0; d < docs.size; d++) {
                for (int e = docs.groupStart(d, group); e < docs.groupEnd(d, group); e++) {
                    String t = text[e];
                    for (int i = 0; i < t.length(); i++) {
                        for (int len = 1; len <= 3 && i + len <= t.length(); len++) {
                            int id = gramIds.getOrPut(key(t, i, len), gramIds.size());
                            if (id >= counts.length) {
                                counts = LongIntMap.grow(counts, id + 1);
                                last = LongIntMap.grow(last, id + 1);
                            }
                            if (last[id] != d + 1) {
                                last[id] = d + 1;
                                counts[id]++;
                            }
                        }
                    }
                }
            }
            int grams = gramIds.size();
            int words = (docs.size + 63) >>> 6;
            // a list of n ints takes 4n bytes, a bitmap 8 * words: the smaller wins
            long bitmapBytes = 8L * words + 16;
            dense = new long[grams][];
            denseCount = new int[grams];
            offsets = new int[grams + 1];
            for (int i = 0; i < grams; i++) {
                boolean isDense = 4L * counts[i] > bitmapBytes;
                if (isDense) {
                    dense[i] = new long[words];
                    denseCount[i] = counts[i];
                }
                offsets[i + 1] = offsets[i] + (isDense ? 0 : counts[i]);
            }
            postings = new int[offsets[grams]];
            int[] fill = Arrays.copyOf(offsets, grams);
            Arrays.fill(last, 0);
            for (int d = 0; d < docs.size; d++) {
                for (int e = docs.groupStart(d, group); e < docs.groupEnd(d, group); e++) {
                    String t = text[e];
                    for (int i = 0; i < t.length(); i++) {
                        for (int len = 1; len <= 3 && i + len <= t.length(); len++) {
                            int id = gramIds.get(key(t, i, len));
                            if (last[id] != d + 1) {
                                last[id] = d + 1;
                                long[] bits = dense[id];
                                if (bits != null) bits[d >>> 6] |= 1L << d;
                                else postings[fill[id]++] = d;
                            }
                        }
                    }
                }
            }
        }

        static long key(String t, int i, int len) {
            long k = len;
            for (int j = 0; j < len; j++) k = (k << 16) | t.charAt(i + j);
            return k;
        }

        /** The documents of a gram as a sorted run (a dense gram's bitmap is spelled out). */
        Slice posting(long key) {
            int id = gramIds.get(key);
            if (id < 0) return Slice.EMPTY;
            return dense[id] != null ? spell(id) : new Slice(postings, offsets[id], offsets[id + 1]);
        }

        private Slice spell(int id) {
            long[] bits = dense[id];
            int[] out = new int[denseCount[id]];
            int k = 0;
            for (int w = 0; w < bits.length; w++) {
                long word = bits[w];
                while (word != 0) {
                    out[k++] = (w << 6) + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                }
            }
            return new Slice(out, 0, k);
        }

        private int cardinality(int id) {
            return dense[id] != null ? denseCount[id] : offsets[id + 1] - offsets[id];
        }

        /** Documents (sorted) with an entry of this group containing q that pass the filter. */
        Slice matching(String q, Documents.Filter filter) {
            int n = q.length();
            if (n <= 3) {
                Slice p = posting(key(q, 0, n));
                return filter.none ? p : filtered(p, filter);
            }
            // the rarest three trigrams narrow the candidates; each candidate is then checked
            int[] ids = new int[n - 2];
            for (int i = 0; i + 3 <= n; i++) {
                ids[i] = gramIds.get(key(q, i, 3));
                if (ids[i] < 0 || cardinality(ids[i]) == 0) return Slice.EMPTY;
            }
            Integer[] order = new Integer[ids.length];
            for (int i = 0; i < ids.length; i++) order[i] = ids[i];
            Arrays.sort(order, (x, y) -> Integer.compare(cardinality(x), cardinality(y)));
            int use = Math.min(3, order.length);
            Slice first = dense[order[0]] != null ? spell(order[0]) : new Slice(postings, offsets[order[0]], offsets[order[0] + 1]);
            int[] out = new int[first.to - first.from];
            int k = 0;
            // the other lists: a bitmap is tested directly; a sorted run is walked by a cursor that only moves forward
            // (galloping intersection)
            Slice[] lists = new Slice[use];
            long[][] bits = new long[use][];
            int[] cursor = new int[use];
            for (int j = 1; j < use; j++) {
                bits[j] = dense[order[j]];
                if (bits[j] == null) {
                    lists[j] = new Slice(postings, offsets[order[j]], offsets[order[j] + 1]);
                    cursor[j] = lists[j].from;
                }
            }
            candidates:
            for (int i = first.from; i < first.to; i++) {
                int d = first.a[i];
                for (int j = 1; j < use; j++) {
                    if (bits[j] != null) {
                        if ((bits[j][d >>> 6] & (1L << d)) == 0) continue candidates;
                        continue;
                    }
                    cursor[j] = lists[j].seek(cursor[j], d);
                    if (cursor[j] >= lists[j].to) break candidates;
                    if (lists[j].a[cursor[j]] != d) continue candidates;
                }
                if (!filter.test(docs, d)) continue;
                for (int e = docs.groupStart(d, group); e < docs.groupEnd(d, group); e++) {
                    if (docs.entryText[e].contains(q)) {
                        out[k++] = d;
                        continue candidates;
                    }
                }
            }
            return new Slice(out, 0, k);
        }

        private Slice filtered(Slice p, Documents.Filter filter) {
            int[] out = new int[p.to - p.from];
            int k = 0;
            for (int i = p.from; i < p.to; i++) if (filter.test(docs, p.a[i])) out[k++] = p.a[i];
            return new Slice(out, 0, k);
        }

        /** First position in {@link #sorted} whose text is not below q. */
        int lowerBound(String q) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (docs.entryText[sorted[mid]].compareTo(q) < 0) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /** End of the run of texts starting with q that begins at {@code from} (texts with that prefix are contiguous). */
        int prefixEnd(String q, int from) {
            int lo = from;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (docs.entryText[sorted[mid]].startsWith(q)) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }

    // ------------------------------------------------------------------ one-typo Latin words

    /** Deletion-neighbourhood table over the ASCII words of name entries. */
    private static final class FuzzyWords {
        private final String[] words;
        private final int[] offsets;
        private final int[] postings;
        /** (40-bit hash of a word or one of its one-deletion forms) << 24 | word number, sorted. */
        private final long[] table;

        FuzzyWords(Documents docs) {
            Map<String, Integer> ids = new HashMap<>();
            List<String> wordList = new ArrayList<>();
            int[] buf = new int[1024]; // word of each (word, document) pair, in document order
            int nPairs = 0;
            int[] docOfPair = new int[1024];
            for (int d = 0; d < docs.size; d++) {
                for (int e = docs.entryStart[d]; e < docs.groupSplit[d]; e++) {
                    String t = docs.entryText[e];
                    int start = 0;
                    while (start < t.length()) {
                        int end = t.indexOf(' ', start);
                        if (end < 0) end = t.length();
                        if (Fuzzy.isWord(t, start, end)) {
                            String w = t.substring(start, end);
                            Integer id = ids.get(w);
                            if (id == null) {
                                id = wordList.size();
                                ids.put(w, id);
                                wordList.add(w);
                            }
                            buf = LongIntMap.grow(buf, nPairs + 1);
                            docOfPair = LongIntMap.grow(docOfPair, nPairs + 1);
                            buf[nPairs] = id;
                            docOfPair[nPairs] = d;
                            nPairs++;
                        }
                        start = end + 1;
                    }
                }
            }
            if (wordList.size() >= (1 << 24)) throw new IllegalStateException("too many distinct words for the fuzzy table");
            words = wordList.toArray(new String[0]);
            int[] counts = new int[words.length];
            int[] last = new int[words.length];
            Arrays.fill(last, -1);
            for (int i = 0; i < nPairs; i++) {
                if (last[buf[i]] != docOfPair[i]) {
                    last[buf[i]] = docOfPair[i];
                    counts[buf[i]]++;
                }
            }
            offsets = new int[words.length + 1];
            for (int i = 0; i < words.length; i++) offsets[i + 1] = offsets[i] + counts[i];
            postings = new int[offsets[words.length]];
            int[] fill = Arrays.copyOf(offsets, words.length);
            Arrays.fill(last, -1);
            for (int i = 0; i < nPairs; i++) {
                if (last[buf[i]] != docOfPair[i]) {
                    last[buf[i]] = docOfPair[i];
                    postings[fill[buf[i]]++] = docOfPair[i];
                }
            }
            int entries = 0;
            for (String w : words) entries += w.length() + 1;
            table = new long[entries];
            int k = 0;
            for (int id = 0; id < words.length; id++) {
                String w = words[id];
                table[k++] = (hash(w, -1) << 24) | id;
                for (int skip = 0; skip < w.length(); skip++) table[k++] = (hash(w, skip) << 24) | id;
            }
            Arrays.sort(table);
        }

        /** 40-bit FNV-1a hash of s without the character at {@code skip} (-1: the whole word). */
        static long hash(String s, int skip) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < s.length(); i++) {
                if (i == skip) continue;
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
            return h >>> 24;
        }

        /** Documents (sorted, distinct) with a name word within one edit of q. */
        int[] documents(String q) {
            BitSet seenWords = new BitSet(words.length);
            BitSet out = null;
            for (int skip = -1; skip < q.length(); skip++) {
                long h = hash(q, skip);
                int i = lowerBound(h << 24);
                for (; i < table.length && (table[i] >>> 24) == h; i++) {
                    int id = (int) (table[i] & 0xFFFFFF);
                    if (seenWords.get(id)) continue;
                    seenWords.set(id);
                    if (!Fuzzy.withinOne(q, words[id])) continue;
                    if (out == null) out = new BitSet();
                    for (int p = offsets[id]; p < offsets[id + 1]; p++) out.set(postings[p]);
                }
            }
            return out == null ? new int[0] : out.stream().toArray();
        }

        private int lowerBound(long key) {
            int lo = 0;
            int hi = table.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (table[mid] < key) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }
}
