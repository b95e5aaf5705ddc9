package hk.baycover.io;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Lang;
import hk.baycover.model.UserError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one way to write a file: the data folder's own files are refused however they are named; writes are all or nothing. */
class SafeFilesTest {

    @TempDir
    Path tmp;
    Path data;
    SafeFiles files;

    @BeforeEach
    void folder() throws IOException {
        data = tmp.resolve("data");
        Files.createDirectories(data.resolve("logs"));
        Files.createDirectories(data.resolve("backups"));
        for (String f : List.of("baycover.db", "baycover.db-wal", "baycover.db-shm", ".lock", "settings.json")) Files.writeString(data.resolve(f), "live");
        Files.writeString(data.resolve("backups").resolve("auto-1.db"), "backup");
        files = SafeFiles.forDataDir(data);
    }

    private void refused(Path target, String part) {
        UserError e = assertThrows(UserError.class, () -> files.writeString(target, "overwritten"), target.toString());
        assertEquals("file.protected", e.key(), target.toString());
        String text = I18n.message(Lang.EN, e);
        assertTrue(text.contains(I18n.get(Lang.EN, part)), text);
        assertTrue(text.contains(target.toString()), text);
    }

    @Test
    void theDataFolderOwnFilesAreRefusedUnderEveryName() throws IOException {
        refused(data.resolve("baycover.db"), "file.part.database");
        refused(data.resolve("baycover.db-wal"), "file.part.database");
        refused(data.resolve("baycover.db-shm"), "file.part.database");
        refused(data.resolve("baycover.db-journal"), "file.part.database");
        refused(data.resolve("BayCover.DB"), "file.part.database");
        refused(data.resolve(".lock"), "file.part.lock");
        refused(data.resolve("settings.json"), "file.part.settings");
        refused(data.resolve("logs").resolve("x.csv"), "file.part.logs");
        refused(data.resolve("logs"), "file.part.logs");
        refused(data.resolve("backups").resolve("auto-1.db"), "file.part.backups");
        refused(data.resolve("backups").resolve("new").resolve("x.pdf"), "file.part.backups");
        refused(tmp.resolve("elsewhere").resolve("..").resolve("data").resolve("baycover.db"), "file.part.database");
        refused(data.resolve("logs").resolve("..").resolve(".lock"), "file.part.lock");
        // through links: to the file, to the folder, a dangling one into the backups folder, a hard link
        Path link = Files.createSymbolicLink(tmp.resolve("report.csv"), data.resolve("baycover.db"));
        refused(link, "file.part.database");
        Path dirLink = Files.createSymbolicLink(tmp.resolve("d"), data);
        refused(dirLink.resolve("baycover.db-wal"), "file.part.database");
        refused(dirLink.resolve("backups").resolve("x.db"), "file.part.backups");
        Path dangling = Files.createSymbolicLink(tmp.resolve("later.csv"), data.resolve("backups").resolve("not-yet.db"));
        refused(dangling, "file.part.backups");
        Path hard = Files.createLink(tmp.resolve("hard.db"), data.resolve("baycover.db"));
        refused(hard, "file.part.database");
        // the data folder's contents are exactly as they were
        for (String f : List.of("baycover.db", "baycover.db-wal", "baycover.db-shm", ".lock", "settings.json")) {
            assertEquals("live", Files.readString(data.resolve(f)), f);
        }
        assertEquals("backup", Files.readString(data.resolve("backups").resolve("auto-1.db")));
        try (Stream<Path> s = Files.list(data.resolve("backups"))) {
            assertEquals(1, s.count(), "nothing added to the backups folder");
        }
        assertFalse(Files.exists(data.resolve("backups").resolve("new")));
    }

