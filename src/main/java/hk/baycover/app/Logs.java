package hk.baycover.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Logging goes to {@code logs/baycover.log} in the data folder (rotating), never to the user's console: users see
 * clear messages, the log keeps details for support. Personal data is never logged.
 */
public final class Logs {
    private static boolean fileReady;

    private Logs() {
    }

    /** Silences console logging (call first thing). */
    public static void quietConsole() {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) root.removeHandler(h);
        root.setLevel(Level.INFO);
    }

    /** Sends logs to the data folder's log file. */
    public static synchronized void toDataDir(Path dataDir) {
        if (fileReady) return;
        try {
            Path dir = dataDir.resolve(hk.baycover.io.DataFolder.LOGS);
            Files.createDirectories(dir);
            FileHandler fh = new FileHandler(dir.resolve("baycover-%g.log").toString(), 2_000_000, 3, true);
            fh.setFormatter(new SimpleFormatter());
            fh.setEncoding("UTF-8");
            LogManager.getLogManager().getLogger("").addHandler(fh);
            fileReady = true;
        } catch (IOException | RuntimeException e) {
            // no log file (read-only folder): carry on without one
        }
    }
}
