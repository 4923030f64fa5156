package ma.essp.diag.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import ma.essp.diag.reporting.export.AtomicFileWriter;
import ma.essp.diag.reporting.export.ExportException;
import ma.essp.diag.reporting.export.ExportProgress;
import ma.essp.diag.reporting.export.job.ReportExporter;
import ma.essp.diag.reporting.export.ReportFormat;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportRequest;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.export.ReportSection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code essp-diag export}: the diagnostic report of a mission as an Excel workbook or a PDF. */
@Command(name = "export", description = {"The diagnostic report: Excel workbook (xlsx) or PDF, for the nation, a region, a",
        "province or a circonscription, in French, English or Arabic. The file appears only when complete."})
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The mission file (.essp); or --server.")
    Path file;

    @Option(names = "--server", paramLabel = "URL",
            description = "Instead of FILE: the mission on a team server, jdbc:postgresql://HOST[:PORT]/DATABASE (docs/cli-server.md).")
    String server;

    @Option(names = "--user", paramLabel = "USER", description = "With --server: your PostgreSQL role (password: PGPASSWORD or asked).")
    String user;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "xlsx or pdf.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "The file to write (replaced if it exists).")
    Path out;

    @Option(names = "--scope", defaultValue = "national", paramLabel = "SCOPE",
            description = "national, region:CODE, province:CODE or circonscription:ID. Default: ${DEFAULT-VALUE}.")
    String scope;

    @Option(names = "--lang", defaultValue = "fr", paramLabel = "LANG", description = "fr, en or ar. Default: ${DEFAULT-VALUE}.")
    String language;

    @Option(names = "--sections", split = ",", paramLabel = "SECTION",
            description = {"Comma-separated sections (default: all; ESSP fact sheets only for a region or smaller):",
                    "registry, territory, hr, readiness, gaps, data-flows, complaints, perpetrator-care, training,",
                    "findings, essp-sheets. The summary and the read-me are always included."})
    List<String> sections;

    @Option(names = "--as-of", paramLabel = "DATE", description = "As-of date shown on the cover (YYYY-MM-DD; default: the mission's).")
    LocalDate asOf;

    @Option(names = "--author", paramLabel = "NAME", description = "Author shown on the cover.")
    String author;

    @Option(names = "--report-version", paramLabel = "LABEL", description = "Version label shown on the cover (v1, draft 2...).")
    String reportVersion;

    @Option(names = "--quiet", description = "No progress on standard error.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    @Override
    public Integer call() throws Exception {
        ReportRequest request;
        ReportFormat reportFormat;
        try {
            reportFormat = ReportFormat.fromCode(format);
            ReportScope reportScope = ReportScope.parse(scope);
            Set<ReportSection> chosen = null;
            if (sections != null && !sections.isEmpty()) {
                chosen = EnumSet.noneOf(ReportSection.class);
                for (String s : sections) {
                    chosen.add(ReportSection.fromCode(s));
                }
            }
            request = new ReportRequest(reportScope, ReportLanguage.fromCode(language), chosen, asOf, author, reportVersion);
        } catch (IllegalArgumentException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        ExportProgress progress = quiet ? ExportProgress.NONE : new ExportProgress() {
            private long lastPrint = System.nanoTime(); // nothing printed for quick runs and quick failures

            @Override
            public void update(String stage, long done, long total) {
                long now = System.nanoTime();
                if (now - lastPrint > 1_000_000_000L) { // at most once a second
                    lastPrint = now;
                    err.println(total > 0 ? String.format(Locale.ROOT, "  %s: %d / %d", stage, done, total) : "  " + stage + "...");
                    err.flush();
                }
            }
        };
        long start = System.nanoTime();
        try {
            AtomicFileWriter.checkWritable(out); // before the mission is even opened: refused outputs cost nothing
        } catch (ExportException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        }
        try {
            ServerCommand.Login.read(root, spec, file, server, user, dsl -> {
                ReportExporter.export(dsl, request, reportFormat, out, progress);
                return null;
            });
        } catch (ExportException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%s written (%s, %s, %s) in %.1f s%n", out.toAbsolutePath(),
                reportFormat.extension(), request.scope(), request.language().code(), (System.nanoTime() - start) / 1e9);
        return EsspDiagCommand.OK;
    }
}
