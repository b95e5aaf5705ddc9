package hk.baycover.lookup;

/**
 * One-typo tolerance for Latin names. A query qualifies only when it is a single word of 5 to 40 ASCII letters (the
 * guard against noise: short words are within one edit of too many others, and CJK text has no typos of this kind). It
 * then matches a name word made of ASCII letters and digits that is within optimal-string-alignment (restricted
 * Damerau-Levenshtein) distance 1: one insertion, deletion, substitution or swap of neighbours.
 */
final class Fuzzy {
    static final int MIN_LENGTH = 5;
    static final int MAX_LENGTH = 40;

    private Fuzzy() {
    }

    static boolean eligible(String q) {
        int n = q.length();
        if (n < MIN_LENGTH || n > MAX_LENGTH) return false;
        for (int i = 0; i < n; i++) {
            char c = q.charAt(i);
            if (c < 'a' || c > 'z') return false;
        }
        return true;
    }

    /** A word that may be in the vocabulary: ASCII letters and digits, long enough to be one edit from a query. */
    static boolean isWord(String t, int from, int to) {
        int n = to - from;
        if (n < MIN_LENGTH - 1 || n > MAX_LENGTH + 1) return false;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
        }
        return true;
    }

    /** True when some word of the normalised entry is within one edit of q (q already {@link #eligible}). */
    static boolean entryMatches(String entry, String q) {
        int start = 0;
        int n = entry.length();
        while (start < n) {
            int end = entry.indexOf(' ', start);
            if (end < 0) end = n;
            if (isWord(entry, start, end) && withinOne(q, entry.substring(start, end))) return true;
            start = end + 1;
        }
        return false;
    }

    /**
     * Sets of pieces of an {@link #eligible} query q such that every word within one edit of q contains each piece of at
     * least one set: its halves A = q[0, m) and B = q[m, n) (an insertion, deletion or substitution, or a swap within one
     * half, leaves the other half whole), or C = q[0, m - 1) and D = q[m + 1, n) together (a swap of q[m - 1] and q[m]).
     * A store may use them to skip documents without a typo match; the match itself is {@link #entryMatches}.
     */
    static java.util.List<java.util.List<String>> pieces(String q) {
        int m = q.length() / 2;
        return java.util.List.of(java.util.List.of(q.substring(0, m)), java.util.List.of(q.substring(m)),
                java.util.List.of(q.substring(0, m - 1), q.substring(m + 1)));
    }

    /** Optimal string alignment distance of a and b is at most 1. */
    static boolean withinOne(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) return false;
        int i = 0;
        int min = Math.min(la, lb);
        while (i < min && a.charAt(i) == b.charAt(i)) i++;
        if (i == min) return true; // equal, or one extra character at the end
        if (la == lb) {
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) return true; // substitution
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2); // transposition
        }
        if (la + 1 == lb) return a.regionMatches(i, b, i + 1, la - i); // b has one more
        return a.regionMatches(i + 1, b, i, lb - i); // a has one more
    }
}
