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
