package ma.essp.diag.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.io.IOException;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.template.FieldTemplate;
import ma.essp.diag.reporting.template.TemplateKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code essp-diag template}: an Excel field template for colleagues who fill sheets rather than the application. */
@Command(name = "template", description = {"An Excel field template of the mission: the scope's rows pre-filled (uuids and",
        "codes locked), drop-down lists for coded answers, instructions. Fill it in Excel, then `essp-diag import`."})
final class TemplateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The mission file (.essp).")
    Path file;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "essp (the registry), assessment (the PMS checklist), recounts (data verification), staff (the ESSPs' positions), complaints (anonymous samples), dataflows (observations per flow and period) or attendance (a training cohort's hours attended, --scope cohort:ID).")
    String kind;

    @Option(names = "--scope", defaultValue = "national", paramLabel = "SCOPE",
            description = "national, region:CODE, province:CODE or circonscription:ID; for --kind attendance cohort:ID (the training cohort's id). Default: ${DEFAULT-VALUE}.")
    String scope;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "The workbook to write (.xlsx; replaced if it exists).")
    Path out;

    @Option(names = "--lang", defaultValue = "fr", paramLabel = "LANG",
            description = "Language of the labels and drop-down lists: fr, en or ar. Default: ${DEFAULT-VALUE}.")
    String language;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    @Override
    public Integer call() throws Exception {
        TemplateKind templateKind;
        ReportLanguage reportLanguage;
        String shownScope;
        try {
            templateKind = TemplateKind.fromCode(kind);
            shownScope = templateKind == TemplateKind.ATTENDANCE ? FieldTemplate.COHORT_SCOPE + FieldTemplate.cohortId(scope)
                    : ReportScope.parse(scope).toString();
            reportLanguage = ReportLanguage.fromCode(language);
        } catch (IllegalArgumentException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        }
        int rows;
        try (MissionFile mission = root.open(file)) {
            rows = FieldTemplate.write(mission.dsl(), mission.schemaVersion(), templateKind, shownScope, reportLanguage, out);
        } catch (IllegalArgumentException | IOException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%s written (%s, %s, %s): %d rows%n", out.toAbsolutePath(), templateKind,
                shownScope, reportLanguage.code(), rows);
        return EsspDiagCommand.OK;
    }
}
