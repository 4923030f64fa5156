package ma.essp.diag.app.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import ma.essp.diag.app.settings.OsKeyring;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.TeamRepository;
import ma.essp.diag.database.server.ServerAddress;
import ma.essp.diag.database.server.ServerException;
import ma.essp.diag.database.server.ServerMembers;
import ma.essp.diag.database.server.ServerMissions;
import ma.essp.diag.database.server.TeamServer;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code essp-diag server init|status|profile|member}: the mission on a team server (PostgreSQL), docs/cli-server.md. */
@Command(name = "server", description = "The mission on a team server (PostgreSQL): create or upgrade it, show its state.",
        subcommands = {ServerCommand.Init.class, ServerCommand.Status.class, ServerCommand.Profile.class, ServerCommand.Member.class})
final class ServerCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @ParentCommand
    EsspDiagCommand root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: init, status, profile or member");
    }

    /** The server options every command that reaches a team server takes. */
    static final class Login {
        @Option(names = "--url", required = true, paramLabel = "URL",
                description = "jdbc:postgresql://HOST[:PORT]/DATABASE; a server on another computer needs ?sslmode=verify-full (or require).")
        String url;

        @Option(names = "--user", required = true, paramLabel = "USER", description = "Your PostgreSQL role.")
        String user;

        /** A profile's keyring (the operating system's); none for a login given by --url and --user. */
        OsKeyring keyring = OsKeyring.NONE;

        /**
         * Signs in: the password from the PGPASSWORD environment variable, else (a profile) the one kept in the OS
         * keyring, else asked on the terminal, else none (a server that trusts the user, or ~/.pgpass). It is never
         * written in a file of this application.
         */
        TeamServer connect() {
            ServerAddress address;
            try {
                address = ServerAddress.of(url, user);
            } catch (ServerException e) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
            }
            boolean fromKeyring = System.getenv("PGPASSWORD") == null && keyring.available();
            char[] kept = fromKeyring ? keyring.read(url, user).orElse(null) : null;
            char[] password = kept != null ? kept : password(System.getenv(), System.console(), address);
            try {
                return TeamServer.connect(address, password);
            } catch (ServerException e) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage() + (kept == null ? ""
                        : " (the password kept in the OS keyring was used: keep the new one with essp-diag server profile add"
                        + " NAME --url URL --user USER --keyring)"), e);
            }
        }

        /** Reads the mission of a file or, with {@code --server}, of a team server: exactly one of the two. */
        static <T> T read(EsspDiagCommand root, CommandLine.Model.CommandSpec spec, Path file, String url, String user,
                          MissionReader<T> reader) throws Exception {
            if ((file == null) == (url == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give either a mission FILE or --server URL --user USER");
            }
            if (url != null && user == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--server needs --user");
            }
            if (file != null) {
                try (MissionFile mission = root.open(file)) {
                    return reader.read(mission.dsl());
                }
            }
            Login login = new Login();
            login.url = url;
            login.user = user;
            try (TeamServer server = login.connect()) {
                return reader.read(server.dsl());
            }
        }

        static char[] password(Map<String, String> environment, Console console, ServerAddress address) {
            String fromEnvironment = environment.get("PGPASSWORD");
            if (fromEnvironment != null) {
                return fromEnvironment.toCharArray();
            }
            if (console != null && console.isTerminal()) {
                return console.readPassword("Password of %s on %s: ", address.user(), address.host());
            }
            return null;
        }

    /** The profile's login (its password may be kept in {@code keyring}), or a one-line error naming the known profiles. */
        static Login of(Settings settings, String profile, OsKeyring keyring) {
            Settings.ServerProfile p = settings.serverProfile(profile).orElseThrow(() -> new CliException(EsspDiagCommand.CANNOT_RUN,
                    "no server profile '" + profile + "' (known: " + (settings.serverProfiles().isEmpty() ? "none; add one with "
                            + "essp-diag server profile add NAME --url URL --user USER" : String.join(", ",
                            settings.serverProfiles().stream().map(Settings.ServerProfile::name).toList())) + ")"));
            Login login = new Login();
            login.url = p.url();
            login.user = p.user();
            login.keyring = keyring;
            return login;
        }
    }

    /** What a command reads from a mission, whether a file's or a server's. */
    @FunctionalInterface
    interface MissionReader<T> {
        T read(DSLContext dsl) throws Exception;
    }

    @Command(name = "init", description = {"Creates the mission schema on an empty PostgreSQL database, or upgrades it to this",
            "application's version; with --from, copies a mission file into the new server mission (every table, keys kept,",
            "one transaction). A server that already holds a mission is never overwritten."})
    static final class Init implements Callable<Integer> {

        @Mixin
        Login login;

        @Option(names = "--from", paramLabel = "FILE", description = "The mission file (.essp) to copy onto the server.")
        Path from;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @ParentCommand
        ServerCommand server;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            MissionFile file = from == null ? null : server.root.open(from);
            try (TeamServer teamServer = login.connect()) {
                out.println("Server:          " + login.url + " (as " + login.user + ")");
                ServerMissions.InitResult result = file == null
                        ? ServerMissions.init(teamServer, null, 0, null, line -> out.println("  " + line))
                        : ServerMissions.init(teamServer, file, initiator(file), null, line -> out.println("  " + line));
                out.println("Schema version:  " + (result.versionBefore() == result.versionAfter()
                        ? result.versionAfter() + " (already up to date)"
                        : (result.versionBefore() == 0 ? "created at " : "upgraded from " + result.versionBefore() + " to ") + result.versionAfter()));
                if (file != null) {
                    int rows = result.copied().values().stream().mapToInt(Integer::intValue).sum();
                    out.printf("Copied:          %,d rows of %d tables from %s%n", rows, result.copied().size(), from.toAbsolutePath());
                }
                return EsspDiagCommand.OK;
            } catch (ServerException e) {
                throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
            } finally {
                if (file != null) {
                    file.close();
                }
            }
        }

        /**
         * Who the init records as the file's first synchronisation (the file then synchronises from its marks): the
         * member this laptop remembers for the mission, else the server login, on this laptop's device.
         */
        private EditContext initiator(MissionFile file) {
            try {
                return server.root.editAs(file, null);
            } catch (CliException e) {
                return new EditContext(login.user, server.root.settings().deviceId(), Clock.systemUTC());
            }
        }
    }

    @Command(name = "status", description = {"Schema version, rows per table and the last change per member and device of the",
            "mission on a team server. Exit code 1 when the database holds no mission schema or an older one."})
    static final class Status implements Callable<Integer> {

        @Mixin
        Login login;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (TeamServer teamServer = login.connect()) {
                ServerMissions.Status status = ServerMissions.status(teamServer);
                out.println("Server:          " + login.url + " (as " + login.user + ")");
                if (status.schemaVersion() == 0) {
                    out.println("Schema version:  none (no mission on this database: run essp-diag server init)");
                    return EsspDiagCommand.PROBLEMS;
                }
                out.println("Schema version:  " + status.schemaVersion() + " (this application: " + status.applicationVersion() + ")");
                out.println("Mission:         " + status.mission().orElse("(none yet: essp-diag server init --from FILE copies one)"));
                if (status.schemaVersion() < status.applicationVersion()) {
                    out.println("The server's schema is older than this application's: essp-diag server init upgrades it.");
                } else if (status.schemaVersion() > status.applicationVersion()) {
                    out.println("The server's schema is newer than this application's: update essp-diag.");
                }
                if (!status.counts().isEmpty()) {
                    out.println();
                    out.println("Rows per table (soft-deleted rows among them):");
                    for (ServerMissions.TableCount count : status.counts()) {
                        out.printf("  %-28s %,10d%s%n", count.table(), count.rows(),
                                count.deleted() == 0 ? "" : String.format(" (%,d deleted)", count.deleted()));
                    }
                }
                out.println();
                out.println("Last change per member and device (audit log):");
                if (status.lastChanges().isEmpty()) {
                    out.println("  (none)");
                }
                for (ServerMissions.LastChange change : status.lastChanges()) {
                    out.printf("  %-20s  %-32s  %-20s  %,d changes%n", change.at(),
                            change.memberName() == null ? change.memberUuid() : change.memberName() + " (" + change.memberUuid() + ")",
                            change.deviceId() == null ? "(no device)" : change.deviceId(), change.changes());
                }
                out.println();
                out.println("Last synchronisation per member and device:");
                if (status.lastSyncs().isEmpty()) {
                    out.println("  (none)");
                }
                for (ServerMissions.LastSync sync : status.lastSyncs()) {
                    out.printf("  %-20s  %-32s  %-20s  %,d pulled, %,d pushed, %d conflict(s); %,d synchronisation(s)%n", sync.at(),
                            sync.memberName() == null ? sync.memberUuid() : sync.memberName() + " (" + sync.memberUuid() + ")",
                            sync.deviceId(), sync.rowsPulled(), sync.rowsPushed(), sync.conflicts(), sync.syncs());
                }
                return status.schemaVersion() == status.applicationVersion() ? EsspDiagCommand.OK : EsspDiagCommand.PROBLEMS;
            }
        }
    }

    @Command(name = "profile", description = {"Team server profiles kept in this laptop's settings: a name for a URL and a user",
            "(essp-diag sync FILE --server NAME). The password is never written in the settings: PGPASSWORD, else the",
            "operating system's keyring (add --keyring; Linux secret-tool, macOS security), else asked each time."},
            subcommands = {Profile.Add.class, Profile.ListProfiles.class, Profile.Remove.class})
    static final class Profile implements Runnable {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @ParentCommand
        ServerCommand server;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: add, list or remove");
        }

        @Command(name = "add", description = "Adds (or replaces) a profile; the URL is checked (TLS unless the server is local), nothing is connected.")
        static final class Add implements Callable<Integer> {
            @CommandLine.Parameters(index = "0", paramLabel = "NAME", description = "Letters, digits, '-' or '_'.")
            String name;

            @Option(names = "--keyring", description = {"Also keeps the password in the operating system's keyring (from PGPASSWORD,",
                    "else asked on the terminal): sync then signs in without asking. Never in the settings file."})
            boolean keyring;

            @Mixin
            Login login;

            @Spec
            CommandLine.Model.CommandSpec spec;

            @ParentCommand
            Profile profile;

            @Override
            public Integer call() {
                if (!Settings.ServerProfile.validName(name)) {
                    throw new CliException(EsspDiagCommand.CANNOT_RUN, "a profile name is letters, digits, '-' or '_' (at most 40): " + name);
                }
                ServerAddress address;
                try {
                    address = ServerAddress.of(login.url, login.user);
                } catch (ServerException e) {
                    throw new CliException(EsspDiagCommand.CANNOT_RUN, e.getMessage(), e);
                }
                OsKeyring osKeyring = profile.server.root.keyring();
                char[] password = null;
                if (keyring) {
                    if (!osKeyring.available()) {
                        throw new CliException(EsspDiagCommand.CANNOT_RUN, "no keyring on this computer (Linux: secret-tool, Debian package"
                                + " libsecret-tools, with a Secret Service such as GNOME Keyring; macOS: security); nothing saved."
                                + " Without --keyring the password is asked each time");
                    }
                    password = Login.password(System.getenv(), System.console(), address);
                    if (password == null || password.length == 0) {
                        throw new CliException(EsspDiagCommand.CANNOT_RUN, "--keyring needs the password: set PGPASSWORD or run the"
                                + " command in a terminal to be asked; nothing saved");
                    }
                }
                Settings settings = profile.server.root.settings();
                boolean replaced = settings.serverProfile(name).isPresent();
                settings.setServerProfile(new Settings.ServerProfile(name, login.url, login.user));
                settings.save();
                String kept = "no password kept";
                if (password != null) {
                    boolean stored = osKeyring.store(login.url, login.user, password);
                    java.util.Arrays.fill(password, '\0');
                    if (!stored) {
                        spec.commandLine().getErr().println("essp-diag: the keyring did not keep the password (is its service running"
                                + " and unlocked?); it will be asked each time");
                    }
                    kept = stored ? "password kept in the operating system's keyring" : "no password kept";
                }
                spec.commandLine().getOut().println("Profile " + name + (replaced ? " replaced: " : " added: ") + login.url
                        + " as " + login.user + " (" + kept + ")");
                return EsspDiagCommand.OK;
            }
        }

        @Command(name = "list", description = "Lists the profiles: name, URL, user.")
        static final class ListProfiles implements Callable<Integer> {
            @Spec
            CommandLine.Model.CommandSpec spec;

            @ParentCommand
            Profile profile;

            @Override
            public Integer call() {
                PrintWriter out = spec.commandLine().getOut();
                var profiles = profile.server.root.settings().serverProfiles();
                if (profiles.isEmpty()) {
                    out.println("No server profile (add one: essp-diag server profile add NAME --url URL --user USER)");
                }
                profiles.forEach(p -> out.println(p.name() + "\t" + p.url() + "\t" + p.user()));
                return EsspDiagCommand.OK;
            }
        }

        @Command(name = "remove", description = "Removes a profile. Exit 1 when there is no such profile.")
        static final class Remove implements Callable<Integer> {
            @CommandLine.Parameters(index = "0", paramLabel = "NAME")
            String name;

            @Spec
            CommandLine.Model.CommandSpec spec;

            @ParentCommand
            Profile profile;

            @Override
            public Integer call() {
                Settings settings = profile.server.root.settings();
                java.util.Optional<Settings.ServerProfile> removed = settings.serverProfile(name);
                if (!settings.removeServerProfile(name)) {
                    spec.commandLine().getErr().println("essp-diag: no server profile '" + name + "'");
                    return EsspDiagCommand.PROBLEMS;
                }
                settings.save();
                // the keyring entry is the server's and user's: kept while another profile still signs in with it
                Settings.ServerProfile gone = removed.orElseThrow();
                if (settings.serverProfiles().stream().noneMatch(p -> p.url().equals(gone.url()) && p.user().equals(gone.user()))) {
                    profile.server.root.keyring().forget(gone.url(), gone.user());
                }
                spec.commandLine().getOut().println("Profile " + name + " removed");
                return EsspDiagCommand.OK;
            }
        }
    }

    @Command(name = "member", description = {"The places (regions, provinces) each member's PostgreSQL login may write on the team",
            "server: a consultant inserts, updates and soft-deletes only the rows of its places (row-level security).",
            "Only a coordinator gives or takes them back."},
            subcommands = {Member.Add.class, Member.ListScopes.class, Member.Remove.class})
    static final class Member implements Runnable {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @ParentCommand
        ServerCommand server;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: add, list or remove");
        }

        /** Who writes on the server: a member of the server's team, on this laptop's device id. */
        static EditContext editAs(DSLContext dsl, Settings settings, String as) {
            TeamRepository.Member who = new TeamRepository(dsl).find(as).orElseThrow(() -> new CliException(EsspDiagCommand.CANNOT_RUN,
                    "no team member '" + as + "' in the server's mission (--as is who gives the places: yourself)"));
            return new EditContext(who.uuid(), settings.deviceId(), Clock.systemUTC());
        }

        /** A write the server refused: only a coordinator writes member_scope. */
        static CliException refused(String user, DataAccessException e) {
            if ("42501".equals(e.sqlState())) {
                return new CliException(EsspDiagCommand.CANNOT_RUN, "the server refused: only a coordinator (essp_coordinator) gives"
                        + " or takes back places, not " + user + " (" + e.getCause().getMessage().strip() + ")", e);
            }
            throw e;
        }

        static void print(PrintWriter out, ServerMembers.Scope s) {
            out.println(s.login() + "\t" + s.memberName() + "\t" + (s.provinceCode() == null ? "region " + s.regionCode()
                    : "province " + s.provinceCode()) + "\t" + s.place());
        }

        @Command(name = "add", description = {"Gives places (a province's or a region's code, --place repeated) to LOGIN, the",
                "PostgreSQL login of team member --member. A place the login already has is kept as it is."})
        static final class Add implements Callable<Integer> {
            @CommandLine.Parameters(index = "0", paramLabel = "LOGIN", description = "The member's PostgreSQL login role.")
            String loginName;

            @Option(names = "--member", required = true, paramLabel = "MEMBER", description = "The team member (full name or uuid) whose login it is.")
            String member;

            @Option(names = "--place", required = true, paramLabel = "CODE", description = "A province's code (e.g. 01.511) or a region's (e.g. 01).")
            java.util.List<String> places;

            @Option(names = "--as", required = true, paramLabel = "MEMBER", description = "Who gives them (you: a member of the server's team).")
            String as;

            @Mixin
            Login login;

            @Spec
            CommandLine.Model.CommandSpec spec;

            @ParentCommand
            Member parent;

            @Override
            public Integer call() {
                PrintWriter out = spec.commandLine().getOut();
                try (TeamServer teamServer = login.connect()) {
                    DSLContext dsl = teamServer.dsl();
                    EditContext edit = editAs(dsl, parent.server.root.settings(), as);
                    java.util.List<ServerMembers.Scope> given = dsl.transactionResult(c -> {
                        java.util.List<ServerMembers.Scope> scopes = new java.util.ArrayList<>();
                        for (String place : places) {
                            scopes.add(ServerMembers.grant(c.dsl(), edit, loginName, member, place));
                        }
                        return scopes;
                    });
                    given.forEach(s -> print(out, s));
                    return EsspDiagCommand.OK;
                } catch (DataAccessException e) {
                    if (e.getCause() instanceof ServerException problem) {
                        throw new CliException(EsspDiagCommand.CANNOT_RUN, problem.getMessage(), problem);
                    }
                    throw refused(login.user, e);
                }
            }
        }

        @Command(name = "list", description = "Lists the places given: login, member, region or province, its name.")
        static final class ListScopes implements Callable<Integer> {
            @Mixin
            Login login;

            @Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                PrintWriter out = spec.commandLine().getOut();
                try (TeamServer teamServer = login.connect()) {
                    var scopes = ServerMembers.list(teamServer.dsl());
                    if (scopes.isEmpty()) {
                        out.println("No place given yet: a consultant writes nothing (essp-diag server member add LOGIN --member ... --place ...)");
                    }
                    scopes.forEach(s -> print(out, s));
                    return EsspDiagCommand.OK;
                }
            }
        }

        @Command(name = "remove", description = {"Takes back one place (--place) or every place of LOGIN (soft delete).",
                "Exit 1 when LOGIN had no such place."})
        static final class Remove implements Callable<Integer> {
            @CommandLine.Parameters(index = "0", paramLabel = "LOGIN")
            String loginName;

            @Option(names = "--place", paramLabel = "CODE", description = "The province's or region's code (default: every place of LOGIN).")
            String place;

            @Option(names = "--as", required = true, paramLabel = "MEMBER", description = "Who takes them back (you: a member of the server's team).")
            String as;

            @Mixin
            Login login;

            @Spec
            CommandLine.Model.CommandSpec spec;

            @ParentCommand
            Member parent;

            @Override
            public Integer call() {
                try (TeamServer teamServer = login.connect()) {
                    DSLContext dsl = teamServer.dsl();
                    EditContext edit = editAs(dsl, parent.server.root.settings(), as);
                    int removed = dsl.transactionResult(c -> ServerMembers.revoke(c.dsl(), edit, loginName, place));
                    if (removed == 0) {
                        spec.commandLine().getErr().println("essp-diag: " + loginName + " has no " + (place == null ? "place" : "place " + place));
                        return EsspDiagCommand.PROBLEMS;
                    }
                    spec.commandLine().getOut().println(removed + " place(s) taken back from " + loginName);
                    return EsspDiagCommand.OK;
                } catch (DataAccessException e) {
                    if (e.getCause() instanceof ServerException problem) {
                        throw new CliException(EsspDiagCommand.CANNOT_RUN, problem.getMessage(), problem);
                    }
                    throw refused(login.user, e);
                }
            }
        }
    }
}
