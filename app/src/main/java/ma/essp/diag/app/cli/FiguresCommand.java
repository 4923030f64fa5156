package ma.essp.diag.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputRefusedException;
import ma.essp.diag.database.files.OutputTarget;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowRepository;
import ma.essp.diag.database.repository.ReportSourceData;
import ma.essp.diag.database.repository.ReportSourceRepository;
import ma.essp.diag.reporting.complaints.ComplaintDeadlines;
import ma.essp.diag.reporting.complaints.ComplaintFigures;
import ma.essp.diag.reporting.complaints.ComplaintFiguresTable;
import ma.essp.diag.reporting.dataflow.DataFlowFigures;
import ma.essp.diag.reporting.dataflow.DataFlowTable;
import ma.essp.diag.reporting.dataflow.DataVerification;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.training.TrainingNeeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code essp-diag figures FILE --axis AXIS}: the figures of one axis of the diagnostic (docs/cli-figures.md). A thin
 * dispatcher on the axis name: each axis's rows and columns live with its figures in {@code reporting} (or in its own
 * class here); the options, the output handling and the exit codes are shared: 0 figures written, 1 written but the
 * mission has no data for the axis, 2 cannot run.
 */
@Command(name = "figures", description = {"The figures of one axis of the diagnostic, as CSV or JSON (docs/cli-figures.md).",
        "Axes: dataflows and complaints (per unit of --level), findings and violence (--table), training (--by),",
        "training-needs (per circonscription, province or region: --level).",
        "Exit code 1 when the mission has no data for the axis (the table is still written)."})
final class FiguresCommand implements Callable<Integer> {

    enum Axis {
        dataflows, complaints, findings, training, training_needs, violence;

        /** The name typed on the command line ({@code training-needs}). */
        String typed() {
            return name().replace('_', '-');
        }
    }

    /** Reads an axis as typed ({@code training-needs}); an unknown one names the value and the axes there are. */
    static final class AxisConverter implements picocli.CommandLine.ITypeConverter<Axis> {
        @Override
        public Axis convert(String value) {
            for (Axis a : Axis.values()) {
                if (a.typed().equals(value)) {
                    return a;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected one of " + java.util.Arrays.stream(Axis.values())
                    .map(Axis::typed).toList() + " but was '" + value + "'");
        }
    }

    enum Level { essp, circonscription, province, region, national }

    enum Format { csv, json }

    /** An axis that writes its table while the mission is open: OK, or PROBLEMS when it is written but empty. */
    interface MissionTable {
        int write(MissionFile mission, Format format, Writer writer) throws IOException;
    }

    /** One axis's figures, read from the open mission and written in the format asked. */
    interface AxisFigures {
        /** Reads the figures (the mission is open); called before any output is written. */
        void read(MissionFile mission);

        void write(Format format, String table, Writer writer) throws IOException;

        /** Why the axis had nothing to show (exit code 1), for the error stream; null when it had data. */
        String nothingToShow();
    }

    @Parameters(index = "0", paramLabel = "FILE", description = "The mission file (.essp).")
    Path file;

    @Option(names = "--axis", required = true, paramLabel = "AXIS", converter = AxisConverter.class,
            description = "dataflows, complaints, findings, training, training-needs or violence.")
    Axis axis;

    @Option(names = "--level", paramLabel = "LEVEL",
            description = {"dataflows and complaints (required): essp, circonscription, province, region or national;",
                    "training-needs: circonscription (default), province or region."})
    Level level;

    @Option(names = "--as-of", paramLabel = "DATE", description = {"dataflows: only periods started by this date (default: all);",
            "complaints, violence: the date the figures stand for (default: the mission's as-of date, else today). yyyy-mm-dd."})
    String asOf;

    @Option(names = "--table", paramLabel = "TABLE",
            description = {"findings: findings (default) or recommendations; CSV only (JSON holds both).",
                    "violence: stages (default), funnel, retention, referrals, still-in-post or sites."})
    String table;

    @Option(names = "--by", paramLabel = "GROUP", defaultValue = "cohort",
            description = {"training: cohort (default), programme, the cost totals by year, region or funding_line, experts",
                    "(expert-days and amounts by origin, Moroccan or European), evaluation,",
                    "or scenario (the next cohorts against --reference, see the scenario options).",
                    "dataflows: unit (default) or report-type (the rates of each report type in each unit)."})
    String by;

    @Option(names = "--reference", paramLabel = "COHORT_ID", description = "training --by scenario: the reference cohort (required).")
    Integer reference;

