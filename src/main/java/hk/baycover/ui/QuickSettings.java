package hk.baycover.ui;

import hk.baycover.model.Lang;
import hk.baycover.ui.common.Settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code settings.json} as {@link hk.baycover.ui.common.SettingsStore} writes it — one flat object of the keys
 * below with string, number or null values — without Jackson, so start-up does not wait for a cold ObjectMapper.
 * Applies the same checks as {@code SettingsStore.load}. Returns false (nothing applied) for anything else: a missing
 * or unreadable file, other keys, nested values, bad syntax; the caller then uses {@code SettingsStore.load}, which
 * stays the reference (a test compares the two on the same files).
 */
final class QuickSettings {

    static final Set<String> KEYS = Set.of("lang", "fontScale", "x", "y", "width", "height", "autoLockMinutes");

    private QuickSettings() {
    }

    static boolean read(Path file, Settings s) {
        String text;
        try {
            if (!Files.isRegularFile(file)) return false;
            text = new String(hk.baycover.io.BoundedInput.readAll(file, 4096), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        Map<String, Object> v = parse(text);
        if (v == null) return false;
        // check everything first, so a declined file applies nothing
        Object lang = v.get("lang");
        if (lang != null && !(lang instanceof String)) return false;
        Double autoLock = number(v, "autoLockMinutes");
        if (autoLock != null && autoLock != Math.rint(autoLock)) return false;
        Double fontScale = number(v, "fontScale");
        Double x = number(v, "x");
        Double y = number(v, "y");
        Double w = number(v, "width");
        Double h = number(v, "height");
        if (lang != null) Lang.parse((String) lang).ifPresent(s.langProperty()::set);
        if (fontScale != null && fontScale >= 0.8 && fontScale <= 2.0) s.fontScaleProperty().set(fontScale);
        if (x != null) s.windowXProperty().set(x);
        if (y != null) s.windowYProperty().set(y);
        if (w != null && w >= 640) s.windowWidthProperty().set(w);
        if (h != null && h >= 480) s.windowHeightProperty().set(h);
        if (autoLock != null && autoLock >= 0 && autoLock <= 24 * 60) s.autoLockMinutesProperty().set(autoLock.intValue());
        return true;
    }

    private static Double number(Map<String, Object> v, String key) {
        return v.get(key) instanceof Double d ? d : null;
    }

    /** A flat JSON object of known keys to String, Double or null; null when the text is anything else. */
    static Map<String, Object> parse(String text) {
        Parser p = new Parser(text);
        try {
            Map<String, Object> out = new HashMap<>();
            p.skip();
            p.expect('{');
            p.skip();
            if (p.peek() == '}') {
                p.pos++;
            } else {
                while (true) {
                    p.skip();
                    String key = p.string();
                    if (!KEYS.contains(key) || out.containsKey(key)) return null;
                    p.skip();
                    p.expect(':');
                    p.skip();
                    out.put(key, p.value());
                    p.skip();
                    char c = p.next();
                    if (c == '}') break;
                    if (c != ',') return null;
                }
            }
            p.skip();
            return p.pos == text.length() ? out : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        char peek() { return s.charAt(pos); }

        char next() { return s.charAt(pos++); }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        void expect(char c) {
            if (next() != c) throw new IllegalArgumentException("expected " + c);
        }

        String string() {
            expect('"');
            int start = pos;
            while (peek() != '"') {
                if (peek() == '\\' || peek() < 0x20) throw new IllegalArgumentException("escapes are left to Jackson");
                pos++;
            }
            return s.substring(start, pos++);
        }

        Object value() {
            char c = peek();
            if (c == '"') return string();
            if (s.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            int start = pos;
            while (pos < s.length() && "+-.0123456789eE".indexOf(s.charAt(pos)) >= 0) pos++;
            if (start == pos) throw new IllegalArgumentException("not a number");
            double d = Double.parseDouble(s.substring(start, pos));
            if (!Double.isFinite(d)) throw new IllegalArgumentException("not finite");
            return d;
        }
    }
}
