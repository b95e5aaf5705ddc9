package hk.baycover.store;

import hk.baycover.trust.TestPacks;

/** The packs the crash child imports: import n replaces dataset crash-(n mod 3) with version n, sized from n. */
final class CrashPacks {

    static final int DATASETS = 3;

    private CrashPacks() {
    }

    record Spec(int n, String datasetId, String version, int institutions, int items) {
        byte[] bytes() {
            return TestPacks.drugsBytes(datasetId, version, institutions, items);
        }
    }

    static Spec spec(int n) {
        return new Spec(n, "crash-" + (n % DATASETS), "v" + n, 3 + (n * 7) % 30, 150 + (n * 131) % 900);
    }
}
