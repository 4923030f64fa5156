package ma.essp.diag.database.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What every part of one generation shares: the connection, the scale and seed, the seeded streams (values, uuids,
 * names), the stamps (the generating member's uuid) and the batched inserts, one per table in the order the parts first
 * write them. The parts draw from the one value stream in turn, so their order in {@link Generation} is part of the
 * content a seed gives.
 */
final class GenerationContext {

    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    private final Connection connection;
    private final DemoScale scale;
    private final long seed;
    private final SplittableRandom random;
    private final SplittableRandom uuids;
    private final Names names;
    private final String author;
    private final String authorUuid;
    private final Map<String, Rows> rows = new LinkedHashMap<>();

    /**
     * @param author the full name of the team member who generates the mission (every row names them), or null for
     *               the synthetic team leader
     */
    GenerationContext(Connection connection, DemoScale scale, long seed, String author) {
        this.connection = connection;
        this.author = author;
        // its own stream, so that the other uuids stay what they were before rows named their author
        this.authorUuid = Rows.uuid(new SplittableRandom(seed ^ 0x5EED_A07B_0000_0001L));
        this.scale = scale;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.uuids = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x5DEECE66DL);
        this.names = new Names(random);
    }

    Connection connection() {
        return connection;
    }

    DemoScale scale() {
        return scale;
    }

    long seed() {
        return seed;
    }

    /** The value stream: every draw of every part comes from it, in order. */
    SplittableRandom random() {
        return random;
    }

    /** The uuid stream of the rows. */
    SplittableRandom uuids() {
        return uuids;
    }

    /** Synthetic names, drawn from the value stream. */
    Names names() {
        return names;
    }

    /** The generating member's full name given by the caller, or null for the synthetic team leader. */
    String author() {
        return author;
    }

    /** The generating member's uuid: every row's updated_by. */
    String authorUuid() {
        return authorUuid;
    }

    /** The batched inserts into {@code table} (created with its columns on first use). */
    Rows rows(String table, String... columns) throws SQLException {
        Rows existing = rows.get(table);
        if (existing == null) {
            existing = new Rows(connection, uuids, authorUuid, table, columns);
            rows.put(table, existing);
        }
        return existing;
    }

    /**
     * As {@link #rows}, for a table added after the demo's content was pinned, whose uuids come from a stream of their
     * own ({@code salt}), so that the uuids of every other table stay what they were.
     */
    Rows rowsWithOwnUuids(long salt, String table, String... columns) throws SQLException {
        Rows existing = rows.get(table);
        if (existing == null) {
            existing = new Rows(connection, new SplittableRandom(seed ^ salt), authorUuid, table, columns);
            rows.put(table, existing);
        }
        return existing;
    }

    /** Every table written so far, in the order first written. */
    Collection<Rows> tables() {
        return rows.values();
    }

    // ------------------------------------------------------------------ draws

    double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double gaussian() {
        return gaussianOf(random);
    }

    static double gaussianOf(SplittableRandom stream) {
        // Box-Muller on the seeded stream, with StrictMath so that every JVM and CPU gives the same values
        double u = 1.0 - stream.nextDouble();
        double v = stream.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }

    int between(int low, int highInclusive) {
        return low + random.nextInt(highInclusive - low + 1);
    }

    LocalDate dateBetween(LocalDate from, LocalDate toInclusive) {
        long days = toInclusive.toEpochDay() - from.toEpochDay();
        return from.plusDays(days <= 0 ? 0 : random.nextLong(days + 1));
    }

    /** Index drawn with the given (non-negative) weights. */
    int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    static double round(double value, int decimals) {
        double factor = StrictMath.pow(10, decimals);
        return Math.round(value * factor) / factor;
    }
}
