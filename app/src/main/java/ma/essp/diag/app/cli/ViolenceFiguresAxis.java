package ma.essp.diag.app.cli;

import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.PerpetratorCareData;
import ma.essp.diag.database.repository.PerpetratorCareData.Site;
import ma.essp.diag.database.repository.PerpetratorCareRepository;
import ma.essp.diag.database.rules.PerpetratorCareRules;
import ma.essp.diag.reporting.csv.CsvWriter;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.Funnel;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.RegionStages;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.Retention;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.StillInPost;

/**
 * {@code figures --axis violence}: the perpetrator-care roll-out (ToR axis 6), all from {@link PerpetratorCareFigures}
 * (the Violence (auteurs) screen's figures). {@code --table}: {@code stages} (sites per EPIS phase and region, planned
 * on the as-of date and actual; the default), {@code funnel} (targeted, trained, delivering, sustained; per region and
 * national), {@code retention} (per region and national), {@code referrals} (by source), {@code still-in-post} (trained
 * staff still in post per region, province and national) or {@code sites} (one row per site). Regions and provinces by
 * their codes; rates as fractions (4 decimals); empty cells for rates with nothing to divide.
 */
final class ViolenceFiguresAxis implements FiguresCommand.MissionTable {

    static final List<String> TABLES = List.of("stages", "funnel", "retention", "referrals", "still-in-post", "sites");

    private final String table;
    private final LocalDate asOf;

