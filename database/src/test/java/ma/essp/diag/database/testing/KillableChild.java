package ma.essp.diag.database.testing;

import static ma.essp.diag.database.jooq.Tables.ESSP;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import org.jooq.Field;

/**
 * A separate process for the kill -9 tests: {@code KillableChild OPERATION MISSION [ARG...]} opens the mission, prints
 * {@code STARTED}, runs the operation and prints {@code DONE} after it committed. The operation prints
 * {@code WORKING} once its transaction has written something, so the test knows when a kill falls in the middle.
 * OPERATION is a built-in name ({@value #EDIT_ESSPS}) or the class name of an {@link Operation} with a no-argument
 * constructor on the child's class path (an import or a merge from another module's tests).
 */
public final class KillableChild {

    /** Sets every ESSP's population, {@value #ROUNDS} times each, in one SyncedRows transaction. */
    public static final String EDIT_ESSPS = "edit-essps";
    public static final int ROUNDS = 600;

    /** One operation on an open mission; prints {@code WORKING} (flushed) once it has written inside its transaction. */
    public interface Operation {
        void run(MissionFile mission, List<String> args) throws Exception;
    }

    private KillableChild() {
    }

    public static void main(String[] args) throws Exception {
        Operation operation = args[0].equals(EDIT_ESSPS) ? KillableChild::editEssps
                : (Operation) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        try (MissionFile mission = MissionFile.open(Path.of(args[1]), Path.of(args[1]).resolveSibling("schema-backups"))) {
            System.out.println("STARTED");
            System.out.flush();
            operation.run(mission, List.of(args).subList(2, args.length));
            System.out.println("DONE");
            System.out.flush();
        }
    }

    /**
     * Starts {@code KillableChild operation mission args...} in a new JVM with this one's class path, its output and
     * errors merged (read them with {@link #waitFor}).
     */
    public static Process start(String operation, Path mission, String... args) throws java.io.IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                KillableChild.class.getName(), operation, mission.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the child's output up to the line {@code wanted}, adding every line read to {@code seen}. */
    public static void waitFor(Process p, String wanted, List<String> seen) throws java.io.IOException {
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            seen.add(line);
            if (line.equals(wanted)) {
                return;
            }
        }
        throw new AssertionError("the child ended without " + wanted + ": " + seen);
    }

    /** {@code PRAGMA integrity_check} of a mission file: "ok" when the file is intact. */
    public static String integrity(Path mission) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + mission);
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The population every ESSP has once {@link #EDIT_ESSPS} committed. */
    public static int finalPopulation(int round) {
        return 100_000 + round;
    }

    private static void editEssps(MissionFile mission, List<String> args) {
        EditContext edit = EditContext.system("killable-child");
        mission.dsl().transaction(cfg -> {
            Map<Integer, Integer> versions = new LinkedHashMap<>();
            cfg.dsl().select(ESSP.ID, ESSP.VERSION).from(ESSP).forEach(r -> versions.put(r.value1(), r.value2()));
            for (int round = 1; round <= ROUNDS; round++) {
                for (Map.Entry<Integer, Integer> essp : versions.entrySet()) {
                    Map<Field<?>, Object> change = Map.of(ESSP.POPULATION_SERVED, finalPopulation(round));
                    essp.setValue(SyncedRows.update(cfg.dsl(), edit, ESSP, essp.getKey(), essp.getValue(), change));
                }
                if (round == 1) {
                    System.out.println("WORKING");
                    System.out.flush();
                }
            }
        });
    }
}
