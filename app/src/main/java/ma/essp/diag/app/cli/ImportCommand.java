package ma.essp.diag.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionBackup;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.template.FieldImport;
import ma.essp.diag.reporting.template.ImportProblem;
import ma.essp.diag.reporting.template.ImportReport;
import ma.essp.diag.reporting.template.TemplateWords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code essp-diag import}: a filled field template back into the mission. The whole workbook is checked first; nothing
 * is written unless it is valid (or, with {@code --valid-rows-only}, its valid rows), in one transaction.
 */
@Command(name = "import", description = {"Imports a filled field template (see `essp-diag template`). The whole workbook is",
        "checked first and every problem listed (sheet, row, column, value, problem) and written to a report workbook;",
        "nothing is written unless the whole workbook is valid. Importing the same workbook again changes nothing."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The mission file (.essp).")
    Path file;

    @Option(names = "--in", required = true, paramLabel = "WORKBOOK", description = "The filled template (.xlsx).")
    Path in;

    @Option(names = "--dry-run", description = "Check only: list the problems and write the report, change nothing.")
    boolean dryRun;

    @Option(names = "--valid-rows-only", description = {"Import the rows without a problem and leave the others out (after",
            "reviewing the report). Refused when the file, a sheet or a column is wrong."})
    boolean validRowsOnly;

    @Option(names = "--accept-warnings", description = {"Import even though the report warns of likely duplicate ESSPs (after",
            "reviewing them); without it such a workbook is checked and reported, and nothing is written."})
    boolean acceptWarnings;

    @Option(names = "--report", paramLabel = "REPORT",
            description = "The report workbook to write (default: WORKBOOK-report.xlsx next to the workbook).")
    Path report;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the problems: fr, en or ar (default: the window's).")
    String language;

    @Option(names = "--as", paramLabel = "MEMBER", description = "The team member who imports (default: the one remembered for the mission).")
    String as;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    @Override
    public Integer call() throws Exception {
        ReportLanguage lang;
        try {
            lang = language == null ? ReportLanguage.fromCode(root.settingsLanguage()) : ReportLanguage.fromCode(language);
        } catch (IllegalArgumentException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        }
        if (!java.nio.file.Files.isRegularFile(in)) {
            // nothing to check and nowhere sensible to write a report (next to a file that is not there)
            throw new CliException(EsspDiagCommand.CANNOT_RUN, in + ": no such workbook", null);
        }
        TemplateWords words = new TemplateWords(lang);
        PrintWriter out = spec.commandLine().getOut();
        try (MissionFile mission = root.open(file)) {
            FieldImport.Check check = FieldImport.check(mission.dsl(), mission.schemaVersion(), in);
            for (ImportProblem p : check.problems()) {
                out.println(words.line(p));
            }
            out.println(ImportReport.summary(check, words));
            for (FieldImport.RowChange row : check.validRows()) {
                if (row instanceof FieldImport.EsspChange e && e.esspId() == 0) {
                    // a new ESSP of the essp kind, with its code (typed, or the next free one given now)
                    out.println(words.format("report.new_essp", e.row(), e.draft().code(), e.draft().nameFr()));
                }
            }
            writeReport(check, words);
            if (dryRun) {
                out.println(words.get("report.nothing_imported"));
                return check.valid() ? EsspDiagCommand.OK : EsspDiagCommand.PROBLEMS;
            }
            if (!check.valid() && (!validRowsOnly || check.structural() || check.meta() == null)) {
                out.println(words.get("report.nothing_imported"));
                return EsspDiagCommand.PROBLEMS;
            }
            if (!check.warnings().isEmpty() && !acceptWarnings) {
                out.println(words.get("report.warnings_not_imported"));
                return EsspDiagCommand.PROBLEMS;
            }
            // who imports is resolved only now: a refused workbook must not even add the first team member
            EditContext edit = root.editAs(mission, as);
            MissionBackup.take(mission, MissionBackup.Reason.IMPORT);
            FieldImport.Result result = FieldImport.apply(mission.dsl(), edit, check, validRowsOnly);
            out.println(words.format("report.imported", result.rowsImported(), result.rowsChanged(), result.valuesChanged()));
            return check.valid() ? EsspDiagCommand.OK : EsspDiagCommand.PROBLEMS;
        }
    }

    private void writeReport(FieldImport.Check check, TemplateWords words) {
        Path target = report != null ? report : ImportReport.besides(in.toAbsolutePath());
        try {
            ImportReport.write(check, words, target);
            spec.commandLine().getOut().println(target.toAbsolutePath());
        } catch (IOException e) {
            // the problems are printed above: a report that cannot be written is said, not fatal
            spec.commandLine().getErr().println("essp-diag: report not written: " + EsspDiagCommand.inWords(e));
        }
    }
}
