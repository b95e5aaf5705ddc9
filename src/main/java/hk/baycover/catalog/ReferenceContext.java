package hk.baycover.catalog;

import java.util.Set;

/** Records that already exist outside the pack being read (in the database, or in packs imported together). */
public interface ReferenceContext {

    boolean institutionExists(String id);

    boolean itemExists(String id);

    ReferenceContext EMPTY = of(Set.of(), Set.of());

    static ReferenceContext of(Set<String> institutions, Set<String> items) {
        return new ReferenceContext() {
            @Override
            public boolean institutionExists(String id) { return institutions.contains(id); }

            @Override
            public boolean itemExists(String id) { return items.contains(id); }
        };
    }
}
