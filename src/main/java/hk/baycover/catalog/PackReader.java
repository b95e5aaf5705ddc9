package hk.baycover.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import hk.baycover.i18n.I18n;
import hk.baycover.io.BoundedInput;
import hk.baycover.io.IoErrors;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.Pack;
import hk.baycover.model.PackKind;
import hk.baycover.model.PackHeader;
import hk.baycover.model.PartialDate;
import hk.baycover.model.Product;
import hk.baycover.model.RegulatedItem;
import hk.baycover.model.RunningTotal;
import hk.baycover.model.SafeText;
import hk.baycover.model.Scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a catalog pack strictly and reports every problem at once as {@code FILE:POINTER: message}: encoding, JSON
 * syntax (line:column), the kind's JSON Schema (unknown fields, types, required fields, enums), impossible dates, then
 * the semantic rules in {@link PackValidator}. A pack with any problem is never returned.
 */
public final class PackReader {

    /** Largest pack file accepted. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    private static final Set<String> DATE_FIELDS = Set.of("asOf", "date", "since", "removed");
    private static final java.util.regex.Pattern DATE_SHAPE = java.util.regex.Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private final Lang lang;
    private final LocalDate today;
    private final Map<PackKind, JsonSchema> schemas = new EnumMap<>(PackKind.class);

    /** {@code today} (from the application's clock) bounds the as-of dates a pack may carry. */
    public PackReader(Lang lang, LocalDate today) {
        this.lang = lang;
        this.today = java.util.Objects.requireNonNull(today, "today");
    }

    /** For the packs shipped inside BayCover: every check but the as-of bound (a wrong system clock must not hide them). */
    public static PackReader shipped(Lang lang) {
        return new PackReader(lang, LocalDate.MAX);
    }

    /** The result of reading one file: the pack when there were no problems, the checksum of its bytes. */
    public record Result(String file, Pack pack, String checksum, List<Problem> problems) {
        public boolean ok() { return pack != null && problems.isEmpty(); }
    }

    public Result read(Path path) {
        return read(path, ReferenceContext.EMPTY);
    }

    public Result read(Path path, ReferenceContext context) {
        String file = path.toString();
        byte[] bytes;
        try {
            bytes = BoundedInput.readAll(path, MAX_BYTES);
        } catch (IOException e) {
            return fail(file, null, "", unreadable(lang, e));
        }
        return read(file, bytes, context);
    }

    /**
     * Why a pack file could not be read, in the user's words: too large (by its size, or by the bytes read from a
     * device or pipe), missing, or the system's reason.
     */
    public static String unreadable(Lang lang, IOException e) {
        if (e instanceof BoundedInput.TooLarge) {
            BoundedInput.TooLarge t = (BoundedInput.TooLarge) e;
            return t.size() >= 0 ? I18n.get(lang, "pack.tooLarge", t.size() / (1024 * 1024), t.limitMb())
                    : I18n.get(lang, "pack.tooLargeRead", t.limitMb());
        }
        if (e instanceof NoSuchFileException) return I18n.get(lang, "pack.noSuchFile");
        return I18n.get(lang, "pack.unreadable", IoErrors.reason(e));
    }

    public Result read(String file, byte[] bytes, ReferenceContext context) {
        String checksum = sha256(bytes);
        String text;
        try {
            text = decode(bytes);
        } catch (CharacterCodingException e) {
            return fail(file, checksum, badByteAt(bytes), msg("pack.notUtf8"));
        } catch (IllegalArgumentException e) {
            return fail(file, checksum, "", msg("NUL".equals(e.getMessage()) ? "pack.nulBytes" : "pack.utf16"));
        }
        JsonNode root;
        try {
            root = CatalogJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return fail(file, checksum, JsonErrors.where(e), JsonErrors.describe(lang, e));
        }
        if (root == null || root.isMissingNode()) {
            return fail(file, checksum, "", msg("pack.empty"));
        }
        if (!root.isObject()) {
            return fail(file, checksum, "", msg("pack.notObject"));
        }
        JsonNode kindNode = root.path("pack").path("kind");
        PackKind kind = PackKind.fromCode(kindNode.isTextual() ? kindNode.asText() : null).orElse(null);
        if (kind == null) {
            return fail(file, checksum, "/pack/kind", msg("pack.unknownKind", kindNode.isMissingNode() ? "" : kindNode.toString()));
        }
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage m : schema(kind).validate(root)) {
            String pointer = pointerOf(m);
            problems.add(new Problem(file, pointer, schemaMessage(m, root.at(pointer.equals("/") ? "" : pointer))));
        }
        checkDates(file, root, "", problems);
        checkNumbers(file, root, "", problems);
        TextRules.check(file, lang, root, problems);
        new TreeChecks(file, lang, context, problems).run(root);
        if (!problems.isEmpty()) {
            problems.sort(Pointers.PROBLEMS);
            return new Result(file, null, checksum, List.copyOf(problems));
        }
        Pack pack;
        try {
            pack = CatalogJson.mapper().treeToValue(root, Pack.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String why = e instanceof JsonProcessingException ? JsonErrors.reason(lang, (JsonProcessingException) e) : msg("json.other");
            return fail(file, checksum, e instanceof JsonProcessingException ? JsonErrors.where((JsonProcessingException) e) : "", msg("pack.bind", why));
        }
        problems.addAll(new PackValidator(file, lang).validate(pack));
        return new Result(file, problems.isEmpty() ? pack : null, checksum, List.copyOf(problems));
    }

