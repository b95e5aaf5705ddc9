package hk.baycover;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every test runs: the build fails on a test that is switched off in any spelling — JUnit's or jqwik's switch-off
 * annotation written short, fully qualified or through an annotation of our own, JUnit's conditional ones (the
 * "if" and "enabled if" families), or an assumption that skips a test when something is missing. A test that cannot run yet
 * does not get merged.
 */
class NothingSwitchedOffTest {

    private static final Path TEST_SOURCES = Path.of("src", "test", "java");
    private static final Path TEST_CLASSES = Path.of("target", "test-classes");

    /** An annotation use whose (simple or qualified) name switches a test off or makes it conditional. */
    static final Pattern SWITCH_OFF_ANNOTATION = Pattern.compile(
            "@\\s*(?:[\\w$]+\\s*\\.\\s*)*((?:Disabled|Enabled)\\w*|Ignore)\\b");
    /** A call that aborts a test (reported as skipped): JUnit's and jqwik's assumptions, TestAbortedException. */
    static final Pattern SKIPPING_CALL = Pattern.compile(
            "\\b(?:assume(?:True|False|That)|assumingThat|Assume\\s*\\.\\s*that)\\s*\\(|\\bTestAbortedException\\b");

    @Test
    void noTestSourceSwitchesATestOff() throws IOException {
        List<String> problems = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(TEST_SOURCES)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                String code = stripComments(Files.readString(f, StandardCharsets.UTF_8));
                for (Pattern p : List.of(SWITCH_OFF_ANNOTATION, SKIPPING_CALL)) {
                    Matcher m = p.matcher(code);
                    while (m.find()) problems.add(TEST_SOURCES.relativize(f) + ": " + m.group().strip());
                }
            }
        }
        assertTrue(files > 50, "the scan reads the test sources (" + files + ")");
        assertEquals(List.of(), problems, "switched-off tests: make them pass instead");
    }

    /** Surefire runs only classes named {@code *Test}, {@code *Tests}, {@code *TestCase} or {@code Test*}: a test class named
     * otherwise compiles and never runs, which is a test switched off without a word. */
    static final Pattern TEST_ANNOTATION = Pattern.compile("@\\s*(?:Test|Property|Example|ParameterizedTest|RepeatedTest|TestFactory)\\b");

    @Test
    void everyTestClassHasANameTheBuildRuns() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TEST_SOURCES)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String simple = f.getFileName().toString().replaceAll("\\.java$", "");
                boolean runs = simple.endsWith("Test") || simple.endsWith("Tests") || simple.endsWith("TestCase") || simple.startsWith("Test");
                if (!runs && TEST_ANNOTATION.matcher(stripComments(Files.readString(f, StandardCharsets.UTF_8))).find()) {
                    problems.add(TEST_SOURCES.relativize(f).toString());
                }
            }
        }
        assertEquals(List.of(), problems, "test classes the build would never run: name them *Test");
    }

    @Test
    void noCompiledTestCarriesASwitchOffAnnotation() throws Exception {
        List<String> problems = new ArrayList<>();
        int classes = 0;
        ClassLoader loader = getClass().getClassLoader();
        try (Stream<Path> s = Files.walk(TEST_CLASSES)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = TEST_CLASSES.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", "");
                if (name.contains("jmh_generated") || name.startsWith("META-INF")) continue;
                Class<?> type = Class.forName(name, false, loader);
                classes++;
                List<AnnotatedElement> elements = new ArrayList<>();
                elements.add(type);
                elements.addAll(List.of(type.getDeclaredMethods()));
                elements.addAll(List.of(type.getDeclaredFields()));
                for (Constructor<?> c : type.getDeclaredConstructors()) elements.add(c);
                for (AnnotatedElement e : elements) {
                    for (Annotation a : e.getAnnotations()) {
                        String offending = switchOff(a.annotationType(), new HashSet<>());
                        if (offending != null) problems.add(where(type, e) + ": " + offending);
                    }
                }
            }
        }
        assertTrue(classes > 50, "the scan loads the compiled tests (" + classes + ")");
        assertEquals(List.of(), problems, "switched-off tests: make them pass instead");
    }

    @Test
    void theScansRecogniseEverySpelling() {
        // written split, so this file does not trip its own scan
        String at = "@";
        for (String use : List.of(at + "Disabled", at + "Disabled(\"later\")", at + "org.junit.jupiter.api.Disabled(\"see note\")",
                at + "org . junit . jupiter . api . Disabled", at + "net.jqwik.api.Disabled", at + "DisabledOnOs(OS.LINUX)",
                at + "EnabledIfSystemProperty(named = \"x\", matches = \"y\")", at + "DisabledIfEnvironmentVariable(named = \"CI\", matches = \"1\")",
                at + "Ignore")) {
            assertTrue(SWITCH_OFF_ANNOTATION.matcher(use).find(), use);
        }
        for (String call : List.of("assume" + "True(fontInstalled)", "Assumptions.assume" + "False(x)", "assuming" + "That(x, () -> {})",
                "Assume" + ".that(n > 0)")) {
            assertTrue(SKIPPING_CALL.matcher(call).find(), call);
        }
        assertFalse(SWITCH_OFF_ANNOTATION.matcher("assertTrue(button.isDisabled());").find());
        assertFalse(SWITCH_OFF_ANNOTATION.matcher(at + "Test void disabledButtonsStayGrey()").find());
        assertEquals("x  y", stripComments("x /* " + at + "Disabled */ y"));
    }

    /** The name of the switch-off annotation {@code type} is or carries (meta-annotations followed), or null. */
    static String switchOff(Class<? extends Annotation> type, Set<Class<?>> seen) {
        if (!seen.add(type) || type.getName().startsWith("java.lang.annotation.")) return null;
        String simple = type.getSimpleName();
        if (simple.startsWith("Disabled") || simple.startsWith("Enabled") || simple.equals("Ignore")
                || type.getPackageName().equals("org.junit.jupiter.api.condition")) {
            return type.getName();
        }
        for (Annotation meta : type.getAnnotations()) {
            String inner = switchOff(meta.annotationType(), seen);
            if (inner != null) return type.getName() + " (" + inner + ")";
        }
        return null;
    }

    private static String where(Class<?> type, AnnotatedElement e) {
        if (e instanceof Method m) return type.getName() + "." + m.getName();
        if (e instanceof Field f) return type.getName() + "." + f.getName();
        if (e instanceof Constructor<?>) return type.getName() + ".<init>";
        return type.getName();
    }

    /** The code without comments (a switch-off named in a comment switches nothing off); strings are kept. */
    static String stripComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (code.startsWith("\"\"\"", i)) {
                int j = code.indexOf("\"\"\"", i + 3);
                j = j < 0 ? code.length() : j + 3;
                out.append(code, i, j);
                i = j;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < code.length() && code.charAt(j) != c) j += code.charAt(j) == '\\' ? 2 : 1;
                j = Math.min(j + 1, code.length());
                out.append(code, i, j);
                i = j;
            } else if (code.startsWith("//", i)) {
                int j = code.indexOf('\n', i);
                i = j < 0 ? code.length() : j;
            } else if (code.startsWith("/*", i)) {
                int j = code.indexOf("*/", i + 2);
                i = j < 0 ? code.length() : j + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
