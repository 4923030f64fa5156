package ma.essp.diag.database.merge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import ma.essp.diag.database.repository.SyncedRows;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * One side of a merge: the rows of the merged tables that the analysis needs, by uuid, their compared columns as
 * text (as the audit writes values, {@link SyncedRows#auditText}), an integer foreign key replaced by the uuid of the
 * row it points to, so that the two files compare without their local ids. Nothing here depends on SQLite: any jOOQ
 * connection to the schema reads the same.
 *
 * <p>Not every row is held: a national mission has half a million rows, and two copies of it read whole took about
 * 1.5 GB of heap. Held are the ids and uuids of the tables other tables point to (to compare and write foreign keys),
 * {@code merge_alias} whole, and the rows {@link #load loaded} by the analysis: the rows that differ between the two
 * sides, found by {@link #join} streaming both sides table by table (in id order, the rows whose ids differ then by
 * uuid) and comparing the values as the driver returns them (equal there is equal as text), the rows only one side
 * has, and the rows an alias involves.
 */
final class Side {

    /** One row: its local id and version, and its compared values (column name to text). */
    record Row(String table, String uuid, int id, int version, Map<String, String> values) {
        boolean deleted() {
            return "true".equals(values.get("deleted"));
        }
    }

    /** Rows are fetched by uuid this many at a time (SQLite's limit of bound values is far above it). */
    private static final int CHUNK = 500;

    private final DSLContext dsl;
    private final MergeTables tables;
    /** The rows held, per table, in id order. */
    private final Map<String, Map<String, Row>> rows = new HashMap<>();
    private final Map<String, Map<String, Integer>> idsByUuid = new HashMap<>();
    private final Map<String, Map<Integer, String>> uuidsById = new HashMap<>();

    private Side(DSLContext dsl, MergeTables tables) {
        this.dsl = dsl;
        this.tables = tables;
    }

    /** Every row of every merged table, held (what the merge no longer does: for tests comparing whole files). */
    static Side whole(DSLContext dsl, MergeTables tables) {
        Side side = read(dsl, tables, null);
        tables.inForeignKeyOrder().forEach(side::loadAll);
        return side;
    }

    /**
     * Opens a side for the tables named in {@code only} (null: every table): reads the ids and uuids of the tables
     * they point to and {@code merge_alias} whole (the aliases every comparison needs) unless {@code only} is empty.
     * The rows themselves are read by {@link #join}, {@link #load} and {@link #loadAll}. An empty {@code only} reads
     * nothing.
     */
    static Side read(DSLContext dsl, MergeTables tables, Set<String> only) {
        Side side = new Side(dsl, tables);
        Set<String> idTables = new HashSet<>();
        boolean alias = false;
        for (Table<?> table : tables.inForeignKeyOrder()) {
            if (only == null || only.contains(table.getName()) || (!only.isEmpty() && table.getName().equals("merge_alias"))) {
                alias |= table.getName().equals("merge_alias");
                tables.references(table).values().forEach(t -> idTables.add(t.getName()));
            }
        }
        for (Table<?> table : tables.inForeignKeyOrder()) {
            if (!idTables.contains(table.getName())) {
                continue;
            }
            Map<Integer, String> uuids = new HashMap<>();
            Map<String, Integer> ids = new HashMap<>();
            Field<Integer> id = field(table, "id", Integer.class);
            Field<String> uuid = field(table, "uuid", String.class);
            dsl.select(id, uuid).from(table).forEach(r -> {
                uuids.put(r.value1(), r.value2());
                ids.put(r.value2(), r.value1());
            });
            side.uuidsById.put(table.getName(), uuids);
            side.idsByUuid.put(table.getName(), ids);
        }
        if (alias) {
            side.loadAll(tables.table("merge_alias"));
        }
        return side;
    }

    // ------------------------------------------------------------------ reading rows as text

    /** Every row of {@code table}, held (the old whole read, for small tables and the rare fallback of {@link #join}). */
    void loadAll(Table<?> table) {
        Map<String, Row> byUuid = new LinkedHashMap<>();
        readRows(table, tables.compared(table), DSL.noCondition(), r -> byUuid.put(r.uuid(), r));
        rows.put(table.getName(), byUuid);
    }

    /** The rows of {@code table} known here under {@code uuids} (those that exist), held with those already held. */
    void load(Table<?> table, Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return;
        }
        List<Row> read = new ArrayList<>(rows(table.getName()).values());
        Set<String> held = new HashSet<>(rows(table.getName()).keySet());
        List<String> wanted = uuids.stream().filter(u -> u != null && !held.contains(u)).distinct().toList();
        Field<String> uuid = field(table, "uuid", String.class);
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            readRows(table, tables.compared(table), uuid.in(wanted.subList(from, Math.min(wanted.size(), from + CHUNK))),
                    read::add);
        }
        read.sort(Comparator.comparingInt(Row::id));
        Map<String, Row> byUuid = new LinkedHashMap<>();
        read.forEach(r -> byUuid.put(r.uuid(), r));
        rows.put(table.getName(), byUuid);
    }

    /**
     * The rows of {@code table} matching {@code where}, in id order, with the {@code columns} given (text, foreign keys
     * as uuids): a cursor, so that a national table is read without holding it.
     */
    void readRows(Table<?> table, List<Field<?>> columns, Condition where, Consumer<Row> each) {
        String[] names = new String[columns.size()];
        Map<Integer, String>[] targets = targets(columns, tables.references(table), names);
        List<Field<?>> read = new ArrayList<>(List.of(field(table, "id", Integer.class), field(table, "uuid", String.class),
                field(table, "version", Integer.class)));
        read.addAll(columns);
        try (Cursor<Record> cursor = dsl.select(read).from(table).where(where).orderBy(field(table, "id", Integer.class))
                .fetchLazy()) {
            for (Record r : cursor) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < names.length; i++) {
                    Object value = r.get(3 + i);
                    if (targets[i] != null && value != null) {
                        values.put(names[i], targets[i].get(((Number) value).intValue()));
                    } else {
                        values.put(names[i], SyncedRows.auditText(value));
                    }
                }
                each.accept(new Row(table.getName(), (String) r.get(1), (Integer) r.get(0), (Integer) r.get(2), values));
            }
        }
    }

    /** For each column its name, and for an integer foreign key the uuids of the table it points to (else null). */
    @SuppressWarnings("unchecked")
    private Map<Integer, String>[] targets(List<Field<?>> columns, Map<String, Table<?>> references, String[] names) {
        Map<Integer, String>[] targets = new Map[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            names[i] = columns.get(i).getName();
            Table<?> target = references.get(names[i]);
            targets[i] = target == null ? null : uuidsById.get(target.getName());
        }
        return targets;
    }

    // ------------------------------------------------------------------ the streaming comparison

    /**
     * The id walk gives up for the uuid walk once more than a quarter of the rows seen, and at least this many, sit
     * at ids that hold another uuid (or no row) on the other side: the two sides do not share their ids (e.g. a
     * server that numbered the rows itself), and holding those uuids would cost more than walking in uuid order.
     */
    static final int ID_WALK_TRIAL = 1_000;

    /**
     * Compares {@code table} on both sides without holding it and then {@link #load loads} on each side what the
     * analysis must see: the rows whose values differ (a difference here may still be none as text, e.g. an integer
     * and a real of the same value: the analysis decides), the rows of {@code theirs} that {@code mine} lacks, and the
     * rows under a uuid in {@code involved} (aliases and the rows they name, matched through them). A row that is the
     * same on both sides is never held. Rows are matched by uuid; how they are found:
     *
     * <ol>
     *   <li>Both sides read <b>in id order</b> and walked together ({@link #walkById}): two copies of one mission
     *       share the ids of every row that existed when they were copied, and the read in id order is a sequential
     *       scan of the table (in uuid order each row is a lookup through the index, about seven times the work on a
     *       national table). A pair at the same id with the same uuid is compared at once, each pair's compared
     *       columns as the driver returns them (a foreign key as the canonical uuid of the row it points to).</li>
     *   <li>The rows whose id holds another uuid on the other side, or no row (created on one side after the copy,
     *       or brought by an earlier merge at another id), are then matched by uuid, 500 at a time
     *       ({@link #matchByUuid}), and decided as the uuid walk decides them.</li>
     *   <li>When the two sides do not share their ids ({@link #ID_WALK_TRIAL}), both are read in uuid order and walked
     *       together ({@link #walk}). That walk needs both databases to order uuids as Java does; a side that does not
     *       (a collation that is not binary) is noticed and the table is then read whole on both sides.</li>
     * </ol>
     * Each way loads the same rows: a uuid is either at the same id on both sides (compared in step 1) or, on each
     * side that has it, at an id where the other side holds something else (step 2).
     */
    static void join(Table<?> table, Side mine, Side theirs, UnaryOperator<String> canon, Set<String> involved) {
        Set<String> mineLoad = new HashSet<>();
        Set<String> theirsLoad = new HashSet<>();
        try {
            if (!walkById(table, mine, theirs, canon, involved, mineLoad, theirsLoad)) {
                mineLoad.clear();
                theirsLoad.clear();
                walk(table, mine, theirs, canon, involved, mineLoad, theirsLoad);
            }
        } catch (OutOfOrder e) {
            mine.loadAll(table);
            theirs.loadAll(table);
            return;
        }
        mine.load(table, mineLoad);
        theirs.load(table, theirsLoad);
    }

    /** Thrown by a walk when a side does not return its rows in ascending order (of uuid as Java compares them, or of id). */
    private static final class OutOfOrder extends Exception {
        OutOfOrder() {
            super(null, null, false, false);
        }
    }

    /** What both walks compare: the columns, and for a foreign key the uuids of the rows it points to on each side. */
    private record Compared(List<Field<?>> columns, Map<Integer, String>[] mineTargets, Map<Integer, String>[] theirTargets,
                            UnaryOperator<String> canon) {

        static Compared of(Table<?> table, Side mine, Side theirs, UnaryOperator<String> canon) {
            List<Field<?>> columns = mine.tables.compared(table);
            String[] names = new String[columns.size()];
            return new Compared(columns, mine.targets(columns, mine.tables.references(table), names),
                    theirs.targets(columns, theirs.tables.references(table), names), canon);
        }

        /**
         * Whether two rows hold the same compared values as the driver returns them (a foreign key: the same canonical
         * uuid). Equal objects read from both sides give the same text, so a pair found the same here is the same for
         * the analysis; a pair found different is loaded and decided there.
         */
        boolean same(Object[] m, Object[] t) {
            for (int i = 0; i < m.length; i++) {
                Object a = m[i];
                Object b = t[i];
                if (mineTargets[i] != null) {
                    String ua = a == null ? null : canon.apply(mineTargets[i].get(((Number) a).intValue()));
                    String ub = b == null ? null : canon.apply(theirTargets[i].get(((Number) b).intValue()));
                    if (!Objects.equals(ua, ub)) {
                        return false;
                    }
                } else if (!Objects.equals(a, b)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Step 1 and 2 of {@link #join}: false (nothing decided) when the sides turn out not to share their ids.
     */
    private static boolean walkById(Table<?> table, Side mine, Side theirs, UnaryOperator<String> canon, Set<String> involved,
                                    Set<String> mineLoad, Set<String> theirsLoad) throws OutOfOrder {
        Compared compared = Compared.of(table, mine, theirs, canon);
        List<Field<?>> read = new ArrayList<>();
        read.add(field(table, "id", Integer.class));
        read.add(field(table, "uuid", String.class));
        read.addAll(compared.columns());
        Field<Integer> id = field(table, "id", Integer.class);
        Set<String> mineElsewhere = new HashSet<>();
        Set<String> theirsElsewhere = new HashSet<>();
        long seen = 0;
        try (Cursor<Record> m = mine.dsl.select(read).from(table).orderBy(id).fetchLazy();
             Cursor<Record> t = theirs.dsl.select(read).from(table).orderBy(id).fetchLazy()) {
            IdWalker mr = new IdWalker(m.resultSet(), compared.columns().size());
            IdWalker tr = new IdWalker(t.resultSet(), compared.columns().size());
            while (mr.more || tr.more) {
                int c = !mr.more ? 1 : !tr.more ? -1 : Long.compare(mr.id, tr.id);
                if (c == 0 && Objects.equals(mr.uuid, tr.uuid)) {
                    if (involved.contains(mr.uuid) || !compared.same(mr.values, tr.values)) {
                        mineLoad.add(mr.uuid);
                        theirsLoad.add(tr.uuid);
                    }
                    mr.next();
                    tr.next();
                } else {
                    if (c <= 0) {
                        mineElsewhere.add(mr.uuid);
                        mr.next();
                    }
                    if (c >= 0) {
                        theirsElsewhere.add(tr.uuid);
                        tr.next();
                    }
                }
                seen++;
                int elsewhere = mineElsewhere.size() + theirsElsewhere.size();
                if (elsewhere > ID_WALK_TRIAL && elsewhere > seen / 4) {
                    return false;
                }
            }
        }
        matchByUuid(table, mine, theirs, compared, involved, mineElsewhere, theirsElsewhere, mineLoad, theirsLoad);
        return true;
    }

    /**
     * Step 2 of {@link #join}: the rows the id walk found at ids where the other side holds another row (or none),
     * decided as the uuid walk decides them: a uuid on both sides is compared (loaded on both when it differs or an
     * alias involves it), one only the other file has is loaded there, one only this file has is loaded when an alias
     * involves it. The pairs are read by uuid, {@value #CHUNK} at a time, and matched in a map (no order needed).
     */
    private static void matchByUuid(Table<?> table, Side mine, Side theirs, Compared compared, Set<String> involved,
                                    Set<String> mineElsewhere, Set<String> theirsElsewhere, Set<String> mineLoad,
                                    Set<String> theirsLoad) {
        List<String> both = new ArrayList<>();
        for (String u : theirsElsewhere) {
            if (!mineElsewhere.contains(u)) {
                theirsLoad.add(u); // added here, or matched through an alias or a natural key
            } else if (involved.contains(u)) {
                mineLoad.add(u);
                theirsLoad.add(u);
            } else {
                both.add(u);
            }
        }
        for (String u : mineElsewhere) {
            if (!theirsElsewhere.contains(u) && involved.contains(u)) {
                mineLoad.add(u);
            }
        }
        Field<String> uuid = field(table, "uuid", String.class);
        List<Field<?>> read = new ArrayList<>();
        read.add(uuid);
        read.addAll(compared.columns());
        for (int from = 0; from < both.size(); from += CHUNK) {
            List<String> chunk = both.subList(from, Math.min(both.size(), from + CHUNK));
            Map<String, Object[]> mineRows = valuesByUuid(mine, table, read, uuid.in(chunk));
            Map<String, Object[]> theirRows = valuesByUuid(theirs, table, read, uuid.in(chunk));
            for (String u : chunk) {
                Object[] m = mineRows.get(u);
                Object[] t = theirRows.get(u);
                if (m == null || t == null || !compared.same(m, t)) {
                    mineLoad.add(u);
                    theirsLoad.add(u);
                }
            }
        }
    }

    /** The values of {@code read} (uuid first) of the rows matching {@code where}, by uuid, as the driver returns them. */
    private static Map<String, Object[]> valuesByUuid(Side side, Table<?> table, List<Field<?>> read, Condition where) {
        Map<String, Object[]> rows = new HashMap<>();
        try (Cursor<Record> c = side.dsl.select(read).from(table).where(where).fetchLazy()) {
            ResultSet rs = c.resultSet();
            while (rs.next()) {
                Object[] values = new Object[read.size() - 1];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getObject(2 + i);
                }
                rows.put(rs.getString(1), values);
            }
        } catch (SQLException e) {
            throw new DataAccessException("comparing " + table.getName() + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** A result set of id, uuid and the compared columns, walked in id order: the current row (none past the end). */
    private static final class IdWalker {
        final ResultSet rs;
        final Object[] values;
        boolean more = true;
        long id = Long.MIN_VALUE;
        String uuid;

        IdWalker(ResultSet rs, int columns) throws OutOfOrder {
            this.rs = rs;
            this.values = new Object[columns];
            next();
        }

        void next() throws OutOfOrder {
            try {
                long previous = id;
                more = rs.next();
                if (!more) {
                    uuid = null;
                    return;
                }
                id = rs.getLong(1);
                if (id <= previous) {
                    throw new OutOfOrder();
                }
                uuid = rs.getString(2);
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getObject(3 + i);
                }
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        }
    }

    /** Step 3 of {@link #join}: both sides in uuid order. */
    private static void walk(Table<?> table, Side mine, Side theirs, UnaryOperator<String> canon, Set<String> involved,
                             Set<String> mineLoad, Set<String> theirsLoad) throws OutOfOrder {
        Compared compared = Compared.of(table, mine, theirs, canon);
        List<Field<?>> read = new ArrayList<>();
        read.add(field(table, "uuid", String.class));
        read.addAll(compared.columns());
        Field<String> uuid = field(table, "uuid", String.class);
        try (Cursor<Record> m = mine.dsl.select(read).from(table).orderBy(uuid).fetchLazy();
             Cursor<Record> t = theirs.dsl.select(read).from(table).orderBy(uuid).fetchLazy()) {
            Walker mr = new Walker(m.resultSet(), compared.columns().size());
            Walker tr = new Walker(t.resultSet(), compared.columns().size());
            while (mr.uuid != null || tr.uuid != null) {
                int c = mr.uuid == null ? 1 : tr.uuid == null ? -1 : mr.uuid.compareTo(tr.uuid);
                if (c == 0) {
                    if (involved.contains(mr.uuid) || !compared.same(mr.values, tr.values)) {
                        mineLoad.add(mr.uuid);
                        theirsLoad.add(tr.uuid);
                    }
                    mr.next();
                    tr.next();
                } else if (c < 0) {
                    if (involved.contains(mr.uuid)) {
                        mineLoad.add(mr.uuid);
                    }
                    mr.next();
                } else {
                    theirsLoad.add(tr.uuid); // added here, or matched through an alias or a natural key
                    tr.next();
                }
            }
        }
    }

    /** A result set of uuid and the compared columns, walked in uuid order: the current row (uuid null past the end). */
    private static final class Walker {
        final ResultSet rs;
        final Object[] values;
        String uuid;

        Walker(ResultSet rs, int columns) throws OutOfOrder {
            this.rs = rs;
            this.values = new Object[columns];
            next();
        }

        void next() throws OutOfOrder {
            try {
                String previous = uuid;
                uuid = rs.next() ? rs.getString(1) : null;
                if (uuid != null && previous != null && previous.compareTo(uuid) >= 0) {
                    throw new OutOfOrder();
                }
                if (uuid != null) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getObject(2 + i);
                    }
                }
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        }
    }

    // ------------------------------------------------------------------ what is held

    /** The rows of {@code table} held, in id order. */
    Map<String, Row> rows(String table) {
        return rows.getOrDefault(table, Map.of());
    }

    /** The uuids of a table other tables point to (with their ids). */
    Set<String> uuids(String table) {
        return idsByUuid.getOrDefault(table, Map.of()).keySet();
    }

    Row row(String table, String uuid) {
        return rows(table).get(uuid);
    }

    /** The id of the row {@code uuid} of a table other tables point to (null: not here). */
    Integer id(String table, String uuid) {
        Integer id = idsByUuid.getOrDefault(table, Map.of()).get(uuid);
        if (id == null) {
            Row row = row(table, uuid);
            return row == null ? null : row.id();
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    static <T> Field<T> field(Table<?> table, String name, Class<T> type) {
        return (Field<T>) table.field(name);
    }
}