    // ------------------------------------------------------------------ streaming (imports)

    /** The record sections of a pack, in the order {@link Pack} lists them, with the type each record binds to. */
    public static final Map<String, Class<?>> SECTIONS = sections();

    private static Map<String, Class<?>> sections() {
        Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("institutions", Institution.class);
        m.put("items", RegulatedItem.class);
        m.put("totals", RunningTotal.class);
        m.put("products", Product.class);
        m.put("scenarios", Scenario.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Trees of one record at a time from one parser: the mapper's settings, minus the end-of-input check after each. */
    private static final ObjectReader RECORDS = CatalogJson.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** {@link #RECORDS} for each section's record type, made once. */
    private static final Map<Class<?>, ObjectReader> BINDERS = binders();

    private static Map<Class<?>, ObjectReader> binders() {
        Map<Class<?>, ObjectReader> m = new java.util.HashMap<>();
        for (Class<?> type : SECTIONS.values()) m.put(type, RECORDS.forType(type));
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A pack that passed every check of {@link #read} while streamed: its header as written (not yet filled by
     * {@link ScriptFiller}), the ids of its records by section (in file order) and how many records it has. The records
     * themselves are not kept: {@link #stream} reads them again, one at a time, to be written.
     */
    public record Checked(String file, String checksum, PackHeader header, Map<String, List<String>> ids, int records) {
        public List<String> ids(String section) {
            return ids.getOrDefault(section, List.of());
        }
    }

    /**
     * Checks a pack as {@link #read} does, one record at a time, holding only its header and its ids. Empty when the
     * pack has any problem, or is laid out in a way this reader does not stream (records before the header): then
     * {@link #read} reads the file as a whole and reports every problem with the same messages as ever. Never
     * present for a pack {@link #read} would refuse.
     */
    public Optional<Checked> check(String file, byte[] bytes, ReferenceContext context) {
        int offset;
        try {
            offset = textStart(bytes);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<Problem> problems = new ArrayList<>();
        StreamChecks checks = new StreamChecks(context);
        Map<String, List<String>> ids = new java.util.LinkedHashMap<>();
        int records = 0;
        // strict UTF-8 and the checksum (both slow without the JIT's intrinsics) are worked out beside the reading
        java.util.concurrent.FutureTask<String> checksum = new java.util.concurrent.FutureTask<>(() -> cleanUtf8(bytes) < 0 ? null : sha256(bytes));
        Thread summing = new Thread(checksum, "import-checksum");
        summing.setDaemon(true);
        summing.start();
        boolean[] clean = {true};
        int[] counted = {0};
        // records come back parsed and checked, in file order; the checks across records run here, in that order
        WorkAhead.Drain<Piece> drain = piece -> {
            if (piece == null) clean[0] = false;
            if (!clean[0]) return;
            for (JsonNode rec : piece.trees()) {
                if (!checks.record(piece.section(), rec)) {
                    clean[0] = false;
                    return;
                }
                JsonNode id = rec.get("id");
                if (id != null && id.isTextual()) ids.get(piece.section()).add(id.asText());
                counted[0]++;
            }
        };
        try (JsonParser p = RECORDS.createParser(bytes, offset, bytes.length - offset); WorkAhead<Piece> ahead = new WorkAhead<>(WINDOW)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
            ObjectNode skeleton = CatalogJson.mapper().createObjectNode();
            JsonNode header = null;
            PackKind kind = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("pack".equals(field) && header == null && value == JsonToken.START_OBJECT) {
                    header = RECORDS.readTree(p);
                    JsonNode kindNode = header.path("kind");
                    kind = PackKind.fromCode(kindNode.isTextual() ? kindNode.asText() : null).orElse(null);
                    if (kind == null) return Optional.empty();
                    skeleton.set(field, header);
                    continue;
                }
                Class<?> type = SECTIONS.get(field);
                if (kind == null || type == null || value != JsonToken.START_ARRAY || skeleton.has(field)) return Optional.empty();
                skeleton.putArray(field);
                JsonSchema itemSchema = itemSchema(kind, field);
                ids.put(field, new ArrayList<>());
                int[] spans = new int[2 * CHUNK];
                int n = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() != JsonToken.START_OBJECT) return Optional.empty();
                    spans[n++] = offset + (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    spans[n++] = offset + (int) p.currentTokenLocation().getByteOffset() + 1;
                    if (n == spans.length) {
                        ahead.submit(checkWork(file, itemSchema, field, type, bytes, spans, n), drain);
                        if (!clean[0]) return Optional.empty();
                        spans = new int[2 * CHUNK];
                        n = 0;
                    }
                }
                if (n > 0) ahead.submit(checkWork(file, itemSchema, field, type, bytes, spans, n), drain);
            }
            ahead.finish(drain);
            if (!clean[0]) return Optional.empty();
            records = counted[0];
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || header == null) return Optional.empty();
            if (!schema(kind).validate(skeleton).isEmpty()) return Optional.empty();
            checkDates(file, skeleton, "", problems);
            checkNumbers(file, skeleton, "", problems);
            TextRules.check(file, lang, skeleton, problems);
            if (!problems.isEmpty() || !checks.finish()) return Optional.empty();
            PackHeader bound = CatalogJson.mapper().treeToValue(header, PackHeader.class);
            String sum = checksum.get();
            if (sum == null) return Optional.empty();
            return Optional.of(new Checked(file, sum, bound, ids, records));
        } catch (Exception e) {
            // anything the streaming read cannot vouch for is read again as a whole, which names the problem
            return Optional.empty();
        }
    }

    /**
     * Records handed to another core at a time, and how many such pieces may be under way. Few: every record under way
     * is alive at each young collection and is copied by it (with 16 pieces, 1,024 records' trees made the import's
     * 160-odd young pauses 5 ms each and pushed enough into the old generation for five or six full collections).
     */
    private static final int CHUNK = 64;
    private static final int WINDOW = 4;

    /** Records of one section, parsed on a helper thread, in file order. */
    private record Piece(String section, List<JsonNode> trees) {
    }

    /**
     * One record's tree from its bytes ({@code from} to {@code to}, found by the reading thread without building it):
     * the same parser settings, so the same tree as the reading thread would have built.
     */
    private static JsonNode tree(byte[] bytes, int from, int to) throws IOException {
        try (JsonParser q = RECORDS.createParser(bytes, from, to - from)) {
            q.nextToken();
            JsonNode rec = RECORDS.readTree(q);
            if (q.nextToken() != null) throw new IOException("a record's bytes hold more than the record");
            return rec;
        }
    }

    /**
     * The per-record checks of a piece of records (schema, dates, numbers, texts, binding, record rules): their trees
     * when all are clean, null otherwise.
     */
    private java.util.concurrent.Callable<Piece> checkWork(String file, JsonSchema itemSchema, String field, Class<?> type, byte[] bytes,
                                                            int[] spans, int n) {
        return () -> {
            List<JsonNode> trees = new ArrayList<>(n / 2);
            for (int i = 0; i < n; i += 2) {
                JsonNode rec = tree(bytes, spans[i], spans[i + 1]);
                if (!rec.isObject() || !itemSchema.validate(rec).isEmpty() || !clean(rec, field)) return null;
                if (!recordRules(file, CatalogJson.mapper().treeToValue(rec, type)).isEmpty()) return null;
                trees.add(rec);
            }
            return new Piece(field, trees);
        };
    }

    /**
     * Whether a record's subtree passes the date, number and text checks of {@link #read} ({@code checkDates},
     * {@code checkNumbers}, {@link TextRules}), in one walk and without building pointers: only the answer is needed.
     */
    private boolean clean(JsonNode node, String field) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                JsonNode v = e.getValue();
                if (SafeText.check(key, TextRules.FIELD_NAME, false) != null) return false;
                if (v.isTextual() && DATE_FIELDS.contains(key)) {
                    String t = v.asText();
                    if (PartialDate.hasShape(t)) {
                        // a date of the right shape must be a real one, and an as-of date not in the future
                        if (!PartialDate.isValid(t)) return false;
                        if ("asOf".equals(key) && PartialDate.parse(t).earliest().isAfter(today)) return false;
                    }
                }
                if (!clean(v, TextRules.fieldOf(key, field))) return false;
            }
            return true;
        }
        if (node.isArray()) {
            for (JsonNode child : node) if (!clean(child, field)) return false;
            return true;
        }
        if (node.isTextual()) {
            TextRules.Rule r = TextRules.rule(field);
            return SafeText.check(node.asText(), r.max(), r.lineBreaks()) == null;
        }
        if (node.isNumber()) {
            java.math.BigDecimal v = node.decimalValue();
            return !(v.scale() > MAX_SCALE || v.precision() - v.scale() > MAX_DIGITS);
        }
        return true;
    }

