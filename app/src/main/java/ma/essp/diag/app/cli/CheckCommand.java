package ma.essp.diag.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import ma.essp.diag.database.check.ConsistencyChecker;
import ma.essp.diag.database.check.ConsistencyIssue;
import ma.essp.diag.database.mission.MissionFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", description = {"SQLite integrity check plus the model's consistency rules.",
        "Exit 0 when clean, 1 with the list of problems, 2 when the file cannot be opened.",
        "Warnings (text longer than an Excel cell holds) are listed but do not change the exit code."})
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The mission file (.essp).")
    Path file;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (MissionFile mission = root.open(file)) {
            ConsistencyChecker checker = new ConsistencyChecker(mission.dsl());
            List<ConsistencyIssue> issues = checker.check();
            // warnings describe what an export will do (cut a long text, with a marker), not an inconsistency:
            // they are listed but leave the exit code to the rules
            List<ConsistencyIssue> warnings = checker.warnings();
            if (issues.isEmpty()) {
                out.println(file + ": clean (" + ConsistencyChecker.ruleCodes().size() + " rules and the SQLite integrity check passed)");
            } else {
                out.println(file + ": " + issues.size() + " problem(s)");
                issues.forEach(issue -> out.println("  " + issue));
            }
            if (!warnings.isEmpty()) {
                out.println(file + ": " + warnings.size() + " warning(s)");
                warnings.forEach(warning -> out.println("  warning " + warning));
            }
            return issues.isEmpty() ? EsspDiagCommand.OK : EsspDiagCommand.PROBLEMS;
        }
    }
}