    @Test
    void otherFilesInTheDataFolderAndElsewhereAreWritten() throws IOException {
        files.writeString(data.resolve("my-export.csv"), "a");
        files.writeString(tmp.resolve("out").resolve("deep").resolve("x.csv"), "b");
        assertEquals("a", Files.readString(data.resolve("my-export.csv")));
        assertEquals("b", Files.readString(tmp.resolve("out").resolve("deep").resolve("x.csv")));
        assertEquals("file.isFolder", assertThrows(UserError.class, () -> files.writeString(tmp.resolve("out"), "c")).key());
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = tmp.resolve("report.csv");
        Files.writeString(target, "old");
        assertThrows(IllegalStateException.class, () -> files.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("boom");
        }));
        assertEquals("old", Files.readString(target));
        UserError e = assertThrows(UserError.class, () -> files.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new AccessDeniedException(target.toString());
        }));
        assertEquals("file.cannotWrite", e.key());
        assertEquals("Cannot write " + target + ": permission denied. Nothing was written.", I18n.message(Lang.EN, e));
        assertEquals("old", Files.readString(target));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("data", "report.csv"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aBatchWritesEverythingOrNothing() throws IOException {
        Path out = tmp.resolve("export");
        Files.createDirectories(out);
        Files.writeString(out.resolve("b.json"), "old b");
        Files.createDirectories(out.resolve("d.json"));    // a folder where a file should go
        UserError e = assertThrows(UserError.class, () -> files.batch()
                .add(out.resolve("a.json"), o -> o.write('a'))
                .add(out.resolve("b.json"), o -> o.write('b'))
                .add(out.resolve("c.json"), o -> o.write('c'))
                .add(out.resolve("d.json"), o -> o.write('d'))
                .commit());
        assertEquals("file.isFolder", e.key());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("b.json", "d.json"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("old b", Files.readString(out.resolve("b.json")));

        // a writer failing half-way through: the files already staged are dropped, nothing is moved in
        assertThrows(UserError.class, () -> files.batch()
                .add(out.resolve("a.json"), o -> o.write('a'))
                .add(out.resolve("b.json"), o -> o.write('b'))
                .add(out.resolve("c.json"), o -> {
                    throw new FileSystemException(out.resolve("c.json").toString(), null, "No space left on device");
                })
                .commit());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("b.json", "d.json"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("old b", Files.readString(out.resolve("b.json")));

        List<Path> written = files.batch().add(out.resolve("a.json"), o -> o.write('a')).add(out.resolve("b.json"), o -> o.write('b')).commit();
        assertEquals(2, written.size());
        assertEquals("b", Files.readString(out.resolve("b.json")));
    }

    @Test
    void aBatchThatFailsWhileMovingPutsBackWhatWasThere() throws IOException {
        Path out = tmp.resolve("export2");
        Files.createDirectories(out);
        Files.writeString(out.resolve("a.json"), "old a");
        // the second target's folder disappears after staging: its move fails, the first file is put back
        Path sub = out.resolve("sub");
        Files.createDirectories(sub);
        UserError e = assertThrows(UserError.class, () -> files.batch()
                .add(out.resolve("a.json"), o -> o.write('a'))
                .add(sub.resolve("b.json"), o -> {
                    o.write('b');
                    o.flush();
                })
                .add(out.resolve("c.json"), o -> {
                    // by now b's temporary file exists; take its folder away so moving it in fails
                    try (Stream<Path> s = Files.list(sub)) {
                        for (Path p : s.toList()) Files.delete(p);
                    }
                    Files.delete(sub);
                    Files.writeString(sub, "a file where the folder was");
                    o.write('c');
                })
                .commit());
        assertEquals("file.cannotWrite", e.key());
        assertEquals("old a", Files.readString(out.resolve("a.json")));
        assertFalse(Files.exists(out.resolve("c.json")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("a.json", "sub"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void ioReasonsAreInTheUsersWords() {
        assertEquals("io.accessDenied", IoErrors.key(new AccessDeniedException("/x")));
        assertEquals("io.noSuchFile", IoErrors.key(new NoSuchFileException("/x")));
        assertEquals("io.diskFull", IoErrors.key(new FileSystemException("/x", null, "No space left on device")));
        assertEquals("io.readOnly", IoErrors.key(new FileSystemException("/x", null, "Read-only file system")));
        assertEquals("io.failed", IoErrors.key(new IOException("java.lang.Weird: internal")));
        for (Lang lang : Lang.values()) {
            String text = I18n.message(lang, new UserError("file.cannotWrite", "/x", IoErrors.reason(new AccessDeniedException("/x"))));
            assertFalse(text.contains("Exception") || text.contains("io.") || text.contains("{"), text);
        }
    }
}