    /** What {@link PackValidator} says about one bound record. */
    private List<Problem> recordRules(String file, Object record) {
        if (record instanceof Institution) {
            return new PackValidator(file, lang).validate(new Pack(null, List.of((Institution) record), null, null, null, null));
        }
        if (record instanceof Product) {
            return new PackValidator(file, lang).validate(new Pack(null, null, null, null, List.of((Product) record), null));
        }
        return List.of();
    }

    /** Receives a checked pack's header and records, bound and filled ({@link ScriptFiller}), one at a time. */
    public interface RecordSink<E extends Exception> {
        void header(PackHeader header) throws E;

        /**
         * What this sink works out from one record alone, on a helper thread, before {@link #record} gets it (null
         * unless overridden).
         */
        default Object prepare(String section, Object record) {
            return null;
        }

        /**
         * A record of {@code section} ({@link #SECTIONS}), its place in that section, the record, the record as
         * {@link CatalogJson#compact} writes it, and what {@link #prepare} made of it.
         */
        void record(String section, int index, Object record, String json, Object prepared) throws E;
    }

    /** A record bound, filled and written out as compact JSON, ready for the database. */
    private record Ready(String section, int index, Object record, String json, Object prepared) {
    }

    /**
     * Reads a pack that {@link #check} passed, handing its header, then each record, bound and filled exactly as
     * {@link #read} and {@link ScriptFiller#fill(Pack)} would have made it, to {@code sink}; holds one record at a time.
     */
    @SuppressWarnings("unchecked")
    public static <E extends Exception> void stream(byte[] bytes, RecordSink<E> sink) throws E {
        int offset = textStart(bytes);
        WorkAhead.Drain<List<Ready>> drain = ready -> {
            for (Ready r : ready) sink.record(r.section(), r.index(), r.record(), r.json(), r.prepared());
        };
        try (JsonParser p = RECORDS.createParser(bytes, offset, bytes.length - offset); WorkAhead<List<Ready>> ahead = new WorkAhead<>(WINDOW)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("pack".equals(field)) {
                    PackHeader header = CatalogJson.mapper().treeToValue(RECORDS.readTree(p), PackHeader.class);
                    sink.header(ScriptFiller.fill(header, PackHeader.class));
                    continue;
                }
                Class<Object> type = (Class<Object>) SECTIONS.get(field);
                int index = 0;
                int[] spans = new int[2 * CHUNK];
                int n = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    spans[n++] = offset + (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    spans[n++] = offset + (int) p.currentTokenLocation().getByteOffset() + 1;
                    index++;
                    if (n == spans.length) {
                        ahead.submit(bindWork(sink, field, type, index - n / 2, bytes, spans, n), drain);
                        spans = new int[2 * CHUNK];
                        n = 0;
                    }
                }
                if (n > 0) ahead.submit(bindWork(sink, field, type, index - n / 2, bytes, spans, n), drain);
            }
            ahead.finish(drain);
        } catch (IOException e) {
            throw new IllegalStateException("a checked pack could not be read again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a pack", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw (E) e; // the sink's own exception: the only checked one left
        }
    }

