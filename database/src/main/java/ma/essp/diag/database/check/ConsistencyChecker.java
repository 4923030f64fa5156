package ma.essp.diag.database.check;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT;
import static ma.essp.diag.database.jooq.Tables.ASSESSMENT_ANSWER;
import static ma.essp.diag.database.jooq.Tables.ASSESSMENT_SERVICE;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.COMMUNE;
import static ma.essp.diag.database.jooq.Tables.COMPLAINT_SAMPLE;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.ESSP_CATEGORY;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.SARA_DOMAIN;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static ma.essp.diag.database.jooq.Tables.STRUCTURE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.length;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.or;
import static org.jooq.impl.DSL.replace;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.substring;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.trim;
import static org.jooq.impl.DSL.upper;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.regex.Pattern;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.database.geo.MapShape;
import ma.essp.diag.database.jooq.DefaultSchema;
import ma.essp.diag.database.mission.StorageChecks;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The database engine's storage checks ({@link StorageChecks}) plus the model's own rules, which the schema alone
 * cannot express. Each rule is one query on the generated tables returning the offending rows (table, row label,
 * explanation), except where Java is the portable way: the code format (a regular expression) and the geometric rule
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

    /** One model rule: its code and the query (with its reading) that finds the rows breaking it. */
    private record Rule(String code, Function<DSLContext, List<Found>> find) {
    }

    /** A row breaking a rule: its table, its label (code, or what names it) and the explanation. */
    private record Found(String table, String row, String message) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("essp-circonscription-deleted", dsl -> {
                var e = ESSP;
                var c = CIRCONSCRIPTION;
                return dsl.select(e.CODE, c.CODE).from(e).join(c).on(c.ID.eq(e.CIRCONSCRIPTION_ID))
                        .where(e.DELETED.isFalse().and(c.DELETED.isTrue()))
                        .fetch(r -> new Found("essp", r.get(e.CODE), "is active but its circonscription " + r.get(c.CODE) + " is deleted"));
            }),
            new Rule("essp-commune-province", dsl -> {
                var e = ESSP;
                var c = CIRCONSCRIPTION;
                var m = COMMUNE;
                return dsl.select(e.CODE, m.NAME_FR, c.CODE).from(e).join(c).on(c.ID.eq(e.CIRCONSCRIPTION_ID))
                        .join(m).on(m.ID.eq(e.COMMUNE_ID))
                        .where(e.DELETED.isFalse().and(m.PROVINCE_ID.ne(c.PROVINCE_ID)))
                        .fetch(r -> new Found("essp", r.get(e.CODE), "its commune " + r.get(m.NAME_FR)
                                + " is not in the province of its circonscription " + r.get(c.CODE)));
            }),
            new Rule("essp-commune-circonscription", dsl -> {
                var e = ESSP;
                var m = COMMUNE;
                return dsl.select(e.CODE, m.NAME_FR).from(e).join(m).on(m.ID.eq(e.COMMUNE_ID))
                        .where(e.DELETED.isFalse().and(m.CIRCONSCRIPTION_ID.isNotNull())
                                .and(m.CIRCONSCRIPTION_ID.ne(e.CIRCONSCRIPTION_ID)))
                        .fetch(r -> new Found("essp", r.get(e.CODE), "its commune " + r.get(m.NAME_FR) + " belongs to another circonscription"));
            }),
            new Rule("essp-code-duplicate", dsl -> {
                Field<String> first = min(ESSP.CODE);
                Field<Integer> uses = count();
                return dsl.select(first, uses).from(ESSP).groupBy(upper(trim(ESSP.CODE))).having(count().gt(1))
                        .fetch(r -> new Found("essp", r.get(first), "the code is used " + r.get(uses) + " times (ignoring case and spaces)"));
            }),
            // the form is checked in Java (ESSP_CODE), as GLOB patterns are SQLite's own
            new Rule("essp-code-format", dsl -> dsl.select(ESSP.CODE).from(ESSP).where(ESSP.DELETED.isFalse())
                    .fetch(ESSP.CODE).stream()
                    .filter(code -> code != null && !ESSP_CODE.matcher(code).matches())
                    .map(code -> new Found("essp", code, "the code does not have the form 01571-0007 (province digits, dash, 4 digits)"))
                    .toList()),
            new Rule("essp-code-province", dsl -> {
                var e = ESSP;
                var c = CIRCONSCRIPTION;
                Field<String> digits = replace(PROVINCE.CODE, inline("."), inline(""));
                return dsl.select(e.CODE, digits).from(e).join(c).on(c.ID.eq(e.CIRCONSCRIPTION_ID))
                        .join(PROVINCE).on(PROVINCE.ID.eq(c.PROVINCE_ID))
                        .where(e.DELETED.isFalse().and(substring(e.CODE, inline(1), length(digits)).ne(digits)))
                        .fetch(r -> new Found("essp", r.get(e.CODE), "the code does not start with the digits of its province " + r.get(digits)));
            }),
            new Rule("essp-category-milieu", dsl -> {
                var e = ESSP;
                var k = ESSP_CATEGORY;
                return dsl.select(e.CODE, e.CATEGORY_CODE, k.MILIEU, e.MILIEU).from(e).join(k).on(k.CODE.eq(e.CATEGORY_CODE))
                        .where(e.DELETED.isFalse().and(k.MILIEU.isNotNull()).and(k.RELATED_STRUCTURE.isFalse())
                                .and(k.MILIEU.ne(e.MILIEU)))
                        .fetch(r -> new Found("essp", r.get(e.CODE), "category " + r.get(e.CATEGORY_CODE) + " is " + r.get(k.MILIEU)
                                + " but the ESSP is marked " + r.get(e.MILIEU)));
            }),
            new Rule("essp-delivery-unit", dsl -> {
                var e = ESSP;
                var k = ESSP_CATEGORY;
                return dsl.select(e.CODE, e.CATEGORY_CODE).from(e).join(k).on(k.CODE.eq(e.CATEGORY_CODE))
                        .where(e.DELETED.isFalse().and(k.DELIVERY_UNIT.isTrue()).and(e.DELIVERY_UNIT.isFalse()))
                        .fetch(r -> new Found("essp", r.get(e.CODE), "category " + r.get(e.CATEGORY_CODE)
                                + " has a delivery unit by definition, but none is recorded"));
            }),
            new Rule("essp-coordinates", dsl -> {
                var e = ESSP;
                return dsl.select(e.CODE, e.LATITUDE, e.LONGITUDE).from(e)
                        .where(e.DELETED.isFalse().and(e.LATITUDE.isNotNull()).and(e.LONGITUDE.isNotNull())
                                .andNot(e.LATITUDE.between(MIN_LAT, MAX_LAT).and(e.LONGITUDE.between(MIN_LON, MAX_LON))))
                        .fetch(r -> new Found("essp", r.get(e.CODE), "coordinates " + r.get(e.LATITUDE) + ", " + r.get(e.LONGITUDE)
                                + " are outside Morocco"));
            }),
            new Rule("essp-coordinates-half", dsl -> {
                var e = ESSP;
                return dsl.select(e.CODE).from(e)
                        .where(e.DELETED.isFalse().and(e.LATITUDE.isNull().and(e.LONGITUDE.isNotNull())
                                .or(e.LATITUDE.isNotNull().and(e.LONGITUDE.isNull()))))
                        .fetch(r -> new Found("essp", r.get(e.CODE), "only one of latitude and longitude is given"));
            }),
            new Rule("essp-not-functioning-reason", dsl -> {
                var e = ESSP;
                return dsl.select(e.CODE, e.FUNCTIONALITY).from(e)
                        .where(e.DELETED.isFalse().and(e.FUNCTIONALITY.ne("fully"))
                                .and(e.FUNCTIONALITY_REASON.isNull().or(trim(e.FUNCTIONALITY_REASON).eq(""))))
                        .fetch(r -> new Found("essp", r.get(e.CODE), "marked " + r.get(e.FUNCTIONALITY) + " without a reason"));
            }),
            new Rule("province-circonscriptions", dsl -> {
                var p = PROVINCE;
                var c = CIRCONSCRIPTION;
                var c2 = CIRCONSCRIPTION.as("c2");
                Field<Integer> circonscriptions = countDistinct(c.ID);
                return dsl.select(p.CODE, circonscriptions).from(p).join(c).on(c.PROVINCE_ID.eq(p.ID).and(c.DELETED.isFalse()))
                        .where(exists(selectOne().from(ESSP).join(c2).on(c2.ID.eq(ESSP.CIRCONSCRIPTION_ID))
                                .where(c2.PROVINCE_ID.eq(p.ID).and(ESSP.DELETED.isFalse()))))
                        .groupBy(p.ID, p.CODE).having(countDistinct(c.ID).lt(2))
                        .fetch(r -> new Found("province", r.get(p.CODE), "has ESSPs but only " + r.get(circonscriptions)
                                + " circonscription (two or more expected)"));
            }),
            new Rule("circonscription-parent-province", dsl -> {
                var c = CIRCONSCRIPTION;
                var p = PROVINCE;
                var a = PROVINCE.as("a");
                return dsl.select(c.CODE, p.NAME_FR).from(c).join(p).on(p.ID.eq(c.PROVINCE_ID))
                        .where(c.DELETED.isFalse().and(exists(selectOne().from(a).where(a.PARENT_PROVINCE_ID.eq(p.ID)))))
                        .fetch(r -> new Found("circonscription", r.get(c.CODE), "is attached to " + r.get(p.NAME_FR)
                                + ", which is split into préfectures d'arrondissements"));
            }),
            new Rule("region-population", dsl -> {
                var g = REGION;
                var p = PROVINCE;
                Field<Long> provinces = sum(p.POPULATION_2024).coerce(Long.class);
                return dsl.select(g.CODE, g.POPULATION_2024, provinces).from(g)
                        .join(p).on(p.REGION_ID.eq(g.ID).and(p.PARENT_PROVINCE_ID.isNull()))
                        .groupBy(g.ID, g.CODE, g.POPULATION_2024).having(sum(p.POPULATION_2024).ne(g.POPULATION_2024.coerce(BigDecimal.class)))
                        .fetch(r -> new Found("region", r.get(g.CODE), "population " + r.get(g.POPULATION_2024)
                                + " differs from the sum of its provinces " + r.get(provinces)));
            }),
            new Rule("structure-region", dsl -> {
                var s = STRUCTURE;
                return dsl.select(s.NAME_FR).from(s).join(PROVINCE).on(PROVINCE.ID.eq(s.PROVINCE_ID))
                        .where(s.DELETED.isFalse().and(s.REGION_ID.isNotNull()).and(PROVINCE.REGION_ID.ne(s.REGION_ID)))
                        .fetch(r -> new Found("structure", r.get(s.NAME_FR), "its province belongs to another region"));
            }),
            new Rule("gst-dates", dsl -> {
                var s = STRUCTURE;
                return dsl.select(s.NAME_FR, s.TAKEOVER_ON, s.CREATED_ON).from(s)
                        .where(s.KIND.eq("gst").and(s.DELETED.isFalse()).and(s.TAKEOVER_ON.lt(s.CREATED_ON)))
                        .fetch(r -> new Found("structure", r.get(s.NAME_FR), "takes over on " + r.get(s.TAKEOVER_ON)
                                + ", before its legal creation on " + r.get(s.CREATED_ON)));
            }),
            new Rule("staff-deleted-essp", dsl -> {
                var s = STAFF_POSITION;
                return dsl.select(s.UUID, ESSP.CODE).from(s).join(ESSP).on(ESSP.ID.eq(s.ESSP_ID))
                        .where(s.DELETED.isFalse().and(ESSP.DELETED.isTrue()))
                        .fetch(r -> new Found("staff_position", r.get(s.UUID), "is active in the deleted ESSP " + r.get(ESSP.CODE)));
            }),
            new Rule("answer-catalogue-version", dsl -> {
                var a = ASSESSMENT_ANSWER;
                var s = ASSESSMENT;
                var i = PMS_ITEM;
                return dsl.select(ESSP.CODE, i.CODE).from(a).join(s).on(s.ID.eq(a.ASSESSMENT_ID)).join(i).on(i.ID.eq(a.ITEM_ID))
                        .join(ESSP).on(ESSP.ID.eq(s.ESSP_ID))
                        .where(a.DELETED.isFalse().and(i.VERSION_ID.ne(s.CATALOGUE_VERSION_ID)))
                        .fetch(r -> new Found("assessment_answer", r.get(ESSP.CODE) + " / " + r.get(i.CODE),
                                "answers an item of another catalogue version than its assessment"));
            }),
            new Rule("service-catalogue-version", dsl -> {
                var a = ASSESSMENT_SERVICE;
                var s = ASSESSMENT;
                var v = PMS_SERVICE;
                return dsl.select(ESSP.CODE, v.CODE).from(a).join(s).on(s.ID.eq(a.ASSESSMENT_ID)).join(v).on(v.ID.eq(a.SERVICE_ID))
                        .join(ESSP).on(ESSP.ID.eq(s.ESSP_ID))
                        .where(a.DELETED.isFalse().and(v.VERSION_ID.ne(s.CATALOGUE_VERSION_ID)))
                        .fetch(r -> new Found("assessment_service", r.get(ESSP.CODE) + " / " + r.get(v.CODE),
                                "records a service of another catalogue version than its assessment"));
            }),
            new Rule("item-domain-scope", dsl -> {
                var i = PMS_ITEM;
                var d = SARA_DOMAIN;
                Field<String> itemScope = when(i.SERVICE_ID.isNull(), inline("general")).otherwise(inline("service"));
                return dsl.select(i.CODE, i.DOMAIN_CODE, i.SERVICE_ID).from(i).join(d).on(d.CODE.eq(i.DOMAIN_CODE))
                        .where(i.DELETED.isFalse().and(d.SCOPE.ne(itemScope)))
                        .fetch(r -> new Found("pms_item", r.get(i.CODE), "domain " + r.get(i.DOMAIN_CODE) + " does not fit a "
                                + (r.get(i.SERVICE_ID) == null ? "general" : "service") + " item"));
            }),
            new Rule("assessment-general-domain-not-applicable", dsl -> {
                var s = ASSESSMENT;
                var i = PMS_ITEM;
                var a = ASSESSMENT_ANSWER;
                Field<Integer> notApplicable = sum(when(coalesce(a.STATE, inline("missing")).eq("not_applicable"), inline(1))
                        .otherwise(inline(0))).coerce(Integer.class);
                return dsl.select(ESSP.CODE, s.ASSESSED_ON, i.DOMAIN_CODE).from(s).join(ESSP).on(ESSP.ID.eq(s.ESSP_ID))
                        .join(i).on(i.VERSION_ID.eq(s.CATALOGUE_VERSION_ID).and(i.SERVICE_ID.isNull()).and(i.DELETED.isFalse())
                                .and(i.IN_SCOPE.isTrue()))
                        .leftJoin(a).on(a.ASSESSMENT_ID.eq(s.ID).and(a.ITEM_ID.eq(i.ID)).and(a.DELETED.isFalse()))
                        .where(s.DELETED.isFalse().and(ESSP.DELETED.isFalse()))
                        .groupBy(s.ID, i.DOMAIN_CODE, ESSP.CODE, s.ASSESSED_ON)
                        .having(notApplicable.eq(count()))
                        .fetch(r -> new Found("assessment", r.get(ESSP.CODE) + " / " + r.get(s.ASSESSED_ON),
                                "every item of the general domain " + r.get(i.DOMAIN_CODE) + " is answered \"not applicable\": SARA's general "
                                        + "domains apply to every facility, and the general readiness index leaves the domain out (computed over fewer domains)"));
            }),
            new Rule("complaint-deleted-essp", dsl -> {
                var c = COMPLAINT_SAMPLE;
                return dsl.select(c.UUID, ESSP.CODE).from(c).join(ESSP).on(ESSP.ID.eq(c.ESSP_ID))
                        .where(c.DELETED.isFalse().and(ESSP.DELETED.isTrue()))
                        .fetch(r -> new Found("complaint_sample", r.get(c.UUID), "belongs to the deleted ESSP " + r.get(ESSP.CODE)));
            }));

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

    /**
     * Runs the storage checks of the database engine ({@link StorageChecks}: SQLite's integrity and foreign-key
     * checks), then every model rule; an empty list means clean.
     */
    public List<ConsistencyIssue> check() {
        List<ConsistencyIssue> issues = new ArrayList<>();
        for (String verdict : StorageChecks.integrityFailures(dsl)) {
            issues.add(new ConsistencyIssue("sqlite-integrity", "(file)", null, verdict));
        }
        for (StorageChecks.ForeignKeyViolation v : StorageChecks.foreignKeyViolations(dsl)) {
            issues.add(new ConsistencyIssue("foreign-key", v.table(), "rowid " + v.rowid(), "refers to a missing row of " + v.parent()));
        }
        for (Rule rule : RULES) {
            for (Found f : rule.find().apply(dsl)) {
                issues.add(new ConsistencyIssue(rule.code(), f.table(), f.row(), f.message()));
            }
        }
        issues.addAll(esspsOutsideTheirProvince());
        return issues;
    }

    /** The geometric rule, in Java: each located ESSP against its province's shipped outline (a préfecture d'arrondissements: its prefecture's). */
    private List<ConsistencyIssue> esspsOutsideTheirProvince() {
        var e = ESSP;
        var p = PROVINCE;
        var parent = PROVINCE.as("parent");
        Field<String> iso = coalesce(p.ISO_CODE, parent.ISO_CODE);
        var located = dsl.select(e.CODE, e.LATITUDE, e.LONGITUDE, iso, p.NAME_FR)
                .from(e).join(CIRCONSCRIPTION).on(CIRCONSCRIPTION.ID.eq(e.CIRCONSCRIPTION_ID))
                .join(p).on(p.ID.eq(CIRCONSCRIPTION.PROVINCE_ID))
                .leftJoin(parent).on(parent.ID.eq(p.PARENT_PROVINCE_ID))
                .where(e.DELETED.isFalse().and(e.LATITUDE.isNotNull()).and(e.LONGITUDE.isNotNull()))
                .orderBy(e.CODE)
                .fetch();
        if (located.isEmpty()) {
            return List.of();
        }
        Map<String, MapShape> outlines = new HashMap<>();
        MapOutlines.shipped().provinces().forEach(shape -> outlines.put(shape.isoCode(), shape));
        List<ConsistencyIssue> issues = new ArrayList<>();
        for (var r : located) {
            MapShape outline = outlines.get(r.get(iso));
            if (outline == null) {
                continue;
            }
            double lat = r.get(e.LATITUDE);
            double lon = r.get(e.LONGITUDE);
            if (lat < MIN_LAT || lat > MAX_LAT || lon < MIN_LON || lon > MAX_LON) {
                continue; // outside Morocco altogether: essp-coordinates says so
            }
            kmOutsideProvince(outline, lat, lon).ifPresent(km -> issues.add(new ConsistencyIssue(OUTSIDE_PROVINCE_RULE, "essp",
                    r.get(e.CODE), String.format(Locale.ROOT, "point (%.4f, %.4f) is %.0f km outside its province %s (tolerance %.0f km)",
                            lat, lon, km, r.get(p.NAME_FR), PROVINCE_TOLERANCE_KM))));
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
        List<Table<?>> tables = DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .sorted(Comparator.comparing(Table::getName)).toList();
        for (Table<?> table : tables) {
            if (NOT_CONTENT.contains(table.getName())) {
                continue;
            }
            List<Field<String>> textColumns = new ArrayList<>();
            for (Field<?> f : table.fields()) {
                if (f.getType() == String.class) {
                    textColumns.add(f.coerce(String.class));
                }
            }
            if (textColumns.isEmpty()) {
                continue;
            }
            // a row is named by its code, or by its key when it has none
            Field<?> code = table.field("code");
            Field<?> key = table.getPrimaryKey().getFields().get(0);
            List<Field<?>> select = new ArrayList<>();
            select.add(key);
            select.add(code == null ? inline((String) null) : code);
            List<Condition> longer = new ArrayList<>();
            for (Field<String> column : textColumns) {
                select.add(column);
                // a stored character can be two UTF-16 units: anything over half the limit is measured in Java
                longer.add(length(column).gt(inline(CELL_TEXT_LIMIT / 2)));
            }
            for (Record r : dsl.select(select).from(table).where(or(longer)).fetch()) {
                Object named = code == null ? null : r.get(code);
                String row = named == null ? "id " + r.get(key) : named.toString();
                for (Field<String> column : textColumns) {
                    String text = r.get(column);
                    if (text != null && text.length() > CELL_TEXT_LIMIT) {
                        warnings.add(new ConsistencyIssue(LONG_TEXT, table.getName(), row, "column " + column.getName() + " holds "
                                + text.length() + " characters, more than an Excel cell holds (" + CELL_TEXT_LIMIT
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
