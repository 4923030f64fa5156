package ma.essp.diag.database.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.database.geo.MapShape;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The integrity check of SQLite plus the model's own rules, which the schema alone cannot express.
 * Each rule is one SQL query returning the offending rows (table, row label, explanation), except the geometric one
 * (an ESSP's point inside its province's outline), which needs the shipped outlines.
 */
public final class ConsistencyChecker {

    /** ESSP codes: the province's 5 (or 9 for préfectures d'arrondissements) HCP digits, a dash, 4 digits. */
    public static final Pattern ESSP_CODE = Pattern.compile("^\\d{5}(\\d{4})?-\\d{4}$");

    /** Morocco's bounding box, Saharan provinces included. */
    public static final double MIN_LAT = 20.5;
    public static final double MAX_LAT = 36.0;
    public static final double MIN_LON = -17.3;
    public static final double MAX_LON = -0.9;

    /**
     * Excel's limit on the text of one cell. Longer user text stays whole in the mission but is cut, with a marker,
     * in the workbook export; {@link #warnings()} lists it.
     */
    public static final int CELL_TEXT_LIMIT = 32_767;

    /** The rule code of that warning. */
    public static final String LONG_TEXT = "text-longer-than-excel-cell";

    /** Tables that are not the mission's content (history, audit trail): never exported. */
    private static final List<String> NOT_CONTENT = List.of("flyway_schema_history", "audit_log");

    /**
     * How far outside its province's outline an ESSP may lie and still count as inside: the shipped outlines are
     * simplified (a coastal town can fall just off the coastline, a border village just across the line), and a GPS
     * reading taken at the gate is a few metres off at most, so 2 km accepts every real place and still refuses a
     * point in the sea or in the next province.
     */
    public static final double PROVINCE_TOLERANCE_KM = 2.0;

    /** The rule of {@link #kmOutsideProvince}: ESSPs whose point lies outside their province beyond the tolerance. */
    public static final String OUTSIDE_PROVINCE_RULE = "essp-outside-province";