    /** @param asOf the day the planned stages stand for; null: the mission's as-of date, else today */
    ViolenceFiguresAxis(String table, LocalDate asOf) {
        this.table = table == null ? "stages" : table;
        if (!TABLES.contains(this.table)) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, "--table " + table + ": violence takes " + String.join(", ", TABLES), null);
        }
        this.asOf = asOf;
    }

    @Override
    public int write(MissionFile mission, FiguresCommand.Format format, Writer writer) throws IOException {
        PerpetratorCareRepository repository = new PerpetratorCareRepository(mission.dsl());
        PerpetratorCareData data = repository.load();
        LocalDate day = asOf != null ? asOf : repository.missionAsOf() != null ? repository.missionAsOf() : LocalDate.now();
        Map<Integer, String> regionCodes = new HashMap<>();
        mission.dsl().select(REGION.ID, REGION.CODE).from(REGION).forEach(r -> regionCodes.put(r.value1(), r.value2()));
        Map<Integer, String> provinceCodes = new HashMap<>();
        mission.dsl().select(PROVINCE.ID, PROVINCE.CODE).from(PROVINCE).forEach(r -> provinceCodes.put(r.value1(), r.value2()));
        List<String> header;
        List<List<Object>> rows = new ArrayList<>();
        List<Integer> regionIds = data.sites().stream().map(Site::regionId).distinct().toList();
        switch (table) {
            case "stages" -> {
                header = new ArrayList<>(List.of("region", "sites"));
                for (String phase : PerpetratorCareFigures.PHASES) {
                    header.add(phase + "_planned");
                    header.add(phase + "_actual");
                }
                header.addAll(List.of("not_planned", "suspended"));
                for (RegionStages r : PerpetratorCareFigures.stagesByRegion(data, day)) {
                    List<Object> row = new ArrayList<>(List.of(r.regionId() == null ? "national" : regionCodes.get(r.regionId()),
                            r.sites()));
                    for (String phase : PerpetratorCareFigures.PHASES) {
                        row.add(r.planned().get(phase));
                        row.add(r.actual().get(phase));
                    }
                    row.add(r.notPlanned());
                    row.add(r.suspended());
                    rows.add(row);
                }
            }
            case "funnel" -> {
                header = List.of("region", "targeted", "trained", "delivering", "sustained");
                for (Integer id : regionIds) {
                    Funnel f = PerpetratorCareFigures.funnel(PerpetratorCareFigures.forSites(data, s -> s.regionId() == id));
                    rows.add(List.of(regionCodes.get(id), f.targeted(), f.trained(), f.delivering(), f.sustained()));
                }
                Funnel f = PerpetratorCareFigures.funnel(data);
                rows.add(List.of("national", f.targeted(), f.trained(), f.delivering(), f.sustained()));
            }
            case "retention" -> {
                header = List.of("region", "patients_followed", "dropouts", "retention");
                for (Integer id : regionIds) {
                    Retention r = PerpetratorCareFigures.retention(PerpetratorCareFigures.forSites(data, s -> s.regionId() == id));
                    rows.add(List.of(regionCodes.get(id), r.patientsFollowed(), r.dropouts(), rate(r.rate())));
                }
                Retention r = PerpetratorCareFigures.retention(data);
                rows.add(List.of("national", r.patientsFollowed(), r.dropouts(), rate(r.rate())));
            }
            case "referrals" -> {
                header = List.of("source", "referrals", "share");
                Map<String, Long> mix = PerpetratorCareFigures.referralMix(data);
                long total = mix.values().stream().mapToLong(Long::longValue).sum();
                mix.forEach((source, n) -> rows.add(List.of(source, n, total == 0 ? "" : rate((double) n / total))));
            }
            case "still-in-post" -> {
                header = List.of("level", "unit", "trained", "linked", "in_post", "share");
                for (StillInPost s : PerpetratorCareFigures.stillInPost(data)) {
                    String unit = switch (s.level()) {
                        case REGION -> regionCodes.get(s.unitId());
                        case PROVINCE -> provinceCodes.get(s.unitId());
                        case NATIONAL -> "national";
                    };
                    rows.add(List.of(s.level().name().toLowerCase(Locale.ROOT), unit, s.trained(), s.linked(), s.inPost(),
                            rate(s.share())));
                }
            }
            default -> {
                header = List.of("site_id", "site", "province", "region", "stage", "epis_phase", "stage_since",
                        "planned_stage", "trained", "in_post", "delivering", "sustained");
                Map<Integer, PerpetratorCareFigures.SiteSteps> steps = new HashMap<>();
                PerpetratorCareFigures.siteSteps(data).forEach(s -> steps.put(s.siteId(), s));
                for (Site s : data.sites()) {
                    StillInPost p = PerpetratorCareFigures.stillInPost(data, s.id());
                    String planned = PerpetratorCareFigures.plannedStage(data, s.id(), day);
                    String phase = PerpetratorCareRules.epis(s.stage());
                    rows.add(List.of(s.id(), s.name(), provinceCodes.get(s.provinceId()), regionCodes.get(s.regionId()), s.stage(),
                            phase == null ? "" : phase, s.stageSince() == null ? "" : s.stageSince().toString(),
                            planned == null ? "" : planned, p.trained(), p.inPost(), steps.get(s.id()).delivering(),
                            steps.get(s.id()).sustained()));
                }
            }
        }
        if (format == FiguresCommand.Format.json) {
            json(header, rows, writer);
        } else {
            csv(header, rows, writer);
        }
        return data.sites().isEmpty() ? EsspDiagCommand.PROBLEMS : EsspDiagCommand.OK;
    }

    private static String rate(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Through the application's one CSV writer: text cells neutralised against formula injection, numbers as they are. */
    private static void csv(List<String> header, List<List<Object>> rows, Writer w) throws IOException {
        CsvWriter csv = new CsvWriter(w);
        for (String h : header) {
            csv.text(h);
        }
        csv.endLine();
        for (List<Object> row : rows) {
            for (Object cell : row) {
                String s = String.valueOf(cell);
                if (cell instanceof Number || (s.matches("\\d+\\.\\d+"))) {
                    csv.number(s);
                } else {
                    csv.text(s);
                }
            }
            csv.endLine();
        }
        csv.flush();
    }

    /** An array of objects: numbers and rates as numbers, booleans as booleans, empty cells as null, text as strings. */
    private static void json(List<String> header, List<List<Object>> rows, Writer w) throws IOException {
        w.write("[");
        for (int r = 0; r < rows.size(); r++) {
            w.write(r == 0 ? "\n  {" : ",\n  {");
            List<Object> row = rows.get(r);
            for (int i = 0; i < header.size(); i++) {
                w.write((i == 0 ? "" : ", ") + "\"" + header.get(i) + "\": " + jsonValue(header.get(i), row.get(i)));
            }
            w.write("}");
        }
        w.write(rows.isEmpty() ? "]\n" : "\n]\n");
    }

    private static String jsonValue(String column, Object value) {
        String s = String.valueOf(value);
        if (s.isEmpty()) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean
                || ((column.equals("retention") || column.equals("share")) && s.matches("\\d+\\.\\d+"))) {
            return s;
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
