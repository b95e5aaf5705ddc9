package hk.baycover.io;

import hk.baycover.model.UserError;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file could not be read or written, in the user's words ({@code io.*} keys) instead of the JDK's exception text
 * ("java.nio.file.AccessDeniedException: /x"). Callers log the exception itself.
 */
public final class IoErrors {

    private IoErrors() {
    }

    /** The reason, as a user error to put into a message ({@code Cannot write {0}: {1}}). */
    public static UserError reason(IOException e) {
        return new UserError(key(e));
    }

    static String key(IOException e) {
        if (e instanceof AccessDeniedException) return "io.accessDenied";
        if (e instanceof NoSuchFileException) return "io.noSuchFile";
        if (e instanceof NotDirectoryException) return "io.notFolder";
        if (e instanceof FileAlreadyExistsException) return "io.exists";
        if (e instanceof DirectoryNotEmptyException) return "io.isFolder";
        if (e instanceof FileSystemLoopException) return "io.loop";
        String text = String.valueOf(e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage())
                .toLowerCase(Locale.ROOT);
        if (text.contains("read-only")) return "io.readOnly";
        if (text.contains("no space") || text.contains("disk full") || text.contains("not enough space")) return "io.diskFull";
        if (text.contains("is a directory")) return "io.isFolder";
        if (text.contains("not a directory")) return "io.notFolder";
        if (text.contains("permission") || text.contains("access is denied") || text.contains("operation not permitted")) return "io.accessDenied";
        if (text.contains("name too long") || text.contains("filename") || text.contains("invalid")) return "io.badName";
        if (text.contains("being used by another process") || text.contains("locked")) return "io.inUse";
        return "io.failed";
    }
}
