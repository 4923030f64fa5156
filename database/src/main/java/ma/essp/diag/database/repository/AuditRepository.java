package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT;
import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.TEAM_MEMBER;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.jooq.DefaultSchema;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The audit trail ({@code audit_log}, written by {@link SyncedRows}) for reading: who (the team member's name),
 * on which laptop, when, what (table, row, field, old → new value), page by page, newest first. A row "of an ESSP"
 * is the ESSP itself, a row of a table with an {@code essp_id} column (staff, assessments, findings…), or a row of
 * a table with an {@code assessment_id} column (answers, offered services) through its assessment: those show the
 * ESSP's code and name and are found by the ESSP filter. Dates are UTC days of the audit's {@code at} (ISO-8601
 * instants, so a text comparison orders them).
 */
public final class AuditRepository {

    /** One changed field (or one inserted row: field null), with the names the screen shows. */
    public record Entry(int id, String at, String memberUuid, String memberName, String deviceId, String table,
                        String rowUuid, String action, String field, String oldValue, String newValue,
                        Integer esspId, String esspCode, String esspName) {
    }

    /**
     * What the list shows; every part is optional (null: no filter). {@code from} and {@code to} are inclusive days
     * (UTC).
     */
    public record Filter(String memberUuid, LocalDate from, LocalDate to, Integer esspId, String table) {

        public static final Filter NONE = new Filter(null, null, null, null, null);
    }

    /** A member who appears in the audit: uuid and name (the uuid itself when no team member has it). */
    public record Author(String uuid, String name) {
    }

    private final DSLContext dsl;

    public AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The tables whose rows belong to an ESSP directly ({@code essp_id}), besides {@code essp} itself. */
    private static List<Table<?>> esspChildren() {
        return DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .filter(t -> t.field("essp_id") != null && t.field("uuid") != null).toList();
    }

    /** The tables whose rows belong to an ESSP through their assessment ({@code assessment_id}). */
    private static List<Table<?>> assessmentChildren() {
        return DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .filter(t -> t.field("assessment_id") != null && t.field("uuid") != null).toList();
    }

    @SuppressWarnings("unchecked")
    private static Field<String> uuidOf(Table<?> table) {
        return (Field<String>) table.field("uuid");
    }

    @SuppressWarnings("unchecked")
    private static Field<Integer> intField(Table<?> table, String name) {
        return (Field<Integer>) table.field(name);
    }

    Condition condition(Filter filter) {
        Condition c = DSL.trueCondition();
        if (filter.memberUuid() != null) {
            c = c.and(AUDIT_LOG.MEMBER_UUID.eq(filter.memberUuid()));
        }
        if (filter.from() != null) {
            c = c.and(AUDIT_LOG.AT.ge(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant().toString()));
        }
        if (filter.to() != null) {
            c = c.and(AUDIT_LOG.AT.lt(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString()));
        }
        if (filter.table() != null) {
            c = c.and(AUDIT_LOG.TABLE_NAME.eq(filter.table()));
        }
        if (filter.esspId() != null) {
            c = c.and(ofEssp(filter.esspId()));
        }
        return c;
    }

    /** The audit rows of one ESSP: its own row and its children's. */
    private static Condition ofEssp(int esspId) {
        Condition c = AUDIT_LOG.TABLE_NAME.eq(ESSP.getName())
                .and(AUDIT_LOG.ROW_UUID.in(DSL.select(ESSP.UUID).from(ESSP).where(ESSP.ID.eq(esspId))));
        for (Table<?> child : esspChildren()) {
            c = c.or(AUDIT_LOG.TABLE_NAME.eq(child.getName())
                    .and(AUDIT_LOG.ROW_UUID.in(DSL.select(uuidOf(child)).from(child).where(intField(child, "essp_id").eq(esspId)))));
        }
        for (Table<?> child : assessmentChildren()) {
            c = c.or(AUDIT_LOG.TABLE_NAME.eq(child.getName())
                    .and(AUDIT_LOG.ROW_UUID.in(DSL.select(uuidOf(child)).from(child)
                            .where(intField(child, "assessment_id").in(DSL.select(ASSESSMENT.ID).from(ASSESSMENT).where(ASSESSMENT.ESSP_ID.eq(esspId)))))));
        }
        return c;
    }

    /** How many audit rows the filter keeps. */
    public int count(Filter filter) {
        return dsl.selectCount().from(AUDIT_LOG).where(condition(filter)).fetchOptional(0, Integer.class).orElse(0);
    }

    /**
     * Up to {@code limit} audit rows kept by {@code filter}, newest first, older than the row {@code beforeId} (null:
     * from the newest): the next page starts before the last id of this one, so a page costs the same however deep.
     */
    public List<Entry> page(Filter filter, Integer beforeId, int limit) {
        Condition c = condition(filter);
        if (beforeId != null) {
            c = c.and(AUDIT_LOG.ID.lt(beforeId));
        }
        Result<Record> rows = dsl.select(AUDIT_LOG.fields()).select(TEAM_MEMBER.FULL_NAME)
                .from(AUDIT_LOG).leftJoin(TEAM_MEMBER).on(TEAM_MEMBER.UUID.eq(AUDIT_LOG.MEMBER_UUID))
                .where(c).orderBy(AUDIT_LOG.ID.desc()).limit(limit).fetch();
        Map<String, Integer> esspOfRow = esspOfRows(rows);
        Map<Integer, Record2<String, String>> essps = new HashMap<>();
        Set<Integer> ids = new HashSet<>(esspOfRow.values());
        if (!ids.isEmpty()) {
            dsl.select(ESSP.ID, ESSP.CODE, ESSP.NAME_FR).from(ESSP).where(ESSP.ID.in(ids))
                    .forEach(r -> essps.put(r.value1(), r.into(ESSP.CODE, ESSP.NAME_FR)));
        }
        List<Entry> entries = new ArrayList<>(rows.size());
        for (Record r : rows) {
            Integer esspId = esspOfRow.get(r.get(AUDIT_LOG.TABLE_NAME) + "/" + r.get(AUDIT_LOG.ROW_UUID));
            Record2<String, String> essp = esspId == null ? null : essps.get(esspId);
            String name = r.get(TEAM_MEMBER.FULL_NAME);
            entries.add(new Entry(r.get(AUDIT_LOG.ID), r.get(AUDIT_LOG.AT), r.get(AUDIT_LOG.MEMBER_UUID),
                    name == null ? r.get(AUDIT_LOG.MEMBER_UUID) : name, r.get(AUDIT_LOG.DEVICE_ID), r.get(AUDIT_LOG.TABLE_NAME),
                    r.get(AUDIT_LOG.ROW_UUID), r.get(AUDIT_LOG.ACTION), r.get(AUDIT_LOG.FIELD), r.get(AUDIT_LOG.OLD_VALUE),
                    r.get(AUDIT_LOG.NEW_VALUE), esspId, essp == null ? null : essp.value1(), essp == null ? null : essp.value2()));
        }
        return entries;
    }

    /** The ESSP id of each (table, row uuid) of the page that belongs to one, keyed "table/uuid". */
    private Map<String, Integer> esspOfRows(Result<Record> rows) {
        Map<String, Set<String>> uuidsByTable = new LinkedHashMap<>();
        for (Record r : rows) {
            uuidsByTable.computeIfAbsent(r.get(AUDIT_LOG.TABLE_NAME), t -> new HashSet<>()).add(r.get(AUDIT_LOG.ROW_UUID));
        }
        Map<String, Integer> owners = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : uuidsByTable.entrySet()) {
            String name = e.getKey();
            if (name.equals(ESSP.getName())) {
                dsl.select(ESSP.UUID, ESSP.ID).from(ESSP).where(ESSP.UUID.in(e.getValue()))
                        .forEach(r -> owners.put(name + "/" + r.value1(), r.value2()));
                continue;
            }
            Table<?> table = DefaultSchema.DEFAULT_SCHEMA.getTable(name);
            if (table == null || table.field("uuid") == null) {
                continue;
            }
            if (table.field("essp_id") != null) {
                dsl.select(uuidOf(table), intField(table, "essp_id")).from(table).where(uuidOf(table).in(e.getValue()))
                        .forEach(r -> owners.put(name + "/" + r.value1(), r.value2()));
            } else if (table.field("assessment_id") != null) {
                dsl.select(uuidOf(table), ASSESSMENT.ESSP_ID).from(table)
                        .join(ASSESSMENT).on(ASSESSMENT.ID.eq(intField(table, "assessment_id")))
                        .where(uuidOf(table).in(e.getValue()))
                        .forEach(r -> owners.put(name + "/" + r.value1(), r.value2()));
            }
        }
        owners.values().removeIf(java.util.Objects::isNull);
        return owners;
    }

    /** The id of the ESSP with this code (deleted ones too: their history stays), if any. */
    public java.util.Optional<Integer> esspIdOf(String code) {
        return dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq(code)).orderBy(ESSP.ID).limit(1).fetchOptional(ESSP.ID);
    }

    /** The tables that appear in the audit, by name. */
    public List<String> tables() {
        return dsl.selectDistinct(AUDIT_LOG.TABLE_NAME).from(AUDIT_LOG).orderBy(AUDIT_LOG.TABLE_NAME).fetch(AUDIT_LOG.TABLE_NAME);
    }

    /** Everyone who appears in the audit, by name (team members first by their name, then unknown uuids). */
    public List<Author> authors() {
        List<Author> authors = new ArrayList<>();
        dsl.selectDistinct(AUDIT_LOG.MEMBER_UUID, TEAM_MEMBER.FULL_NAME).from(AUDIT_LOG)
                .leftJoin(TEAM_MEMBER).on(TEAM_MEMBER.UUID.eq(AUDIT_LOG.MEMBER_UUID))
                .forEach(r -> authors.add(new Author(r.value1(), r.value2() == null ? r.value1() : r.value2())));
        authors.sort(java.util.Comparator.comparing(Author::name, String.CASE_INSENSITIVE_ORDER));
        return authors;
    }
}
