package ma.essp.diag.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputRefusedException;
import ma.essp.diag.database.files.OutputTarget;
import ma.essp.diag.database.merge.MergeBlockedException;
import ma.essp.diag.database.merge.MergeDecisions;
import ma.essp.diag.database.merge.MergeDecisions.DuplicateChoice;
import ma.essp.diag.database.merge.MergeDecisions.Take;
import ma.essp.diag.database.merge.MergeEngine;
import ma.essp.diag.database.merge.MergePlan;
import ma.essp.diag.database.merge.MergePlan.FieldDiff;
import ma.essp.diag.database.merge.MergePlan.RowDiff;
import ma.essp.diag.database.merge.MergeRefusedException;
import ma.essp.diag.database.merge.MergeSource;
import ma.essp.diag.database.merge.MergeUndo;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionBackup;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.reporting.merge.MergeReviewWorkbook;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code essp-diag merge}: consolidates another laptop's mission file into this one, or undoes a merge. */
@Command(name = "merge", description = {"Merges another laptop's copy of the mission into TARGET (three-way, field by field).",
        "Exit 0 merged (or nothing to merge, or --dry-run that could be applied as given); 1 decisions are needed",
        "(conflicts, duplicate candidates, ESSP codes to renumber): they are listed and nothing is written;",
        "2 the command cannot run (a file refused: another mission, a newer schema; an undo refused)."})
