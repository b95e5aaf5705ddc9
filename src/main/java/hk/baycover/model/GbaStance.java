package hk.baycover.model;

/** A benefit's 港澳藥械通 stance, drugs and devices apart. */
public record GbaStance(Stance drugs, Stance devices) {
    public GbaStance {
        drugs = drugs == null ? Stance.notStated() : drugs;
        devices = devices == null ? Stance.notStated() : devices;
    }

    public static GbaStance notStated() {
        return new GbaStance(null, null);
    }

    public Stance of(ItemKind kind) {
        return kind == ItemKind.DEVICE ? devices : drugs;
    }
}
