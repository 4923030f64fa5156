package ma.essp.diag.database.demo;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputTarget;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.MissionFileException;
import ma.essp.diag.database.mission.SqlitePragmas;
import org.jooq.ConnectionProvider;

/**
 * Generates a deterministic, entirely synthetic demo mission: the real territory of the reference data (regions,
 * provinces, DRS/SRES/GST/délégations) filled with invented circonscriptions, communes, ESSPs, staff, SARA
 * assessments, data flows, complaints, perpetrator-care sites, training cohorts and findings. The same scale and
 * seed always give the same content (ids, uuids and values); nothing depends on the clock.
 *
 * <p>Labels: the mission row is flagged {@code synthetic = 1} with {@code demo_scale} and {@code demo_seed}, and its
 * name and description say "(synthétique)". Place and person names are invented from syllables and common words.
 *
 * <p>Codes:
 * <ul>
 *   <li>ESSP: the province code without its dots ({@code code_digits}: 5 digits, 9 for Casablanca's préfectures
 *   d'arrondissements), a hyphen and a 4-digit sequence within the province, e.g. {@code 01571-0007} or
 *   {@code 061410130-0012}: always matches {@code ^\d{5}(\d{4})?-\d{4}$};</li>
 *   <li>circonscription: {@code <code_digits>-C<2 digits>}, e.g. {@code 01571-C03}.</li>
 * </ul>
 * Casablanca's circonscriptions and ESSPs are placed in its 8 préfectures d'arrondissements, never in the parent
 * prefecture 06.141.
 *
 * <p>The file is written to a temporary file next to {@code out} in one transaction and moved onto {@code out} only
 * when complete ({@link AtomicOutput}); on failure or cancellation (thread interrupt, checked between steps) no file
 * is left behind. {@code overwrite} replaces a regular file only, never a folder, a device or a pipe.
 */
public final class DemoMissionGenerator {

    public static final long DEFAULT_SEED = 2026;

    /** Same as {@link #generate(Path, DemoScale, long, boolean, DemoProgress)} refusing an existing {@code out}. */
    public DemoSummary generate(Path out, DemoScale scale, long seed, DemoProgress progress) throws IOException {
        return generate(out, scale, seed, false, progress);
    }

    /**
     * Generates a demo mission into {@code out}.
     *
     * @param overwrite replace {@code out} if it exists; otherwise an existing file is refused, left untouched
     * @param progress  receives each step; may be {@link DemoProgress#NONE}
     * @throws FileAlreadyExistsException if {@code out} exists and {@code overwrite} is false
     * @throws CancellationException      if the thread was interrupted (the interrupt flag stays set)
     * @throws IOException                if the file cannot be written, or {@code out} is refused
     *                                    ({@link ma.essp.diag.database.files.OutputRefusedException})
     */
    public DemoSummary generate(Path out, DemoScale scale, long seed, boolean overwrite, DemoProgress progress)
            throws IOException {
        return generate(out, scale, seed, overwrite, null, progress);
    }

    /**
     * Generates a demo mission into {@code out} whose rows name {@code author} (a full name, null for the synthetic
     * team leader) as the team member who wrote them; the author is the mission's team leader.
     */
    public DemoSummary generate(Path out, DemoScale scale, long seed, boolean overwrite, String author,
                                DemoProgress progress) throws IOException {
        if (author != null && author.isBlank()) {
            throw new IllegalArgumentException("the author needs a name");
        }
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(scale, "scale");
        DemoProgress listener = progress == null ? DemoProgress.NONE : progress;
        long start = System.nanoTime();
        Path target = out.toAbsolutePath();
        if (Files.exists(target) && !overwrite) {
            throw new FileAlreadyExistsException(target.toString(), null, "the demo mission file already exists");
        }
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        // --force replaces a regular file only (an older demo mission is the usual case), never a folder or a device
        OutputTarget.Policy policy = overwrite ? OutputTarget.Policy.ANY_REGULAR_FILE : OutputTarget.Policy.OUTPUT;
        AtomicReference<Map<String, Integer>> counts = new AtomicReference<>();
        AtomicOutput.write(target, policy, part -> {
            try (MissionFile mission = MissionFile.create(part)) {
                ConnectionProvider provider = mission.dsl().configuration().connectionProvider();
                Connection connection = provider.acquire();
                try {
                    counts.set(new Generation(connection, scale, seed, author == null ? null : author.strip(), listener).run());
                    SqlitePragmas.checkpoint(connection);
                } finally {
                    provider.release(connection);
                }
            } catch (MissionFileException e) {
                throw new IOException(e.getMessage(), e);
            } catch (SQLException e) {
                throw new IOException("cannot generate the demo mission: " + e.getMessage(), e);
            }
            checkInterrupted();
            deleteSidecars(part);
        });
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        listener.step("Terminé", 1.0);
        return new DemoSummary(target, scale, seed, counts.get(), elapsed);
    }

    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("demo generation cancelled");
        }
    }

    private static void deleteSidecars(Path part) throws IOException {
        Files.deleteIfExists(part.resolveSibling(part.getFileName() + "-wal"));
        Files.deleteIfExists(part.resolveSibling(part.getFileName() + "-shm"));
    }

    /**
     * Usage: {@code OUT small|region|national [SEED]} (default seed {@value #DEFAULT_SEED}); an existing OUT is
     * replaced. The app build calls it to bundle the small demo mission.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            // no System.exit: the Maven build runs this in its own JVM (exec:java)
            throw new IllegalArgumentException("usage: DemoMissionGenerator OUT small|region|national [SEED]");
        }
        Path out = Path.of(args[0]);
        DemoScale scale = DemoScale.parse(args[1]);
        long seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        long start = System.nanoTime();
        DemoProgress log = (what, fraction) -> System.out.printf("  %3.0f %% %-45s %6d ms%n", fraction * 100, what,
                (System.nanoTime() - start) / 1_000_000);
        DemoSummary summary = new DemoMissionGenerator().generate(out, scale, seed, true, log);
        System.out.printf("Demo mission %s (%s, seed %d): %d rows in %d ms%n", summary.file(), scale.code(), seed,
                summary.totalRows(), summary.elapsed().toMillis());
    }
}