    /** Parses, binds, fills and writes out a piece of records that starts at {@code first} of its section. */
    private static java.util.concurrent.Callable<List<Ready>> bindWork(RecordSink<?> sink, String field, Class<Object> type, int first,
                                                                       byte[] bytes, int[] spans, int n) {
        return () -> {
            List<Ready> out = new ArrayList<>(n / 2);
            for (int i = 0; i < n; i += 2) {
                Object record = ScriptFiller.fill(bind(bytes, spans[i], spans[i + 1], type), type);
                out.add(new Ready(field, first + i / 2, record, CatalogJson.compact(record), sink.prepare(field, record)));
            }
            return out;
        };
    }

    /**
     * One record bound straight from its bytes, without the tree {@link #tree} would build first: the record is bound
     * again from its own tree by {@link ScriptFiller#fill(Object, Class)}, which normalises what a tree normalises
     * (numbers), so the filled record is the one the tree's binding gives ({@code StreamingImportTest} compares them).
     */
    private static <T> T bind(byte[] bytes, int from, int to, Class<T> type) throws IOException {
        try (JsonParser q = RECORDS.createParser(bytes, from, to - from)) {
            q.nextToken();
            T record = BINDERS.get(type).readValue(q);
            if (q.nextToken() != null) throw new IOException("a record's bytes hold more than the record");
            return record;
        }
    }

