package hk.baycover;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Linux start script and the AppCDS archive (ADR 0062): {@code installer/linux/make-wrapper.sh} run on an image
 * whose "java" only writes down its arguments, so the script's choices are checked without a JDK or a display; and
 * the class list the archive is dumped from still names the classes BayCover starts with.
 */
class StartScriptTest {

    private static final String CFG = String.join("\n",
            "[Application]",
            "app.classpath=$APPDIR/baycover.jar",
            "app.mainclass=hk.baycover.Launcher",
            "app.classpath=$APPDIR/sqlite-jdbc.jar",
            "",
            "[JavaOptions]",
            "java-options=-XX:+UseSerialGC",
            "java-options=-Dorg.sqlite.lib.path=$APPDIR/native",
            "");

    /** An image at {@code dir} whose runtime's java prints its arguments one per line (and exits 0). */
    private static Path image(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("lib/app"));
        Files.createDirectories(dir.resolve("lib/runtime/bin"));
        Files.createDirectories(dir.resolve("bin"));
        Files.writeString(dir.resolve("lib/app/BayCover.cfg"), CFG, StandardCharsets.UTF_8);
        Path java = dir.resolve("lib/runtime/bin/java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        run(List.of("bash", "installer/linux/make-wrapper.sh", dir.toString()), Path.of("."));
        return dir;
    }

    private static List<String> run(List<String> command, Path cwd) throws IOException {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.exitValue(), command + " failed: " + out);
        return out;
    }

    private static List<String> startArgs(Path image) throws IOException {
        return run(List.of(image.resolve("bin/baycover").toString(), "--data-dir", "/tmp/a b"), image);
    }

    private static boolean usesArchive(List<String> args, Path image) {
        return args.contains("-XX:SharedArchiveFile=" + image.resolve("lib/app/baycover.jsa"));
    }

    @Test
    void theArchiveIsUsedOnlyWhereItWasDumped(@TempDir Path tmp) throws IOException {
        Path image = image(tmp.toRealPath().resolve("Bay Cover"));
        List<String> without = startArgs(image);
        assertFalse(without.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")), "no archive yet: " + without);
        assertTrue(without.containsAll(List.of("-XX:+UseSerialGC", "hk.baycover.Launcher", "--data-dir", "/tmp/a b")), without.toString());

        // the dump script writes the archive for this place (here "java" writes nothing, so an empty file stands in)
        run(List.of(image.resolve("lib/app/dump-cds.sh").toString()), image);
        assertEquals(image.toString(), Files.readString(image.resolve("lib/app/baycover.jsa.root")).strip());
        Files.writeString(image.resolve("lib/app/baycover.jsa"), "");
        List<String> with = startArgs(image);
        assertTrue(usesArchive(with, image), "an archive dumped for this place is used: " + with);
        assertEquals(with.indexOf("hk.baycover.Launcher") - 2, with.indexOf("-cp"), "options before the class path and main class");

        // the same image moved elsewhere: the archive names the old jars, so it is left alone (a mismatch would switch
        // class data sharing off altogether)
        Path moved = Files.move(image, tmp.toRealPath().resolve("moved"));
        List<String> elsewhere = startArgs(moved);
        assertFalse(elsewhere.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")), "a moved image's archive is not used: " + elsewhere);

        // and dumped again there, it is
        run(List.of(moved.resolve("lib/app/dump-cds.sh").toString()), moved);
        Files.writeString(moved.resolve("lib/app/baycover.jsa"), "");
        assertTrue(usesArchive(startArgs(moved), moved));
    }

    @Test
    void theDumpUsesTheStartScriptsClassPath(@TempDir Path tmp) throws IOException {
        Path image = image(tmp.toRealPath().resolve("img"));
        List<String> dump = run(List.of(image.resolve("lib/app/dump-cds.sh").toString()), image);
        assertTrue(dump.isEmpty(), "the dump's output goes to its log: " + dump);
        List<String> logged = Files.readAllLines(image.resolve("lib/app/baycover.jsa.log"));
        List<String> started = startArgs(image);
        String cp = started.get(started.indexOf("-cp") + 1);
        assertEquals(cp, logged.get(logged.indexOf("-cp") + 1), "the archive is only valid for the same class path");
        assertTrue(logged.containsAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + image.resolve("lib/app/baycover.classlist"),
                "-XX:SharedArchiveFile=" + image.resolve("lib/app/baycover.jsa"))), logged.toString());
    }

    @Test
    void theClassListNamesTheClassesBayCoverStartsWith() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("installer/cds/app-classlist.txt"), StandardCharsets.UTF_8);
        Set<String> classes = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("@"))
                .map(l -> l.split(" ")[0]).collect(Collectors.toSet());
        for (Class<?> c : List.of(Launcher.class, hk.baycover.ui.BayCoverApp.class, hk.baycover.ui.shell.MainWindow.class,
                hk.baycover.app.BayCover.class, hk.baycover.store.CatalogStore.class, hk.baycover.cli.Cli.class)) {
            assertTrue(classes.contains(c.getName().replace('.', '/')), c + " is missing from the AppCDS class list: rerun installer/make-classlist.sh");
        }
        // a list gone stale (classes renamed or moved since it was made) archives little: most of ours must still exist
        List<String> ours = classes.stream().filter(c -> c.startsWith("hk/baycover/")).toList();
        long gone = ours.stream().filter(c -> !c.contains("$$Lambda") && Thread.currentThread().getContextClassLoader().getResource(c + ".class") == null).count();
        assertTrue(ours.size() > 200, "the list holds the app's start-up classes: " + ours.size());
        assertTrue(gone * 20 < ours.size(), gone + " of " + ours.size() + " listed BayCover classes no longer exist: rerun installer/make-classlist.sh");
        // libraries the start reads with: the catalog's JSON, the database, the toolkit
        for (String lib : List.of("com/fasterxml/jackson/databind/ObjectMapper", "org/sqlite/JDBC", "javafx/scene/control/Label")) {
            assertTrue(classes.contains(lib), lib);
        }
    }
}
