package hk.baycover;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The jpackage recipes in installer/ stay consistent with the code: modules, main class, files they name. */
class InstallerRecipesTest {

    private static final Path JPACKAGE = Path.of("installer", "jpackage");

    private static List<String> args(String file) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(JPACKAGE.resolve(file), StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(t);
            while (m.find()) out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    private static List<String> values(List<String> args, String option) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size() - 1; i++) if (args.get(i).equals(option)) out.add(args.get(i + 1));
        return out;
    }

    @Test
    void everyModuleTheCodeNeedsIsLinkedIntoTheRuntime() throws Exception {
        Set<String> linked = new TreeSet<>(Arrays.asList(values(args("image.args"), "--add-modules").get(0).split(",")));
        // the JDK modules our code uses (JavaFX is left out: resolving its jars makes jdeps ~10x slower; the
        // javafx.* modules are asserted below)
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--multi-release", "17", "--ignore-missing-deps",
                "--list-deps", "target/classes");
        assertEquals(0, code, out.toString());
        Set<String> needed = new TreeSet<>();
        for (String line : out.toString().split("\\R")) {
            String m = line.strip();
            if (m.isEmpty()) continue;
            needed.add(m.contains("/") ? m.substring(0, m.indexOf('/')) : m);
        }
        assertTrue(needed.contains("java.sql") && needed.contains("java.logging"), "jdeps found the code's modules: " + needed);
        assertTrue(linked.containsAll(List.of("javafx.controls", "javafx.fxml", "javafx.swing")), "the JavaFX modules in the pom: " + linked);
        needed.removeAll(linked);
        assertTrue(needed.isEmpty(), "modules the code uses but installer/jpackage/image.args does not link: " + needed);
        assertTrue(linked.contains("jdk.localedata"), "zh locale data needs jdk.localedata");
        assertTrue(values(args("image.args"), "--jlink-options").get(0).contains("--include-locales=en,zh"));
    }

    @Test
    void theLauncherIsTheMainClassAndNotAnApplication() throws Exception {
        assertEquals(List.of("hk.baycover.Launcher"), values(args("image.args"), "--main-class"));
        assertEquals(Object.class, Launcher.class.getSuperclass(), "a CLI run without a display must not load JavaFX");
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        assertTrue(pom.contains("<main.class>hk.baycover.Launcher</main.class>"));
    }

    @Test
    void theWindowsUpgradeUuidIsFixedAndValid() throws Exception {
        List<String> uuid = values(args("windows.args"), "--win-upgrade-uuid");
        assertEquals(1, uuid.size());
        assertEquals("3b0f7c62-5d1e-4b7a-9f43-2c8e6a91d0b4", UUID.fromString(uuid.get(0)).toString(), "never change the upgrade UUID");
    }

    @Test
    void everyFileTheRecipesNameExists() throws Exception {
        for (String file : List.of("identity.args", "image.args", "linux-image.args", "linux-deb.args", "windows.args", "mac.args")) {
            List<String> a = args(file);
            for (String option : List.of("--icon", "--file-associations", "--resource-dir")) {
                for (String path : values(a, option)) assertTrue(Files.exists(Path.of(path)), file + ": " + option + " " + path + " is missing");
            }
            for (String launcher : values(a, "--add-launcher")) {
                Path props = Path.of(launcher.substring(launcher.indexOf('=') + 1));
                assertTrue(Files.exists(props), file + ": --add-launcher " + props + " is missing");
            }
            if (a.contains("--linux-shortcut") || a.contains("--type") && values(a, "--type").contains("deb")) {
                assertTrue(values(a, "--linux-package-deps").stream().anyMatch(d -> d.contains("libgtk-3-0")), "the .deb must depend on libgtk-3-0");
            }
        }
        for (String assoc : List.of("pack-association-linux.properties", "pack-association-windows.properties", "pack-association-mac.properties")) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(JPACKAGE.resolve(assoc), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            assertEquals("baycover.json", p.getProperty("extension"), assoc);
            assertTrue(("x" + hk.baycover.app.PackFiles.SUFFIX).endsWith("." + p.getProperty("extension")), "the launcher opens what the association sends");
            if (!Files.exists(Path.of(p.getProperty("icon")))) fail(assoc + ": icon " + p.getProperty("icon") + " is missing");
        }
        for (String script : List.of("postinst", "prerm")) {
            String s = Files.readAllLines(Path.of("installer", "linux", script), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.strip().startsWith("#")).collect(Collectors.joining("\n"));
            assertTrue(s.contains("/usr/bin/baycover"), script);
            if (script.equals("postinst")) {
                assertTrue(s.contains("ln -sf /opt/baycover/bin/baycover /usr/bin/baycover"), "the command is the start script");
                assertTrue(s.contains("Exec=/opt/baycover/bin/baycover %f"), "the menu entry passes the opened file");
            }
            assertTrue(!s.contains("xdg-desktop-menu") && !s.contains("DESKTOP_COMMANDS"), script + " must not call xdg-desktop-menu (fails headless)");
        }
    }
}
