package ma.essp.diag.app.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one process of the cold bench and measures it from the outside. Under {@code /usr/bin/time} when there is one
 * (the kernel's CPU time and peak RSS of the process); its output goes to a file of the scratch folder, shown when it
 * fails.
 */
final class ColdProcess {

    private static final Path TIME = Path.of("/usr/bin/time");

    private final Path scratch;
    private final Map<String, String> environment;

    /** @param environment added to (and overriding) the bench's own environment for every process */
    ColdProcess(Path scratch, Map<String, String> environment) {
        this.scratch = scratch;
        this.environment = environment;
    }

    static boolean measuresMemory() {
        return Files.isExecutable(TIME);
    }

    /** The command as started: under {@code /usr/bin/time -f FORMAT -o timeFile} when {@code time} is not null. */
    static List<String> wrapped(List<String> command, Path time, Path timeFile) {
        if (time == null) {
            return List.copyOf(command);
        }
        List<String> all = new ArrayList<>(List.of(time.toString(), "-f", ColdRun.TIME_FORMAT, "-o", timeFile.toString()));
        all.addAll(command);
        return all;
    }

    /** Runs {@code command} to its end; a non-zero exit code is a failure of the bench. */
    ColdRun run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        return start(command, timeout, null, null);
    }

    /**
     * Starts {@code command} and measures it until {@code marker} appears in the text appended to {@code log} after
     * the start; then ends it (its whole process tree).
     */
    ColdRun runUntil(List<String> command, Path log, String marker, Duration timeout) throws IOException, InterruptedException {
        return start(command, timeout, log, marker);
    }

    private ColdRun start(List<String> command, Duration timeout, Path log, String marker) throws IOException, InterruptedException {
        Path timeFile = scratch.resolve("time.txt");
        Path output = scratch.resolve("output.txt");
        Files.deleteIfExists(timeFile);
        long logStart = log != null && Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(wrapped(command, measuresMemory() ? TIME : null, timeFile))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        long deadline = System.nanoTime() + timeout.toNanos();
        long start = System.nanoTime();
        Process process = builder.start();
        long end;
        if (marker == null) {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                throw new IOException("timed out after " + timeout + ": " + String.join(" ", command));
            }
            end = System.nanoTime();
            if (process.exitValue() != 0) {
                throw new IOException("exit code " + process.exitValue() + " from " + String.join(" ", command) + ":\n"
                        + tail(output));
            }
        } else {
            while (!appended(log, logStart).contains(marker)) {
                if (!process.isAlive()) {
                    throw new IOException("ended (exit code " + process.exitValue() + ") before logging \"" + marker + "\": "
                            + String.join(" ", command) + ":\n" + tail(output));
                }
                if (System.nanoTime() > deadline) {
                    stop(process);
                    throw new IOException("no \"" + marker + "\" in " + log + " after " + timeout);
                }
                Thread.sleep(5);
            }
            end = System.nanoTime();
            stop(process);
        }
        long[] measured = Files.exists(timeFile)
                ? ColdRun.parseTime(Files.readString(timeFile, StandardCharsets.UTF_8)) : new long[] {-1, -1};
        return new ColdRun(end - start, measured[0], measured[1], marker == null ? process.exitValue() : 0);
    }

    /** Ends the process and its children (the JVM under /usr/bin/time), and waits for them. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, 20, TimeUnit.SECONDS).join();
            child.destroyForcibly();
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String appended(Path log, long from) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long start = length < from ? 0 : from; // rolled over meanwhile: the new file is all appended
            if (length == start) {
                return "";
            }
            byte[] bytes = new byte[(int) (length - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String tail(Path output) throws IOException {
        String text = Files.readString(output, StandardCharsets.UTF_8);
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