    @Option(names = "--cohorts", paramLabel = "N", description = "training --by scenario: number of cohorts (default 1).")
    Integer cohorts;

    @Option(names = "--participants", paramLabel = "M", description = "training --by scenario: participants per cohort (default: the reference's).")
    Integer participants;

    @Option(names = "--no-shows", paramLabel = "K", description = {"training --by scenario: participants per cohort who never come",
            "(default: the reference's non-completers; 0 when --participants is given)."})
    Integer noShows;

    @Option(names = "--seminar-days", paramLabel = "DAYS", description = "training --by scenario: days of each seminar, e.g. 3,3,2,2,3,2 (default: the reference's).")
    String seminarDays;

    @Option(names = "--moroccan-experts", paramLabel = "A", description = "training --by scenario: Moroccan experts each seminar day (default 1).")
    Integer moroccanExperts;

    @Option(names = "--european-experts", paramLabel = "B", description = "training --by scenario: European experts each seminar day (default 0).")
    Integer europeanExperts;

    @Option(names = "--unit-cost", paramLabel = "LINE=MAD", description = {"training --by scenario: a unit cost (repeatable), LINE one of",
            "per_diem, accommodation, travel, moroccan_experts, european_experts, venue, materials, tuition (default: the reference's)."})
    Map<String, Double> unitCosts;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "OUT", description = "Write to this file instead of standard output.")
    Path out;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    @Override
    public Integer call() throws Exception {
        AxisFigures figures = switch (axis) {
            case dataflows -> new DataFlowAxis(aggregation(), date(), byReportType());
            case complaints -> new ComplaintAxis(aggregation(), date());
            case findings -> new FindingsFiguresAxis();
            case training -> new BufferedAxis(new TrainingFiguresAxis(TrainingFiguresAxis.By.parse(by),
                    new TrainingFiguresAxis.ScenarioInputs(reference, cohorts, participants, noShows, seminarDays,
                            moroccanExperts, europeanExperts, unitCosts)), format, "no training data");
            case training_needs -> new BufferedAxis(new TrainingNeedsAxis(needsLevel()), format, "no circonscription function recorded");
            case violence -> new BufferedAxis(new ViolenceFiguresAxis(table, date()), format, "no perpetrator-care site");
        };
        checkOut();
        try (MissionFile mission = root.open(file)) {
            figures.read(mission);
        } catch (IllegalArgumentException e) {
            // a mission setting that cannot be read (deadline days, verification band)
            throw new CliException(EsspDiagCommand.CANNOT_RUN, file + ": " + e.getMessage(), e);
        }
        try {
            if (out == null) {
                PrintWriter writer = spec.commandLine().getOut();
                figures.write(format, table, writer);
                writer.flush();
            } else {
                AtomicOutput.write(out, OutputTarget.Policy.OUTPUT, part -> {
                    try (Writer writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)) {
                        figures.write(format, table, writer);
                    }
                });
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        } catch (OutputRefusedException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, out + ": cannot write the output (" + e.getMessage() + ")", e);
        }
        String nothing = figures.nothingToShow();
        if (nothing != null) {
            spec.commandLine().getErr().println("essp-diag: " + file + ": " + nothing);
            return EsspDiagCommand.PROBLEMS;
        }
        return EsspDiagCommand.OK;
    }

    /** dataflows: whether {@code --by report-type} was asked ({@code unit}, the default, is the per-unit table). */
    private boolean byReportType() {
        if (!spec.commandLine().getParseResult().hasMatchedOption("--by") || by.equals("unit")) {
            return false;
        }
        if (by.equals("report-type")) {
            return true;
        }
        throw new CliException(EsspDiagCommand.CANNOT_RUN, "--by " + by + ": dataflows takes unit or report-type");
    }

    private AggregationLevel aggregation() {
        if (level == null) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, "--axis " + axis
                    + " needs --level essp|circonscription|province|region|national", null);
        }
        return AggregationLevel.fromCode(level.name());
    }

    private TrainingNeeds.Level needsLevel() {
        if (level == null) {
            return TrainingNeeds.Level.CIRCONSCRIPTION;
        }
        return switch (level) {
            case circonscription -> TrainingNeeds.Level.CIRCONSCRIPTION;
            case province -> TrainingNeeds.Level.PROVINCE;
            case region -> TrainingNeeds.Level.REGION;
            default -> throw new CliException(EsspDiagCommand.CANNOT_RUN,
                    "--axis training-needs takes --level circonscription|province|region, not " + level, null);
        };
    }

    private LocalDate date() {
        if (asOf == null) {
            return null;
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, "--as-of takes a date as yyyy-mm-dd, not '" + asOf + "'", e);
        }
    }

    private void checkOut() {
        if (out == null) {
            return;
        }
        try {
            Path folder = out.toAbsolutePath().getParent();
            if (folder != null && !Files.exists(folder)) {
                Files.createDirectories(folder); // --out may name a new folder
            }
            OutputTarget.resolve(out); // refused before any work (and again when writing)
        } catch (OutputRefusedException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, out + ": cannot write the output (" + e.getMessage() + ")", e);
        }
    }

    /** Data flows per unit: rates with n, verification factor and band, re-keying steps ({@code reporting.dataflow}). */
    private static final class DataFlowAxis implements AxisFigures {
        private final AggregationLevel level;
        private final LocalDate asOf;
        private final boolean byType;
        private List<DataFlowFigures.UnitRow> rows;
        private List<DataFlowTable.TypeRow> typeRows;
        private DataVerification.Band band;
        private boolean empty;

        DataFlowAxis(AggregationLevel level, LocalDate asOf, boolean byType) {
            this.level = level;
            this.asOf = asOf;
            this.byType = byType;
        }

        @Override
        public void read(MissionFile mission) {
            DataFlowData data = DataFlowTable.asOf(new DataFlowRepository(mission.dsl()).load(), asOf);
            try {
                band = DataVerification.Band.ofMission(mission.dsl());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the mission's verification band is not usable (" + e.getMessage() + ")", e);
            }
            if (byType) {
                typeRows = DataFlowTable.byReportType(data, level);
            } else {
                rows = DataFlowFigures.byUnit(data, level, band);
            }
            empty = data.observations().isEmpty() && data.recounts().isEmpty();
        }

        @Override
        public void write(Format format, String table, Writer writer) throws IOException {
            if (byType) {
                if (format == Format.json) {
                    DataFlowTable.writeTypeJson(typeRows, level, asOf, writer);
                } else {
                    DataFlowTable.writeTypeCsv(typeRows, level, writer);
                }
            } else if (format == Format.json) {
                DataFlowTable.writeJson(rows, level, band, asOf, writer);
            } else {
                DataFlowTable.writeCsv(rows, level, band, writer);
            }
        }

        @Override
        public String nothingToShow() {
            return empty ? "no dataflows data; every figure is empty" : null;
        }
    }

    /** Complaints per unit as of a date: deadline shares with n, medians, late, maturity ({@code reporting.complaints}). */
    private static final class ComplaintAxis implements AxisFigures {
        private final AggregationLevel level;
        private final LocalDate asOf;
        private List<Map<String, String>> rows;
        private ComplaintDeadlines deadlines;
        private LocalDate date;
        private boolean empty;

        ComplaintAxis(AggregationLevel level, LocalDate asOf) {
            this.level = level;
            this.asOf = asOf;
        }

        @Override
        public void read(MissionFile mission) {
            ReportSourceData source = new ReportSourceRepository(mission.dsl()).load();
            deadlines = ComplaintDeadlines.ofMission(mission.dsl());
            date = asOf != null ? asOf : source.mission().asOf() != null ? source.mission().asOf() : LocalDate.now();
            rows = ComplaintFiguresTable.rows(ComplaintFigures.byLevel(source, level, deadlines, date), deadlines, date);
            empty = source.complaintSamples().isEmpty() && source.complaintSystems().isEmpty();
        }

        @Override
        public void write(Format format, String table, Writer writer) throws IOException {
            if (format == Format.json) {
                ComplaintFiguresTable.writeJson(rows, level.code(), deadlines, date, writer);
            } else {
                ComplaintFiguresTable.writeCsv(rows, writer);
            }
        }

        @Override
        public String nothingToShow() {
            return empty ? "no complaints data in the mission; every figure is empty" : null;
        }
    }

    /** An axis that writes while the mission is open: its table is kept in memory until the output is opened. */
    private static final class BufferedAxis implements AxisFigures {
        private final MissionTable axis;
        private final Format format;
        private final String nothing;
        private final StringWriter buffer = new StringWriter();
        private int exit;

        BufferedAxis(MissionTable axis, Format format, String nothing) {
            this.axis = axis;
            this.format = format;
            this.nothing = nothing;
        }

        @Override
        public void read(MissionFile mission) {
            try {
                exit = axis.write(mission, format, buffer);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void write(Format ignored, String table, Writer writer) throws IOException {
            writer.write(buffer.toString());
        }

        @Override
        public String nothingToShow() {
            return exit == EsspDiagCommand.PROBLEMS ? nothing : null;
        }
    }
}
