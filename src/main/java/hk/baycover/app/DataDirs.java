package hk.baycover.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where BayCover keeps its data: {@code --data-dir}, else {@code BAYCOVER_HOME}, else the per-user data folder of the OS
 * (Linux: $XDG_DATA_HOME/baycover or ~/.local/share/baycover; macOS: ~/Library/Application Support/BayCover;
 * Windows: %APPDATA%\BayCover). Never the install folder.
 */
public final class DataDirs {

    public static final String ENV = "BAYCOVER_HOME";

    private DataDirs() {
    }

    public static Path resolve(Path option) {
        return resolve(option, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Path resolve(Path option, Map<String, String> env, String osName, String home) {
        if (option != null) return option.toAbsolutePath().normalize();
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return Path.of(fromEnv).toAbsolutePath().normalize();
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : Path.of(home, "AppData", "Roaming")).resolve("BayCover");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "BayCover");
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("baycover");
    }
}