final class MergeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TARGET", description = "The mission file merged into (.essp); backed up first.")
    Path target;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--from", paramLabel = "OTHER", description = "The other laptop's file (read only).")
        Path from;

        @Option(names = "--undo", paramLabel = "RUN", description = "Undoes merge RUN as a whole (the number a merge prints).")
        Integer undo;
    }

    @Option(names = "--dry-run", description = "Shows what would be merged; writes nothing (but the --report).")
    boolean dryRun;

    @Option(names = "--report", paramLabel = "R.xlsx", description = "Writes the summary and every changed field to a workbook.")
    Path report;

    @Option(names = "--take", paramLabel = "SIDE", description = "Resolves every conflict: mine (TARGET's value) or theirs (OTHER's).")
    String take;

    @ArgGroup(exclusive = true)
    Duplicates duplicates;

    static final class Duplicates {
        @Option(names = "--link-duplicates", description = "An incoming ESSP that duplicates one here becomes an alias of it.")
        boolean link;

        @Option(names = "--keep-duplicates", description = "Keeps both ESSPs (the incoming one renumbered if it has the same code).")
        boolean keep;
    }

    @Option(names = "--renumber", description = "Agrees to give a new code to an incoming ESSP whose code another ESSP here has.")
    boolean renumber;

    @Option(names = "--as", paramLabel = "MEMBER", description = "Who merges: a team member's full name or uuid (default: the remembered one).")
    String as;

    @Spec
    CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Take side = take == null ? null : switch (take.toLowerCase(Locale.ROOT)) {
            case "mine" -> Take.MINE;
            case "theirs" -> Take.THEIRS;
            default -> throw new CliException(EsspDiagCommand.CANNOT_RUN, "--take is mine or theirs, not '" + take + "'");
        };
        try (MissionFile mission = root.open(target)) {
            if (what.undo != null) {
                EditContext edit = root.editAs(mission, as);
                int written = new MergeUndo().undo(mission.dsl(), edit, what.undo);
                out.println(target + ": merge " + what.undo + " undone (" + written + " row(s) written)");
                return EsspDiagCommand.OK;
            }
            try (MergeSource source = MergeSource.open(what.from, mission, Path.of(System.getProperty("java.io.tmpdir")))) {
                MergeEngine engine = new MergeEngine();
                MergePlan plan = engine.analyse(mission.dsl(), source.dsl(), what.from.getFileName().toString(),
                        source.missionUuid());
                print(plan, out);
                if (report != null) {
                    writeReport(plan);
                }
                DuplicateChoice choice = duplicates == null ? null : duplicates.link ? DuplicateChoice.LINK : DuplicateChoice.KEEP;
                MergeDecisions decisions = MergeDecisions.of(side, choice, renumber);
                int blocked = blocking(plan, decisions);
                if (dryRun) {
                    out.println(blocked == 0 ? "Dry run: nothing written; the merge can be applied as given"
                            : "Dry run: nothing written; " + blocked + " decision(s) needed (see above)");
                    return blocked == 0 ? EsspDiagCommand.OK : EsspDiagCommand.PROBLEMS;
                }
                if (plan.nothingToDo()) {
                    // history alone may still be copied; apply does nothing when there is none
                    MergeEngine.Applied applied = engine.apply(mission.dsl(), root.editAs(mission, as), plan, decisions, null);
                    out.println(applied.runId() == 0 ? "Nothing to merge: " + target + " already holds everything of " + what.from
                            : "Only history to copy: run " + applied.runId() + ", " + applied.auditRowsCopied() + " audit row(s)");
                    return EsspDiagCommand.OK;
                }
                if (blocked > 0) {
                    spec.commandLine().getErr().println("essp-diag: " + blocked + " decision(s) needed (see above); nothing was merged");
                    return EsspDiagCommand.PROBLEMS;
                }
                EditContext edit = root.editAs(mission, as);
                Path backup = MissionBackup.take(mission, MissionBackup.Reason.MERGE);
                MergeEngine.Applied applied = engine.apply(mission.dsl(), edit, plan, decisions, backup.toString());
                out.println("Merged: run " + applied.runId() + ", " + applied.rowsWritten() + " row(s) written, "
                        + applied.auditRowsCopied() + " audit row(s) copied; backup " + backup);
                out.println("Undo with: essp-diag merge " + target + " --undo " + applied.runId());
                return EsspDiagCommand.OK;
            } catch (MergeBlockedException e) {
                spec.commandLine().getErr().println("essp-diag: " + e.getMessage());
                return EsspDiagCommand.PROBLEMS;
            }
        } catch (MergeRefusedException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        }
    }

    /** The decisions the plan needs and were not given. */
    static int blocking(MergePlan plan, MergeDecisions d) {
        int n = d.take() == null ? plan.conflicts().size() : 0;
        if (d.duplicates() == null) {
            n += plan.duplicates().size();
        } else if (d.duplicates() == DuplicateChoice.LINK && d.take() == null) {
            n += (int) plan.duplicates().stream().flatMap(x -> x.fieldsIfLinked().stream()).filter(FieldDiff::needsDecision).count();
        }
        return n + (d.renumber() ? 0 : plan.clashes().size());
    }

    private void print(MergePlan plan, PrintWriter out) {
        out.println("Merging " + what.from + " into " + target);
        printPlan(plan, out);
    }

    /** The plan's summary per table, its conflicts, parallel updates, duplicate candidates and code clashes (also for sync). */
    static void printPlan(MergePlan plan, PrintWriter out) {
        if (plan.nothingToDo()) {
            return;
        }
        out.printf(Locale.ROOT, "%-30s %7s %7s %7s %8s %9s %10s%n", "table", "added", "changed", "deleted", "parallel",
                "conflicts", "duplicates");
        for (MergePlan.TableSummary s : plan.summary()) {
            out.printf(Locale.ROOT, "%-30s %7d %7d %7d %8d %9d %10d%n", s.table(), s.added(), s.changed(), s.deleted(),
                    s.parallel(), s.conflicts(), s.duplicates());
        }
        List<RowDiff> conflicts = plan.rows().stream().filter(r -> r.kind() == MergePlan.RowKind.CONFLICT).toList();
        if (!conflicts.isEmpty()) {
            out.println("Conflicts (--take mine|theirs):");
            for (RowDiff r : conflicts) {
                r.fields().stream().filter(FieldDiff::needsDecision).forEach(f -> out.println("  " + r.table() + " " + r.label()
                        + ": " + f.field() + (f.kind() == MergePlan.FieldKind.DELETE_EDIT ? " (deleted on one side, edited on the other)" : "")
                        + "  base " + f.base() + ", mine " + f.mine() + ", theirs " + f.theirs()));
            }
        }
        plan.rows().stream().filter(r -> r.kind() == MergePlan.RowKind.PARALLEL).forEach(r -> out.println("  parallel update "
                + r.table() + " " + r.label() + ": " + r.fields().stream().map(f -> f.field() + (f.kind() == MergePlan.FieldKind.KEPT
                ? " (mine)" : " (theirs)")).toList()));
        if (!plan.duplicates().isEmpty()) {
            out.println("Duplicate candidates (--link-duplicates or --keep-duplicates):");
            plan.duplicates().forEach(d -> out.println("  " + d.table() + " " + d.theirsLabel() + "  ~  " + d.mineLabel() + " here ("
                    + (d.reason() == MergePlan.DuplicateReason.SAME_CODE ? "same code" : "same name within 200 m") + ")"));
        }
        if (!plan.clashes().isEmpty()) {
            out.println("ESSP codes given out on both laptops (--renumber):");
            plan.clashes().forEach(c -> out.println("  " + c.theirsLabel() + " -> " + c.proposedCode() + " (" + c.code()
                    + " is " + c.mineLabel() + " here)"));
        }
    }

    private void writeReport(MergePlan plan) {
        try {
            AtomicOutput.write(report, OutputTarget.Policy.OUTPUT, part -> {
                try (OutputStream os = Files.newOutputStream(part)) {
                    MergeReviewWorkbook.write(plan, os);
                }
            });
        } catch (OutputRefusedException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, report + ": cannot write the report (" + e.getMessage() + ")", e);
        }
    }
}
