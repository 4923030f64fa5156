package ma.essp.diag.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionBackup;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import ma.essp.diag.reporting.complaints.ComplaintDeadlines;
import ma.essp.diag.reporting.dataflow.DataVerification;
import ma.essp.diag.reporting.readiness.ReadinessRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code essp-diag settings}: shows the mission's settings, or changes one. The keys are
 * {@value ReadinessRules#REPORTED_EQUIPMENT_KEY} (whether equipment counts in the readiness indices when only
 * reported) and {@value MissionBackup#KEEP_SETTING} (how many rolling backups are kept); an unknown key or value is
 * refused and nothing is written.
 */
@Command(name = "settings", description = {"Shows the mission settings, or sets one with --set KEY=VALUE.",
        "Keys: " + ReadinessRules.REPORTED_EQUIPMENT_KEY + " (true|false, default false): equipment answered",
        "\"available and functioning\" on the respondent's word counts in the SARA indices.",
        MissionBackup.KEEP_SETTING + " (1-" + MissionBackup.MAX_KEEP + ", default " + MissionBackup.DEFAULT_KEEP
                + "): how many rolling backups of the mission are kept (see essp-diag restore).",
        DataVerification.LOW_KEY + ", " + DataVerification.HIGH_KEY + " (default 0.90, 1.10): the acceptable band of the",
        "data verification factor (0 < low < 1 < high).",
        ComplaintDeadlines.ACKNOWLEDGE_KEY + " (default " + ComplaintDeadlines.DEFAULT_ACKNOWLEDGE_DAYS + ", to be confirmed by the team), "
                + ComplaintDeadlines.RESPONSE_KEY + " (default " + ComplaintDeadlines.DEFAULT_RESPONSE_DAYS + "): complaint deadlines in",
        "calendar days after reception (1-" + ComplaintDeadlines.MAX_DAYS + ")."})
final class SettingsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The mission file (.essp).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Sets one setting.")
    String set;

    @Option(names = "--as", paramLabel = "MEMBER", description = {"Who sets it: a team member's full name or uuid. "
            + "Default: the member the window remembers for this mission on this laptop."})
    String as;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    @Override
    public Integer call() throws Exception {
        try (MissionFile mission = root.open(file)) {
            MissionSettingsRepository settings = new MissionSettingsRepository(mission.dsl());
            if (set != null) {
                int eq = set.indexOf('=');
                String key = eq < 0 ? set : set.substring(0, eq).strip();
                String value = eq < 0 ? "" : set.substring(eq + 1).strip().toLowerCase(java.util.Locale.ROOT);
                if (MissionBackup.KEEP_SETTING.equals(key)) {
                    value = String.valueOf(MissionBackup.parseKeep(value).orElseThrow(() -> new CliException(EsspDiagCommand.CANNOT_RUN,
                            file + ": " + key + " takes a whole number from 1 to " + MissionBackup.MAX_KEEP + ", not '" + set.substring(eq + 1).strip() + "'", null)));
                } else if (DataVerification.LOW_KEY.equals(key) || DataVerification.HIGH_KEY.equals(key)) {
                    value = band(settings.all(), key, value);
                } else if (ComplaintDeadlines.ACKNOWLEDGE_KEY.equals(key) || ComplaintDeadlines.RESPONSE_KEY.equals(key)) {
                    try {
                        value = Integer.toString(ComplaintDeadlines.parseDays(key, value));
                    } catch (IllegalArgumentException e) {
                        throw new CliException(EsspDiagCommand.CANNOT_RUN, file + ": " + e.getMessage(), null);
                    }
                } else if (!ReadinessRules.REPORTED_EQUIPMENT_KEY.equals(key)) {
                    throw new CliException(EsspDiagCommand.CANNOT_RUN, file + ": unknown setting " + key
                            + " (known: " + ReadinessRules.REPORTED_EQUIPMENT_KEY + ", " + MissionBackup.KEEP_SETTING + ", "
                            + DataVerification.LOW_KEY + ", " + DataVerification.HIGH_KEY + ", " + ComplaintDeadlines.ACKNOWLEDGE_KEY
                            + ", " + ComplaintDeadlines.RESPONSE_KEY + ")", null);
                } else if (!value.equals("true") && !value.equals("false")) {
                    throw new CliException(EsspDiagCommand.CANNOT_RUN, file + ": " + key + " takes true or false, not '" + value + "'", null);
                }
                EditContext edit = root.editAs(mission, as);
                settings.set(edit, key, value);
            }
            Map<String, String> all = settings.all();
            ReadinessRules rules = ReadinessRules.of(all);
            spec.commandLine().getOut().println(ReadinessRules.REPORTED_EQUIPMENT_KEY + "=" + rules.reportedEquipment()
                    + (all.containsKey(ReadinessRules.REPORTED_EQUIPMENT_KEY) ? "" : " (default)"));
            spec.commandLine().getOut().println(MissionBackup.KEEP_SETTING + "=" + MissionBackup.keep(file)
                    + (all.containsKey(MissionBackup.KEEP_SETTING) ? "" : " (default)"));
            DataVerification.Band band = DataVerification.Band.ofMission(mission.dsl());
            ComplaintDeadlines deadlines = ComplaintDeadlines.of(all);
            print(all, DataVerification.LOW_KEY, ma.essp.diag.reporting.dataflow.DataFlowTable.factor(band.low()));
            print(all, DataVerification.HIGH_KEY, ma.essp.diag.reporting.dataflow.DataFlowTable.factor(band.high()));
            print(all, ComplaintDeadlines.ACKNOWLEDGE_KEY, Integer.toString(deadlines.acknowledgeDays()));
            print(all, ComplaintDeadlines.RESPONSE_KEY, Integer.toString(deadlines.responseDays()));
        }
        return EsspDiagCommand.OK;
    }

    private void print(Map<String, String> all, String key, String value) {
        spec.commandLine().getOut().println(key + "=" + value + (all.containsKey(key) ? "" : " (default)"));
    }

    /**
     * A bound of the verification-factor band as stored: a decimal ("0.95" or "0,95"), the band it makes with the other
     * bound as set (or its default) valid — low in (0, 1], high at least 1 — else refused.
     */
    private String band(Map<String, String> all, String key, String value) {
        double bound;
        try {
            bound = Double.parseDouble(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, file + ": " + key + " takes a decimal number, not '" + value + "'", null);
        }
        DataVerification.Band now = DataVerification.Band.DEFAULT;
        double low = all.containsKey(DataVerification.LOW_KEY) ? Double.parseDouble(all.get(DataVerification.LOW_KEY)) : now.low();
        double high = all.containsKey(DataVerification.HIGH_KEY) ? Double.parseDouble(all.get(DataVerification.HIGH_KEY)) : now.high();
        low = key.equals(DataVerification.LOW_KEY) ? bound : low;
        high = key.equals(DataVerification.HIGH_KEY) ? bound : high;
        if (!DataVerification.Band.settable(low, high)) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, file + ": the VF band must hold 1 strictly inside "
                    + "(0 < " + DataVerification.LOW_KEY + " < 1 < " + DataVerification.HIGH_KEY + "), not " + low + "–" + high, null);
        }
        return Double.toString(bound);
    }
}
