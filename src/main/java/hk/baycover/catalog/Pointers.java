package hk.baycover.catalog;

import java.util.Comparator;

/** JSON pointer helpers: escaping and document-like ordering (/items/2 before /items/10). */
final class Pointers {
    private Pointers() {
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    static final Comparator<String> ORDER = (a, b) -> {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            if (x[i].matches("\\d+") && y[i].matches("\\d+")) {
                c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    };

    static final Comparator<Problem> PROBLEMS = Comparator.comparing(Problem::file).thenComparing(Problem::pointer, ORDER);
}
