package hk.baycover.trust;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a child JVM on the test class path (for locks held by another process and for kill -9 runs). */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    public static ProcessBuilder builder(Class<?> main, List<String> args, Map<String, String> env) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(main.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return pb;
    }

    public static Process start(Class<?> main, List<String> args, Map<String, String> env, File log) throws IOException {
        ProcessBuilder pb = builder(main, args, env);
        pb.redirectErrorStream(true);
        if (log != null) pb.redirectOutput(log);
        return pb.start();
    }
}