    private record Rule(String code, String sql) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("essp-circonscription-deleted", """
                    SELECT 'essp', e.code, 'is active but its circonscription ' || c.code || ' is deleted'
                    FROM essp e JOIN circonscription c ON c.id = e.circonscription_id
                    WHERE e.deleted = 0 AND c.deleted = 1"""),
            new Rule("essp-commune-province", """
                    SELECT 'essp', e.code, 'its commune ' || m.name_fr || ' is not in the province of its circonscription ' || c.code
                    FROM essp e JOIN circonscription c ON c.id = e.circonscription_id JOIN commune m ON m.id = e.commune_id
                    WHERE e.deleted = 0 AND m.province_id <> c.province_id"""),
            new Rule("essp-commune-circonscription", """
                    SELECT 'essp', e.code, 'its commune ' || m.name_fr || ' belongs to another circonscription'
                    FROM essp e JOIN commune m ON m.id = e.commune_id
                    WHERE e.deleted = 0 AND m.circonscription_id IS NOT NULL AND m.circonscription_id <> e.circonscription_id"""),
            new Rule("essp-code-duplicate", """
                    SELECT 'essp', min(code), 'the code is used ' || count(*) || ' times (ignoring case and spaces)'
                    FROM essp GROUP BY upper(trim(code)) HAVING count(*) > 1"""),
            new Rule("essp-code-format", """
                    SELECT 'essp', code, 'the code does not have the form 01571-0007 (province digits, dash, 4 digits)'
                    FROM essp WHERE deleted = 0 AND NOT (
                      (length(code) = 10 AND substr(code, 6, 1) = '-' AND substr(code, 1, 5) GLOB '[0-9][0-9][0-9][0-9][0-9]' AND substr(code, 7) GLOB '[0-9][0-9][0-9][0-9]')
                      OR (length(code) = 14 AND substr(code, 10, 1) = '-' AND substr(code, 1, 9) GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' AND substr(code, 11) GLOB '[0-9][0-9][0-9][0-9]'))"""),
            new Rule("essp-code-province", """
                    SELECT 'essp', e.code, 'the code does not start with the digits of its province ' || p.code_digits
                    FROM essp e JOIN circonscription c ON c.id = e.circonscription_id
                      JOIN (SELECT id, replace(code, '.', '') AS code_digits FROM province) p ON p.id = c.province_id
                    WHERE e.deleted = 0 AND substr(e.code, 1, length(p.code_digits)) <> p.code_digits"""),
            new Rule("essp-category-milieu", """
                    SELECT 'essp', e.code, 'category ' || e.category_code || ' is ' || k.milieu || ' but the ESSP is marked ' || e.milieu
                    FROM essp e JOIN essp_category k ON k.code = e.category_code
                    WHERE e.deleted = 0 AND k.milieu IS NOT NULL AND k.related_structure = 0 AND k.milieu <> e.milieu"""),
            new Rule("essp-delivery-unit", """
                    SELECT 'essp', e.code, 'category ' || e.category_code || ' has a delivery unit by definition, but none is recorded'
                    FROM essp e JOIN essp_category k ON k.code = e.category_code
                    WHERE e.deleted = 0 AND k.delivery_unit = 1 AND e.delivery_unit = 0"""),
            new Rule("essp-coordinates", """
                    SELECT 'essp', code, 'coordinates ' || latitude || ', ' || longitude || ' are outside Morocco'
                    FROM essp WHERE deleted = 0 AND latitude IS NOT NULL AND longitude IS NOT NULL
                      AND NOT (latitude BETWEEN %s AND %s AND longitude BETWEEN %s AND %s)""".formatted(MIN_LAT, MAX_LAT, MIN_LON, MAX_LON)),
            new Rule("essp-coordinates-half", """
                    SELECT 'essp', code, 'only one of latitude and longitude is given'
                    FROM essp WHERE deleted = 0 AND (latitude IS NULL) <> (longitude IS NULL)"""),
            new Rule("essp-not-functioning-reason", """
                    SELECT 'essp', code, 'marked ' || functionality || ' without a reason'
                    FROM essp WHERE deleted = 0 AND functionality <> 'fully' AND (functionality_reason IS NULL OR trim(functionality_reason) = '')"""),
            new Rule("province-circonscriptions", """
                    SELECT 'province', p.code, 'has ESSPs but only ' || count(DISTINCT c.id) || ' circonscription (two or more expected)'
                    FROM province p JOIN circonscription c ON c.province_id = p.id AND c.deleted = 0
                    WHERE EXISTS (SELECT 1 FROM essp e JOIN circonscription c2 ON c2.id = e.circonscription_id
                                  WHERE c2.province_id = p.id AND e.deleted = 0)
                    GROUP BY p.id HAVING count(DISTINCT c.id) < 2"""),
            new Rule("circonscription-parent-province", """
                    SELECT 'circonscription', c.code, 'is attached to ' || p.name_fr || ', which is split into préfectures d''arrondissements'
                    FROM circonscription c JOIN province p ON p.id = c.province_id
                    WHERE c.deleted = 0 AND EXISTS (SELECT 1 FROM province a WHERE a.parent_province_id = p.id)"""),
            new Rule("region-population", """
                    SELECT 'region', r.code, 'population ' || r.population_2024 || ' differs from the sum of its provinces ' || sum(p.population_2024)
                    FROM region r JOIN province p ON p.region_id = r.id AND p.parent_province_id IS NULL
                    GROUP BY r.id HAVING sum(p.population_2024) <> r.population_2024"""),
            new Rule("structure-region", """
                    SELECT 'structure', s.name_fr, 'its province belongs to another region'
                    FROM structure s JOIN province p ON p.id = s.province_id
                    WHERE s.deleted = 0 AND s.region_id IS NOT NULL AND p.region_id <> s.region_id"""),
            new Rule("gst-dates", """
                    SELECT 'structure', name_fr, 'takes over on ' || takeover_on || ', before its legal creation on ' || created_on
                    FROM structure WHERE kind = 'gst' AND deleted = 0 AND takeover_on < created_on"""),
            new Rule("staff-deleted-essp", """
                    SELECT 'staff_position', s.uuid, 'is active in the deleted ESSP ' || e.code
                    FROM staff_position s JOIN essp e ON e.id = s.essp_id WHERE s.deleted = 0 AND e.deleted = 1"""),
            new Rule("answer-catalogue-version", """
                    SELECT 'assessment_answer', e.code || ' / ' || i.code, 'answers an item of another catalogue version than its assessment'
                    FROM assessment_answer a JOIN assessment s ON s.id = a.assessment_id JOIN pms_item i ON i.id = a.item_id
                      JOIN essp e ON e.id = s.essp_id
                    WHERE a.deleted = 0 AND i.version_id <> s.catalogue_version_id"""),
            new Rule("service-catalogue-version", """
                    SELECT 'assessment_service', e.code || ' / ' || v.code, 'records a service of another catalogue version than its assessment'
                    FROM assessment_service a JOIN assessment s ON s.id = a.assessment_id JOIN pms_service v ON v.id = a.service_id
                      JOIN essp e ON e.id = s.essp_id
                    WHERE a.deleted = 0 AND v.version_id <> s.catalogue_version_id"""),
            new Rule("item-domain-scope", """
                    SELECT 'pms_item', i.code, 'domain ' || i.domain_code || ' does not fit a ' || CASE WHEN i.service_id IS NULL THEN 'general' ELSE 'service' END || ' item'
                    FROM pms_item i JOIN sara_domain d ON d.code = i.domain_code
                    WHERE i.deleted = 0 AND d.scope <> CASE WHEN i.service_id IS NULL THEN 'general' ELSE 'service' END"""),
            new Rule("assessment-general-domain-not-applicable", """
                    SELECT 'assessment', e.code || ' / ' || s.assessed_on,
                           'every item of the general domain ' || i.domain_code || ' is answered "not applicable": SARA''s general '
                           || 'domains apply to every facility, and the general readiness index leaves the domain out (computed over fewer domains)'
                    FROM assessment s JOIN essp e ON e.id = s.essp_id
                      JOIN pms_item i ON i.version_id = s.catalogue_version_id AND i.service_id IS NULL AND i.deleted = 0 AND i.in_scope = 1
                      LEFT JOIN assessment_answer a ON a.assessment_id = s.id AND a.item_id = i.id AND a.deleted = 0
                    WHERE s.deleted = 0 AND e.deleted = 0
                    GROUP BY s.id, i.domain_code
                    HAVING sum(coalesce(a.state, 'missing') = 'not_applicable') = count(*)"""),
            new Rule("complaint-deleted-essp", """
                    SELECT 'complaint_sample', c.uuid, 'belongs to the deleted ESSP ' || e.code
                    FROM complaint_sample c JOIN essp e ON e.id = c.essp_id WHERE c.deleted = 0 AND e.deleted = 1"""));

    private final DSLContext dsl;

    public ConsistencyChecker(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * How far beyond {@link #PROVINCE_TOLERANCE_KM} of the province's outline the point lies, in km; empty when it
     * is inside or within the tolerance. Shared by the ESSP form, the {@code check} command and imports.
     */
    public static OptionalDouble kmOutsideProvince(MapShape outline, double lat, double lon) {
        double km = outline.distanceKm(lon, lat);
        return km > PROVINCE_TOLERANCE_KM ? OptionalDouble.of(km) : OptionalDouble.empty();
    }

    /** Runs SQLite's integrity and foreign-key checks, then every model rule; an empty list means clean. */
    public List<ConsistencyIssue> check() {
        List<ConsistencyIssue> issues = new ArrayList<>();
        for (Record r : dsl.resultQuery("PRAGMA integrity_check").fetch()) {
            String verdict = r.get(0, String.class);
            if (!"ok".equalsIgnoreCase(verdict)) {
                issues.add(new ConsistencyIssue("sqlite-integrity", "(file)", null, verdict));
            }
        }
        for (Record r : dsl.resultQuery("PRAGMA foreign_key_check").fetch()) {
            issues.add(new ConsistencyIssue("foreign-key", r.get(0, String.class), "rowid " + r.get(1, String.class),
                    "refers to a missing row of " + r.get(2, String.class)));
        }
        for (Rule rule : RULES) {
            for (Record r : dsl.resultQuery(rule.sql()).fetch()) {
                issues.add(new ConsistencyIssue(rule.code(), r.get(0, String.class), r.get(1, String.class), r.get(2, String.class)));
            }
        }
        issues.addAll(esspsOutsideTheirProvince());
        return issues;
    }

    /** The geometric rule, in Java: each located ESSP against its province's shipped outline (a préfecture d'arrondissements: its prefecture's). */
    private List<ConsistencyIssue> esspsOutsideTheirProvince() {
        var located = dsl.resultQuery("""
                SELECT e.code, e.latitude, e.longitude, coalesce(p.iso_code, parent.iso_code), p.name_fr
                FROM essp e JOIN circonscription c ON c.id = e.circonscription_id JOIN province p ON p.id = c.province_id
                  LEFT JOIN province parent ON parent.id = p.parent_province_id
                WHERE e.deleted = 0 AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL
                ORDER BY e.code""").fetch();
        if (located.isEmpty()) {
            return List.of();
        }
        Map<String, MapShape> outlines = new HashMap<>();
        MapOutlines.shipped().provinces().forEach(shape -> outlines.put(shape.isoCode(), shape));
        List<ConsistencyIssue> issues = new ArrayList<>();
        for (Record r : located) {
            MapShape outline = outlines.get(r.get(3, String.class));
            if (outline == null) {
                continue;
            }
            double lat = r.get(1, Double.class);
            double lon = r.get(2, Double.class);
            if (lat < MIN_LAT || lat > MAX_LAT || lon < MIN_LON || lon > MAX_LON) {
                continue; // outside Morocco altogether: essp-coordinates says so
            }
            kmOutsideProvince(outline, lat, lon).ifPresent(km -> issues.add(new ConsistencyIssue(OUTSIDE_PROVINCE_RULE, "essp",
                    r.get(0, String.class), String.format(Locale.ROOT, "point (%.4f, %.4f) is %.0f km outside its province %s (tolerance %.0f km)",
                            lat, lon, km, r.get(4, String.class), PROVINCE_TOLERANCE_KM))));
        }
        return issues;
    }

    /**
     * What is not inconsistent but worth knowing before exporting: every text value, in any column of any content
     * table, longer than an Excel cell holds ({@value #CELL_TEXT_LIMIT} characters), with its table, row (code, or id)
     * and column. One pass per table; values are measured in UTF-16 characters as Excel counts them.
     */
    public List<ConsistencyIssue> warnings() {
        List<ConsistencyIssue> warnings = new ArrayList<>();
        List<String> tables = dsl.resultQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")
                .fetch(0, String.class);
        for (String table : tables) {
            if (NOT_CONTENT.contains(table)) {
                continue;
            }
            List<String> textColumns = new ArrayList<>();
            boolean hasCode = false;
            for (Record c : dsl.resultQuery("SELECT name, type FROM pragma_table_info(?)", table).fetch()) {
                String name = c.get(0, String.class);
                hasCode |= name.equals("code");
                if (c.get(1, String.class).toUpperCase(Locale.ROOT).contains("TEXT")) {
                    textColumns.add(name);
                }
            }
            if (textColumns.isEmpty()) {
                continue;
            }
            Name t = DSL.name(table);
            List<Field<?>> select = new ArrayList<>();
            select.add(DSL.field("rowid"));
            select.add(hasCode ? DSL.field(DSL.name("code")) : DSL.inline((String) null));
            List<Condition> longer = new ArrayList<>();
            for (String column : textColumns) {
                Field<Object> f = DSL.field(DSL.name(column));
                select.add(f);
                // a SQLite character can be two UTF-16 units: anything over half the limit is measured in Java
                longer.add(DSL.condition("length({0}) > {1}", f, DSL.inline(CELL_TEXT_LIMIT / 2)));
            }
            for (Record r : dsl.select(select).from(DSL.table(t)).where(DSL.or(longer)).fetch()) {
                String row = r.get(1) == null ? "id " + r.get(0, String.class) : r.get(1, String.class);
                for (int i = 0; i < textColumns.size(); i++) {
                    Object value = r.get(i + 2);
                    if (value instanceof String text && text.length() > CELL_TEXT_LIMIT) {
                        warnings.add(new ConsistencyIssue(LONG_TEXT, table, row, "column " + textColumns.get(i) + " holds " + text.length()
                                + " characters, more than an Excel cell holds (" + CELL_TEXT_LIMIT
                                + "): the workbook export cuts it and says so in its read-me sheet"));
                    }
                }
            }
        }
        return warnings;
    }

    /** The rule codes, for documentation and tests. */
    public static List<String> ruleCodes() {
        return java.util.stream.Stream.concat(RULES.stream().map(Rule::code), java.util.stream.Stream.of(OUTSIDE_PROVINCE_RULE)).toList();
    }
}
