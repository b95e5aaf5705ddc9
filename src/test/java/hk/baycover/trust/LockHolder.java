package hk.baycover.trust;

import java.nio.file.Path;

/** Child process for the lock tests: takes the data folder in the given mode, says so, and holds it until stdin closes. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(Path.of(args[0]), DataDirLock.Mode.valueOf(args[1]))) {
            System.out.println("LOCKED " + ProcessHandle.current().pid() + " " + lock.mode());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin (or kills us)
            }
        }
    }
}
