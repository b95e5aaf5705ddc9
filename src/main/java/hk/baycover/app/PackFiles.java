package hk.baycover.app;

import java.util.Locale;

/** File names the desktop hands over when the user opens an exported pack (the installers' file association). */
public final class PackFiles {

    /** The ending of an exported pack that the desktop opens with BayCover. */
    public static final String SUFFIX = ".baycover.json";

    private PackFiles() {
    }

    /** True for a file argument named like an exported pack ({@code *.baycover.json}), not an option. */
    public static boolean isPackFile(String arg) {
        return !arg.startsWith("-") && arg.toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }
}
