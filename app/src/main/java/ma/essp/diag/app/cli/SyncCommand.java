package ma.essp.diag.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import ma.essp.diag.database.merge.MergeBlockedException;
import ma.essp.diag.database.merge.MergeDecisions;
import ma.essp.diag.database.merge.MergeDecisions.Take;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.server.ServerException;
import ma.essp.diag.database.server.ServerSync;
import ma.essp.diag.database.server.TeamServer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code essp-diag sync}: synchronises a laptop's mission file with the team server (docs/cli-server.md). */
@Command(name = "sync", description = {"Synchronises FILE with the team server: pulls the server's changes into FILE (three-way,",
        "field by field, as merge does; FILE backed up first), then pushes FILE's changes to the server (one transaction,",
        "under the server's sync lock). Exit 0 synchronised (or --dry-run that could be applied as given); 1 decisions are",
        "needed (conflicts, duplicate candidates): they are listed and nothing is written; 2 the command cannot run",
        "(unknown profile, server unreachable or refusing: a reader cannot push; another mission; schema versions differ;",
        "an ESSP code given out on both sides; the connection lost during the push: nothing of it written, run again);",
        "3 the server refused the push: rows outside your scope (listed; nothing pushed, what was pulled is kept)."})
final class SyncCommand implements Callable<Integer> {

    /** Exit code: the server's row-level security refused rows of the push outside the member's scope. */
    static final int OUTSIDE_SCOPE = 3;

    @Parameters(index = "0", paramLabel = "FILE", description = "This laptop's mission file (.essp).")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--server", paramLabel = "PROFILE", description = "A server profile (essp-diag server profile add).")
        String profile;

        @ArgGroup(exclusive = false)
        Direct direct;
    }

    static final class Direct {
        @Option(names = "--url", required = true, paramLabel = "URL", description = "jdbc:postgresql://HOST[:PORT]/DATABASE (instead of a profile).")
        String url;

        @Option(names = "--user", required = true, paramLabel = "USER", description = "Your PostgreSQL role.")
        String user;
    }

    @Option(names = "--dry-run", description = "Shows what would be pulled and pushed, and the conflicts; writes nothing.")
    boolean dryRun;

    @Option(names = "--take", paramLabel = "SIDE", description = "Resolves every conflict: mine (FILE's value) or theirs (the server's).")
    String take;

    @Option(names = "--as", paramLabel = "MEMBER", description = "Who synchronises: a team member's full name or uuid (default: the remembered one).")
    String as;

    @Spec
    CommandLine.Model.CommandSpec spec;

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
        ServerCommand.Login login;
        if (target.profile != null) {
            login = ServerCommand.Login.of(root.settings(), target.profile, root.keyring());
        } else {
            login = new ServerCommand.Login();
            login.url = target.direct.url;
            login.user = target.direct.user;
        }
        MergeDecisions decisions = MergeDecisions.of(side, null, false);
        try (MissionFile mission = root.open(file); TeamServer server = login.connect()) {
            ServerSync sync = new ServerSync(mission, server);
            out.println("Synchronising " + file + " with " + login.url + " (as " + login.user + ")");
            ServerSync.Preview preview = sync.preview();
            out.println("To pull from the server:" + (preview.pull().nothingToDo() ? " nothing" : ""));
            MergeCommand.printPlan(preview.pull(), out);
            out.println("To push to the server:" + (preview.push().nothingToDo() ? " nothing" : ""));
            MergeCommand.printPlan(preview.push(), out);
            int blocked = MergeCommand.blocking(preview.pull(), decisions);
            if (dryRun) {
                out.println(blocked == 0 ? "Dry run: nothing written; the synchronisation can be applied as given"
                        : "Dry run: nothing written; " + blocked + " decision(s) needed (see above)");
                return blocked == 0 ? EsspDiagCommand.OK : EsspDiagCommand.PROBLEMS;
            }
            if (blocked > 0) {
                spec.commandLine().getErr().println("essp-diag: " + blocked + " decision(s) needed (see above: --take mine|theirs"
                        + " for conflicts; duplicate candidates, ESSPs created both here and on the server, are not decided by sync yet)"
                        + "; nothing was synchronised");
                return EsspDiagCommand.PROBLEMS;
            }
            EditContext edit = root.editAs(mission, as);
            ServerSync.Result result = sync.sync(edit, decisions, line -> { });
            out.println("Synchronised: " + result.rowsPulled() + " row(s) pulled, " + result.rowsPushed() + " row(s) pushed, "
                    + result.conflicts() + " conflict(s) resolved" + (result.backup() == null ? "" : "; backup " + result.backup()));
            return EsspDiagCommand.OK;
        } catch (MergeBlockedException e) {
            spec.commandLine().getErr().println("essp-diag: " + e.getMessage());
            return EsspDiagCommand.PROBLEMS;
        } catch (ServerSync.OutsideScope e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("essp-diag: " + e.getMessage());
            e.rows().forEach(r -> err.println("  " + r.table() + "\t" + r.uuid() + "\t" + r.label()));
            return OUTSIDE_SCOPE;
        } catch (ServerException e) {
            throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
        }
    }
}
