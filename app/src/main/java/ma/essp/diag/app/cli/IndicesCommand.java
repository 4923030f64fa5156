package ma.essp.diag.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputRefusedException;
import ma.essp.diag.database.files.OutputTarget;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.database.repository.ReadinessDataRepository.AssessmentSelection;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.Breakdown;
import ma.essp.diag.reporting.readiness.ReadinessAggregator;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import ma.essp.diag.reporting.readiness.ReadinessResult;
import ma.essp.diag.reporting.readiness.ReadinessRules;
import ma.essp.diag.reporting.readiness.ReadinessTableWriter;
import ma.essp.diag.reporting.readiness.Weighting;
import org.jooq.DSLContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code essp-diag indices}: the SARA readiness table of a mission at one level (docs/cli-indices.md). */
@Command(name = "indices", description = {"WHO SARA readiness indices of the mission's ESSPs (latest assessment of each),",
        "at one level, as CSV or JSON. Exit code 1 when no ESSP has an assessment."})
final class IndicesCommand implements Callable<Integer> {

    enum Level { essp, circonscription, province, region, national }

    enum By { category, milieu }

    enum Format { csv, json }

    enum Selection { latest, latest_complete }

    enum Unanswered { excluded, absent }

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The mission file (.essp); or --server.")
    Path file;

    @Option(names = "--server", paramLabel = "URL",
            description = "Instead of FILE: the mission on a team server, jdbc:postgresql://HOST[:PORT]/DATABASE (docs/cli-server.md).")
    String server;

    @Option(names = "--user", paramLabel = "USER", description = "With --server: your PostgreSQL role (password: PGPASSWORD or asked).")
    String user;

    @Option(names = "--level", required = true, paramLabel = "LEVEL",
            description = "essp, circonscription, province, region or national.")
    Level level;

    @Option(names = "--by", paramLabel = "GROUP", description = "Split each unit by ESSP category or by milieu (rural/urban).")
    By by;

    @Option(names = "--weighted", description = "Weight ESSPs by the population they serve (labelled in the output).")
    boolean weighted;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "OUT", description = "Write to this file instead of standard output.")
    Path out;

    @Option(names = "--assessments", defaultValue = "latest", paramLabel = "WHICH",
            description = "latest (default) or latest_complete: which assessment of each ESSP is used.")
    Selection selection;

    @Option(names = "--unanswered", defaultValue = "excluded", paramLabel = "RULE",
            description = {"excluded (default): an unanswered item leaves the score and lowers completeness;",
                    "absent: it counts as not available (SARA's conservative reading, to see how much completeness moves",
                    "the index). The unanswered column says which was used."})
    Unanswered unanswered;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    @Override
    public Integer call() throws Exception {
        if (out != null) {
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
        record Loaded(ReadinessData data, ReadinessRules rules) {
        }
        Loaded loaded = ServerCommand.Login.read(root, spec, file, server, user, dsl -> new Loaded(load(dsl), rules(dsl)));
        ReadinessData data = loaded.data();
        ReadinessRules rules = loaded.rules();
        ReadinessResult result = ReadinessCalculator.compute(data, rules);
        AggregationLevel aggregationLevel = AggregationLevel.fromCode(level.name());
        Breakdown breakdown = by == null ? Breakdown.NONE : Breakdown.fromCode(by.name());
        Weighting weighting = weighted ? Weighting.POPULATION : Weighting.UNWEIGHTED;
        List<AggregateRow> rows = ReadinessAggregator.aggregate(result, aggregationLevel, breakdown, weighting, e -> true);
        if (out == null) {
            PrintWriter writer = spec.commandLine().getOut();
            write(rows, result, aggregationLevel, breakdown, weighting, writer);
        } else {
            writeFile(rows, result, aggregationLevel, breakdown, weighting);
        }
        if (data.assessments().isEmpty()) {
            spec.commandLine().getErr().println("essp-diag: " + (file != null ? file : server) + ": no ESSP has an assessment; every index is empty");
            return EsspDiagCommand.PROBLEMS;
        }
        return EsspDiagCommand.OK;
    }

    private ReadinessData load(DSLContext dsl) {
        return new ReadinessDataRepository(dsl).load(
                selection == Selection.latest_complete ? AssessmentSelection.LATEST_COMPLETE : AssessmentSelection.LATEST);
    }

    private ReadinessRules rules(DSLContext dsl) {
        return ReadinessRules.ofMission(dsl).withUnanswered(ReadinessRules.Unanswered.fromCode(unanswered.name()));
    }

    private void writeFile(List<AggregateRow> rows, ReadinessResult result, AggregationLevel level, Breakdown breakdown,
                           Weighting weighting) {
        try {
            AtomicOutput.write(out, OutputTarget.Policy.OUTPUT, part -> {
                try (Writer writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    write(rows, result, level, breakdown, weighting, writer);
                }
            });
        } catch (OutputRefusedException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, out + ": cannot write the output (" + e.getMessage() + ")", e);
        }
    }

    private void write(List<AggregateRow> rows, ReadinessResult result, AggregationLevel level, Breakdown breakdown,
                       Weighting weighting, Writer writer) throws IOException {
        if (format == Format.json) {
            ReadinessTableWriter.writeJson(rows, result.catalogue(), result.rules(), level, breakdown, weighting, writer);
        } else {
            ReadinessTableWriter.writeCsv(rows, result.catalogue(), result.rules(), writer);
        }
    }
}