    /** The schema of one record of {@code section} in a pack of {@code kind}: the root schema's items for that array. */
    private synchronized JsonSchema itemSchema(PackKind kind, String section) {
        return itemSchemas.computeIfAbsent(kind.code() + "#" + section,
                k -> schemaAt("https://baycover.hk/schema/" + kind.code() + ".schema.json#/properties/" + section + "/items"));
    }

    private final Map<String, JsonSchema> itemSchemas = new java.util.HashMap<>();

    /**
     * Where the text of a pack's bytes starts (after a UTF-8 byte-order mark), when its bytes are what {@link #decode}
     * accepts (strict UTF-8, no UTF-16/32 mark, no NUL near the start); -1 otherwise. Decodes in small pieces: no String
     * of the whole file.
     */
    static int cleanUtf8(byte[] bytes) {
        int offset;
        try {
            offset = textStart(bytes);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) return -1;
            out.clear();
            if (r.isUnderflow()) break;
        }
        while (true) {
            CoderResult r = decoder.flush(out);
            if (r.isError()) return -1;
            out.clear();
            if (r.isUnderflow()) break;
        }
        return offset;
    }

    /** The schema's message, except for the commonest mistakes (a malformed date or id), which get a plain one. */
    private String schemaMessage(ValidationMessage m, JsonNode value) {
        if ("pattern".equals(m.getType()) && value.isTextual()) {
            String schemaAt = String.valueOf(m.getSchemaLocation());
            if (schemaAt.endsWith("/$defs/date/pattern")) return msg("pack.badDate", value.asText());
            if (schemaAt.endsWith("/$defs/id/pattern")) return msg("pack.badId", value.asText());
        }
        return m.getError();
    }

    /** The locale for the schema validator's messages: its bundles are zh_TW (Traditional) and zh_CN (Simplified). */
    static Locale schemaLocale(Lang lang) {
        switch (lang) {
            case ZH_HK: return Locale.TRADITIONAL_CHINESE;
            case ZH_CN: return Locale.SIMPLIFIED_CHINESE;
            default: return Locale.ROOT;
        }
    }

    /** Where the first byte that is not UTF-8 sits, as line:column (in characters), so the user can find it. */
    static String badByteAt(byte[] bytes) {
        int offset = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset), out, true);
        if (!result.isError()) return "";
        out.flip();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (out.length() - lineStart + 1);
    }

    private String pointerOf(ValidationMessage m) {
        String base = m.getInstanceLocation().toString();
        String property = m.getProperty();
        boolean namesChild = property != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()));
        if (base.equals("/") || base.isEmpty()) base = "";
        return namesChild ? base + "/" + property.replace("~", "~0").replace("/", "~1") : (base.isEmpty() ? "/" : base);
    }

    private void checkDates(String file, JsonNode node, String pointer, List<Problem> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String p = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                JsonNode v = e.getValue();
                if (DATE_FIELDS.contains(e.getKey()) && v.isTextual() && DATE_SHAPE.matcher(v.asText()).matches()
                        && !PartialDate.isValid(v.asText())) {
                    problems.add(new Problem(file, p, msg("pack.impossibleDate", v.asText())));
                } else if ("asOf".equals(e.getKey()) && v.isTextual() && PartialDate.isValid(v.asText())
                        && PartialDate.parse(v.asText()).earliest().isAfter(today)) {
                    // data cannot be "as of" a day that has not come: every plan would print it
                    problems.add(new Problem(file, p, msg("pack.futureAsOf", v.asText(), today)));
                }
                checkDates(file, v, p, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) checkDates(file, node.get(i), pointer + "/" + i, problems);
        }
    }

    /**
     * Numbers a pack could honestly carry: at most {@value #MAX_SCALE} decimal places and below 10^{@value #MAX_DIGITS}.
     * Anything else ("1e-999999999") would pass a range check yet make every later calculation or display explode.
     */
    private void checkNumbers(String file, JsonNode node, String pointer, List<Problem> problems) {
        if (node.isNumber()) {
            java.math.BigDecimal v = node.decimalValue();
            if (v.scale() > MAX_SCALE || v.precision() - v.scale() > MAX_DIGITS) {
                String shown = node.asText();
                problems.add(new Problem(file, pointer.isEmpty() ? "/" : pointer, msg("pack.numberRange", shown.length() > 24 ? shown.substring(0, 24) + "…" : shown)));
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                checkNumbers(file, e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) checkNumbers(file, node.get(i), pointer + "/" + i, problems);
        }
    }

    private static final int MAX_SCALE = 10;
    private static final int MAX_DIGITS = 16;

    private synchronized JsonSchema schema(PackKind kind) {
        return schemas.computeIfAbsent(kind, k -> {
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    b -> b.schemaMappers(m -> m.mapPrefix("https://baycover.hk/schema/", "classpath:data/schema/")));
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .locale(schemaLocale(lang))
                    .formatAssertionsEnabled(true)
                    .build();
            return factory.getSchema(SchemaLocation.of("https://baycover.hk/schema/" + k.code() + ".schema.json"), config);
        });
    }

    private JsonSchema schemaAt(String location) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix("https://baycover.hk/schema/", "classpath:data/schema/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(schemaLocale(lang))
                .formatAssertionsEnabled(true)
                .build();
        return factory.getSchema(SchemaLocation.of(location), config);
    }

    /**
     * The kind named in a pack's header ({@code /pack/kind}), read without building the whole tree, wherever the header
     * and the field sit in the file; empty when the bytes are not a readable pack. Packs imported together are read in
     * kind order (drugs-devices, products, scenarios) so that later kinds may name records of earlier ones.
     */
    public static Optional<PackKind> peekKind(byte[] bytes) {
        try (JsonParser p = CatalogJson.mapper().getFactory().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"pack".equals(field) || value != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("kind".equals(name) && v == JsonToken.VALUE_STRING) return PackKind.fromCode(p.getText());
                    p.skipChildren();
                }
                return Optional.empty();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Opens a shipped schema (for docs and tests). */
    public static InputStream schemaResource(PackKind kind) {
        return PackReader.class.getResourceAsStream("/data/schema/" + kind.code() + ".schema.json");
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        int offset = textStart(bytes);
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }

    /** Where the text starts (after a UTF-8 byte-order mark); IllegalArgumentException "NUL" or "UTF-16" as {@link #decode}. */
    private static int textStart(byte[] bytes) {
        int offset = 0;
        boolean utf32 = bytes.length >= 4 && ((bytes[0] == 0 && bytes[1] == 0 && bytes[2] == (byte) 0xFE && bytes[3] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE && bytes[2] == 0 && bytes[3] == 0));
        if (utf32) throw new IllegalArgumentException("NUL");
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new IllegalArgumentException("UTF-16");
        }
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            offset = 3;
        }
        // UTF-16 or UTF-32 without a byte-order mark, or a binary file: NUL bytes near the start
        for (int i = offset; i < Math.min(bytes.length, 4096); i++) if (bytes[i] == 0) throw new IllegalArgumentException("NUL");
        return offset;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Result fail(String file, String checksum, String pointer, String message) {
        return new Result(file, null, checksum, List.of(new Problem(file, pointer, message)));
    }

    private String msg(String key, Object... args) {
        return I18n.get(lang, key, args);
    }

    /** Re-serialises a tree; used by tests that build hostile packs from good ones. */
    public static ObjectNode copy(JsonNode node) {
        return (ObjectNode) node.deepCopy();
    }
}
