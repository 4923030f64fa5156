package ma.essp.diag.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of this process (every thread, user + system) and, on Linux, of other processes read from /proc. */
final class ProcessCpu {

    /** /proc counts in clock ticks of 1/100 s (USER_HZ, 100 on every Linux the bench runs on). */
    static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    /**
     * This process's CPU time so far, or -1 when the system does not tell it. Through {@code ProcessHandle} (java.base),
     * not {@code com.sun.management}: the installed app's trimmed runtime has no jdk.management module.
     */
    static long nanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    /**
     * Ticks of user and system time of process {@code pid} ({@code withChildren}: plus those of the children it waited
     * for); 0 when it is gone.
     */
    static long ticks(long pid, boolean withChildren) {
        String[] f = fields(pid);
        if (f == null) {
            return 0;
        }
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        return withChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks; // cutime, cstime
    }

    /** The parent of {@code pid}, or -1 when it is gone. */
    static long parent(long pid) {
        String[] f = fields(pid);
        return f == null ? -1 : Long.parseLong(f[1]);
    }

    /** The fields of /proc/PID/stat after the command name (the first is the state, field 3). */
    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (Exception e) {
            return null;
        }
    }
}
