package ma.essp.diag.database.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.jooq.DefaultSchema;
import ma.essp.diag.database.merge.MergeEngine;
import ma.essp.diag.database.merge.MergePlan;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The rows a push would write that the server's row-level security would refuse this login, asked of the server before
 * anything is written ({@code essp_scope_allows}, generated from the same rules as the policies), so that a refusal
 * names every such row. PostgreSQL's own SQL (a function of the server, {@code jsonb}): it only ever runs on the team
 * server, the one place besides the mission file allowed to write SQL text (PortableSqlRulesTest).
 */
final class ServerScopeCheck {

    private ServerScopeCheck() {
    }

    /** The rows of {@code plan} as they would be written (new and updated) that the server's places do not allow. */
    static List<ServerSync.RefusedRow> writesOutsideScope(DSLContext tx, MergePlan plan, List<ServerSync.RefusedRow> alreadyRefused) {
        List<ServerSync.RefusedRow> refused = new ArrayList<>();
        // no function: row-level security not set up; true for no table: the policies do not bind this login
        if (plan.rows().isEmpty()
                || !tx.fetchValue(DSL.field("to_regprocedure('essp_scope_allows(text,jsonb)') IS NOT NULL", Boolean.class))
                || tx.fetchValue(DSL.field("essp_scope_allows('', '{}'::jsonb)", Boolean.class))) {
            return refused;
        }
        Set<String> alreadyListed = new HashSet<>();
        alreadyRefused.forEach(r -> alreadyListed.add(r.table() + "/" + r.uuid()));
        Set<String> refusedNew = new HashSet<>();
        Map<String, List<MergePlan.RowDiff>> byTable = new LinkedHashMap<>();
        for (MergePlan.RowDiff r : plan.rows()) {
            if (r.kind() == MergePlan.RowKind.ADDED
                    || r.fields().stream().anyMatch(f -> f.kind() != MergePlan.FieldKind.KEPT) && r.mineUuid() != null) {
                byTable.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, List<MergePlan.RowDiff>> entry : byTable.entrySet()) {
            String name = entry.getKey();
            Map<String, String> references = references(name);
            StringBuilder json = new StringBuilder("[");
            Map<String, MergePlan.RowDiff> checked = new LinkedHashMap<>();
            for (MergePlan.RowDiff r : entry.getValue()) {
                boolean added = r.kind() == MergePlan.RowKind.ADDED;
                String uuid = added ? r.uuid() : r.mineUuid();
                if (alreadyListed.contains(name + "/" + uuid)) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>(added ? plan.theirsValues(name, r.uuid()) : plan.mineValues(name, uuid));
                if (!added) {
                    r.fields().stream().filter(f -> f.kind() == MergePlan.FieldKind.TAKEN).forEach(f -> values.put(f.field(), f.theirs()));
                }
                values.put("uuid", uuid);
                boolean underNew = false;
                boolean underRefused = false;
                StringBuilder row = new StringBuilder("{");
                for (Map.Entry<String, String> v : values.entrySet()) {
                    String value = v.getValue();
                    String target = references.get(v.getKey());
                    if (target != null && value != null) {
                        Integer id = plan.mineId(target, value);
                        if (id == null) {
                            underNew = true;
                            underRefused |= refusedNew.contains(target + "/" + value);
                        }
                        value = id == null ? null : id.toString();
                    }
                    if (row.length() > 1) {
                        row.append(',');
                    }
                    row.append(jsonString(v.getKey())).append(':').append(value == null ? "null" : jsonString(value));
                }
                row.append('}');
                if (underRefused) {
                    refused.add(new ServerSync.RefusedRow(name, uuid, r.label()));
                    refusedNew.add(name + "/" + uuid);
                } else if (!underNew) {
                    json.append(checked.isEmpty() ? "" : ",").append(row);
                    checked.put(uuid, r);
                }
            }
            if (checked.isEmpty()) {
                continue;
            }
            json.append(']');
            Set<String> outside = new HashSet<>(tx.fetch("SELECT x.r->>'uuid' FROM jsonb_array_elements(CAST(? AS jsonb)) AS x(r)"
                    + " WHERE NOT essp_scope_allows(?, x.r)", json.toString(), name).getValues(0, String.class));
            checked.forEach((uuid, r) -> {
                if (outside.contains(uuid)) {
                    refused.add(new ServerSync.RefusedRow(name, uuid, r.label()));
                    refusedNew.add(name + "/" + uuid);
                }
            });
        }
        return refused;
    }

    /**
     * Column to the merged table it points to, for the one-column foreign keys of {@code table} the merge compares
     * through uuids (a key to a table of codes stays a code).
     */
    private static Map<String, String> references(String table) {
        Map<String, String> references = new HashMap<>();
        for (org.jooq.ForeignKey<?, ?> key : DefaultSchema.DEFAULT_SCHEMA.getTable(table).getReferences()) {
            if (key.getFields().size() == 1 && MergeEngine.mergedTables().contains(key.getKey().getTable().getName())) {
                references.put(key.getFields().getFirst().getName(), key.getKey().getTable().getName());
            }
        }
        return references;
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
