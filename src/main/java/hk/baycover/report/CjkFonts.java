package hk.baycover.report;

import hk.baycover.model.UserError;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds and embeds a Chinese font with TrueType outlines (PDFBox cannot embed CFF-outline fonts such as Noto Sans CJK
 * for text that must be extractable). Looks, in order, at the {@code baycover.pdf.font} system property, the
 * {@code BAYCOVER_PDF_FONT} environment variable, then known locations of WenQuanYi Zen Hei (Linux), Microsoft
 * JhengHei / YaHei (Windows) and the Heiti/Songti collections (macOS). Without one, a {@link UserError} names the font
 * and how to install it.
 */
public final class CjkFonts {

    public static final String PROPERTY = "baycover.pdf.font";
    public static final String ENV = "BAYCOVER_PDF_FONT";
    /** The font BayCover is tested with; its name goes in the "no font" message. */
    public static final String PREFERRED = "WenQuanYi Zen Hei (wqy-zenhei.ttc)";
    private static final Logger LOG = Logger.getLogger(CjkFonts.class.getName());
    private static final List<String> FACE_NAMES = List.of("WenQuanYiZenHei", "WenQuanYi Zen Hei", "MicrosoftJhengHeiRegular",
            "Microsoft JhengHei", "MicrosoftYaHei", "Microsoft YaHei", "STHeitiTC-Light", "STHeitiSC-Light", "SimSun");

    private CjkFonts() {
    }

    /** A font loaded into a document; keep it open until the document is saved. */
    public static final class Loaded implements Closeable {
        private final PDType0Font font;
        private final TrueTypeFont ttf;
        private final Closeable owner;
        private final Path file;
        private CmapLookup cmap;

        Loaded(PDType0Font font, TrueTypeFont ttf, Closeable owner, Path file) {
            this.font = font;
            this.ttf = ttf;
            this.owner = owner;
            this.file = file;
        }

        public PDType0Font font() { return font; }

        public Path file() { return file; }

        /** True when the font has a glyph for the code point. */
        public boolean has(int codePoint) {
            try {
                if (cmap == null) cmap = ttf.getUnicodeCmapLookup(false);
                return cmap != null && cmap.getGlyphId(codePoint) != 0;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            if (owner != null) owner.close();
        }
    }

    /**
     * Candidate font files, most preferred first (only existing files). A font named by {@code baycover.pdf.font} or
     * {@code BAYCOVER_PDF_FONT} must exist: the user asked for that one, so a wrong name is an error
     * ({@code report.fontMissing}), not a silent fall-back.
     */
    public static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) out.add(configured(prop, "-D" + PROPERTY));
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) out.add(configured(env, ENV));
        List<String> known = new ArrayList<>(List.of(
                "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
                "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
                "/usr/local/share/fonts/wqy-zenhei.ttc",
                "/usr/share/fonts/truetype/arphic/uming.ttc",
                "/Library/Fonts/Arial Unicode.ttf",
                "/System/Library/Fonts/Supplemental/Songti.ttc",
                "/System/Library/Fonts/STHeiti Medium.ttc"));
        String windir = System.getenv("WINDIR");
        if (windir != null) {
            known.add(windir + "\\Fonts\\msjh.ttc");
            known.add(windir + "\\Fonts\\msyh.ttc");
            known.add(windir + "\\Fonts\\mingliu.ttc");
            known.add(windir + "\\Fonts\\simsun.ttc");
        }
        String home = System.getProperty("user.home");
        if (home != null) known.add(home + "/.local/share/fonts/wqy-zenhei.ttc");
        for (String k : known) out.add(Path.of(k));
        return out.stream().filter(Files::isRegularFile).distinct().toList();
    }

    private static Path configured(String file, String by) {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) throw new UserError("report.fontMissing", file, by);
        return p;
    }

    /** Loads the first usable font into {@code doc} (subset embedded). */
    public static Loaded load(PDDocument doc) {
        List<Path> tried = candidates();
        for (Path p : tried) {
            try {
                Loaded l = load(doc, p);
                if (l != null) return l;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.INFO, "font not usable for PDF: " + p, e);
            }
        }
        throw new UserError("report.noFont", PREFERRED, PROPERTY, ENV);
    }

    private static Loaded load(PDDocument doc, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ttc")) {
            TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
            TrueTypeFont chosen = null;
            for (String face : FACE_NAMES) {
                TrueTypeFont f = ttc.getFontByName(face);
                if (f != null && usable(f)) {
                    chosen = f;
                    break;
                }
            }
            if (chosen == null) {
                List<TrueTypeFont> all = new ArrayList<>();
                ttc.processAllFonts(all::add);
                for (TrueTypeFont f : all) {
                    if (usable(f)) {
                        chosen = f;
                        break;
                    }
                }
            }
            if (chosen == null) {
                ttc.close();
                return null;
            }
            return new Loaded(PDType0Font.load(doc, chosen, true), chosen, ttc, file);
        }
        File f = file.toFile();
        TrueTypeFont ttf = new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(f));
        if (!usable(ttf)) {
            ttf.close();
            return null;
        }
        return new Loaded(PDType0Font.load(doc, ttf, true), ttf, ttf, file);
    }

    /** TrueType outlines, and glyphs for both Chinese and Latin text. */
    private static boolean usable(TrueTypeFont f) throws IOException {
        if (f.getGlyph() == null) return false;
        CmapLookup cmap = f.getUnicodeCmapLookup(false);
        return cmap != null && cmap.getGlyphId('中') != 0 && cmap.getGlyphId('灣') != 0 && cmap.getGlyphId('A') != 0 && cmap.getGlyphId('7') != 0;
    }
}
