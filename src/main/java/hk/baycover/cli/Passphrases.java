package hk.baycover.cli;

import hk.baycover.io.BoundedInput;
import hk.baycover.io.IoErrors;
import hk.baycover.model.UserError;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the CLI gets a passphrase: a file (its first line, UTF-8, the line break not included) or an environment
 * variable — never a command-line argument, which other users can see in the process list.
 */
final class Passphrases {

    static final String ENV = "BAYCOVER_PASSPHRASE";
    static final String NEW_ENV = "BAYCOVER_NEW_PASSPHRASE";
    private static final long MAX_FILE = 4096;

    private Passphrases() {
    }

    /** {@code warn} receives the path of a file that other users may read. */
    static char[] read(Path file, String envName, Map<String, String> env, Consumer<Path> warn) {
        if (file != null) return fromFile(file, warn);
        String v = env.get(envName);
        if (v != null && !v.isEmpty()) return v.toCharArray();
        throw new UserError("trust.passphraseNeeded", envName);
    }

    private static char[] fromFile(Path file, Consumer<Path> warn) {
        byte[] bytes;
        try {
            if (!Files.exists(file)) throw new UserError("trust.passphraseFileMissing", file);
            if (Files.isRegularFile(file) && worldReadable(file)) warn.accept(file);
            bytes = BoundedInput.readAll(file, MAX_FILE);
        } catch (BoundedInput.TooLarge e) {
            throw new UserError("trust.passphraseFileTooLarge", file);
        } catch (IOException e) {
            throw new UserError(e, "trust.passphraseFileUnreadable", file, IoErrors.reason(e));
        }
        try {
            int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') end++;
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, end - start));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            Arrays.fill(chars.array(), '\0');
            if (out.length == 0) throw new UserError("trust.passphraseFileEmpty", file);
            return out;
        } catch (CharacterCodingException e) {
            throw new UserError("trust.passphraseFileNotUtf8", file);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static boolean worldReadable(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
