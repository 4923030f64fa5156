package ma.essp.diag.app.merge;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.settings.OsKeyring;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.app.settings.Settings.ServerProfile;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.testing.FakeSecretTool;
import ma.essp.diag.app.testing.RecordingDialogService;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.merge.MergeDecisions;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.server.ServerAddress;
import ma.essp.diag.database.server.ServerException;
import ma.essp.diag.database.server.ServerMissions;
import ma.essp.diag.database.server.ServerSync;
import ma.essp.diag.database.server.TeamServer;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.testing.TestPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Synchroniser…" window's view model against a real (embedded) PostgreSQL holding the fixture mission. */
class SyncViewModelTest {

    static final String AMINA = "11111111-1111-1111-1111-111111111111";
    static final String BRAHIM = "22222222-2222-2222-2222-222222222222";

    static TestPostgres postgres;

    @TempDir
    Path dir;

    String url;
    MissionFile a;
    EditContext amina;
    EditContext brahim;
    Path fileB;
    List<ServerProfile> saved;
    int[] changed;
    SyncViewModel vm;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void laptopAndServer() throws Exception {
        Path base = dir.resolve("base.essp");
        url = postgres.newMigratedDatabase();
        try (MissionFile file = FixtureMission.create(base); TeamServer init = connect()) {
            ServerMissions.init(init, file.dsl(), file.schemaVersion(), null, line -> { });
        }
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.copy(base, dir.resolve("a/mission.essp"));
        fileB = Files.copy(base, dir.resolve("b/mission.essp"));
        a = MissionFile.open(dir.resolve("a/mission.essp"), dir.resolve("a/upgrade"));
        amina = new EditContext(AMINA, "laptop-A", Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
        brahim = new EditContext(BRAHIM, "laptop-B", Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
        saved = new ArrayList<>(List.of(new ServerProfile("equipe", url, "postgres")));
        changed = new int[1];
        I18n i18n = new I18n(Locale.FRENCH);
        MergeViewModel review = new MergeViewModel(a, () -> amina, dir, dir.resolve("scratch"), new CurrentThreadTaskExecutor(),
                i18n, new RecordingDialogService(), () -> { });
        vm = new SyncViewModel(a, () -> amina, () -> List.copyOf(saved), saved::add, review, OsKeyring.NONE, new CurrentThreadTaskExecutor(),
                i18n, () -> changed[0]++);
    }

    @AfterEach
    void close() {
        a.close();
    }

    TeamServer connect() throws Exception {
        return TeamServer.connect(ServerAddress.of(url, "postgres"), null);
    }

    static void edit(DSLContext dsl, EditContext who, String code, int population) {
        EsspRecord e = dsl.selectFrom(ESSP).where(ESSP.CODE.eq(code)).fetchOne();
        SyncedRows.update(dsl, who, ESSP, e.getId(), e.getVersion(), Map.of(ESSP.POPULATION_SERVED, population));
    }

    static Integer population(DSLContext dsl, String code) {
        return dsl.select(ESSP.POPULATION_SERVED).from(ESSP).where(ESSP.CODE.eq(code)).fetchOne().value1();
    }

    /** Laptop B edits {@code code} and synchronises (through the engine), so the server holds B's value. */
    void laptopBPushes(String code, int population) throws Exception {
        try (MissionFile b = MissionFile.open(fileB, dir.resolve("b/upgrade")); TeamServer server = connect()) {
            edit(b.dsl(), brahim, code, population);
            new ServerSync(b, server).sync(brahim, MergeDecisions.of(null, null, false), line -> { });
        }
    }

    @Test
    void aPushRefusedOutsideTheMembersTerritoryIsSaidInTheUsersLanguageWithTheRows() {
        var refusal = new ServerSync.OutsideScope("karim", List.of(new ServerSync.RefusedRow("essp", "u-5", "E005 CSU Anfa"),
                new ServerSync.RefusedRow("essp", "u-6", "E006 CSU Maârif")), null);
        assertThat(vm.reason(refusal)).isEqualTo("le serveur refuse l’envoi : 2 ligne(s) hors de votre territoire (ESSP E005 CSU Anfa ;"
                + " ESSP E006 CSU Maârif). Rien n’a été envoyé ; ce qui a été reçu est gardé. Ces lignes sont envoyées par un"
                + " coordinateur ou par le membre dont c’est le territoire.");
    }

    @Test
    void aTypedPasswordIsKeptInTheKeyringOnlyWhenAskedThenUsedAndNeverWrittenInTheSettingsFile() throws Exception {
        Path settingsFile = dir.resolve("settings.properties");
        FakeSecretTool tool = new FakeSecretTool();
        I18n i18n = new I18n(Locale.FRENCH);
        MergeViewModel review = new MergeViewModel(a, () -> amina, dir, dir.resolve("scratch"), new CurrentThreadTaskExecutor(),
                i18n, new RecordingDialogService(), () -> { });
        SyncViewModel sync = new SyncViewModel(a, () -> amina, () -> Settings.load(settingsFile).serverProfiles(), profile -> {
            Settings settings = Settings.load(settingsFile);
            settings.setServerProfile(profile);
            settings.save();
        }, review, tool.keyring(), new CurrentThreadTaskExecutor(), i18n, () -> { });
        assertThat(sync.keyringAvailable()).isTrue();
        assertThat(vm.keyringAvailable()).isFalse();
        sync.newNameProperty().set("equipe");
        sync.newUrlProperty().set(url);
        sync.newUserProperty().set("postgres");
        assertThat(sync.addProfile()).isTrue();

        // typed, box not ticked: used for this synchronisation only
        sync.passwordProperty().set("mot-de-passe-1");
        sync.synchronise();
        assertThat(sync.errorProperty().get()).isEmpty();
        assertThat(sync.stageProperty().get()).isEqualTo(SyncViewModel.Stage.DONE);
        assertThat(tool.secrets).isEmpty();

        // typed, box ticked: kept in the keyring once the server took it, and said so
        sync.rememberProperty().set(true);
        sync.passwordProperty().set("mot-de-passe-2");
        sync.synchronise();
        assertThat(sync.errorProperty().get()).isEmpty();
        assertThat(sync.statusProperty().get()).endsWith(" Mot de passe gardé dans le trousseau du système.");
        assertThat(tool.secret(url, "postgres")).isEqualTo("mot-de-passe-2");

        // next time nothing is typed: the keyring's is read (the embedded server trusts its user, so it is not checked here)
        sync.rememberProperty().set(false);
        sync.passwordProperty().set("");
        sync.synchronise();
        assertThat(sync.errorProperty().get()).isEmpty();
        assertThat(tool.commands.getLast()).containsExactly("/usr/bin/secret-tool", "lookup", "service", "essp-diag", "server", url,
                "user", "postgres");

        // the settings file has the profile's URL and user, never a password
        String written = Files.readString(settingsFile);
        assertThat(written).contains("server.equipe.user=postgres").contains("server.equipe.url=");
        assertThat(written).doesNotContain("mot-de-passe").doesNotContainIgnoringCase("password");
    }

    @Test
    void aKeptPasswordTheServerRefusesAsksForTheNewOne() {
        var refused = new SyncViewModel.KeptPasswordRefused(new ServerException("the server refused postgres",
                new java.sql.SQLException("password authentication failed", "28P01")));
        assertThat(vm.reason(refused)).isEqualTo("le mot de passe gardé dans le trousseau du système a été refusé par le serveur :"
                + " tapez le nouveau (cochez la case pour le garder).");
        // a keyring password that reached a server that is down is just that
        assertThat(vm.reason(new SyncViewModel.KeptPasswordRefused(new ServerException("cannot reach",
                new java.sql.SQLException("refused", "08001"))))).isEqualTo(vm.reason(new ServerException("cannot reach",
                new java.sql.SQLException("refused", "08001"))));
    }

    @Test
    void synchronisesTheFixtureMissionAndSummarisesIt() throws Exception {
        laptopBPushes("E001", 32_000);
        edit(a.dsl(), amina, "E002", 5_000);

        assertThat(vm.profileProperty().get().name()).isEqualTo("equipe");
        vm.synchronise();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.stageProperty().get()).isEqualTo(SyncViewModel.Stage.DONE);
        ServerSync.Result result = vm.resultProperty().get();
        // one row each way: B's E001 comes in, A's E002 goes out; nothing edited on both sides
        assertThat(result.rowsPulled()).isEqualTo(1);
        assertThat(result.rowsPushed()).isEqualTo(1);
        assertThat(result.conflicts()).isZero();
        assertThat(result.serverTime()).isNotNull();
        assertThat(vm.statusProperty().get()).startsWith("Synchronisé : 1 ligne(s) reçue(s), 1 ligne(s) envoyée(s), 0 conflit(s)"
                + " résolu(s) ; heure du serveur ");
        assertThat(population(a.dsl(), "E001")).isEqualTo(32_000);
        try (TeamServer server = connect()) {
            assertThat(population(server.dsl(), "E002")).isEqualTo(5_000);
            assertThat(population(server.dsl(), "E001")).isEqualTo(32_000);
        }
        assertThat(changed[0]).isEqualTo(1);
    }

    @Test
    void aConflictBlocksUntilDecidedThenTheDecisionIsSynchronised() throws Exception {
        laptopBPushes("E001", 32_000);
        edit(a.dsl(), amina, "E001", 31_000);

        vm.synchronise();
        assertThat(vm.stageProperty().get()).isEqualTo(SyncViewModel.Stage.REVIEW);
        assertThat(vm.review().conflicts()).hasSize(1);
        assertThat(vm.review().conflicts().getFirst().mine()).isEqualTo("31000");
        assertThat(vm.review().conflicts().getFirst().theirs()).isEqualTo("32000");
        assertThat(vm.canSyncProperty().get()).isFalse();
        vm.synchronise(); // undecided: nothing happens
        assertThat(vm.stageProperty().get()).isEqualTo(SyncViewModel.Stage.REVIEW);
        assertThat(population(a.dsl(), "E001")).isEqualTo(31_000);
        try (TeamServer server = connect()) {
            assertThat(population(server.dsl(), "E001")).isEqualTo(32_000);
        }

        vm.review().keepAllMine();
        assertThat(vm.canSyncProperty().get()).isTrue();
        vm.synchronise();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.stageProperty().get()).isEqualTo(SyncViewModel.Stage.DONE);
        assertThat(vm.resultProperty().get().conflicts()).isEqualTo(1);
        assertThat(vm.resultProperty().get().rowsPushed()).isEqualTo(1);
        assertThat(population(a.dsl(), "E001")).isEqualTo(31_000);
        try (TeamServer server = connect()) {
            assertThat(population(server.dsl(), "E001")).isEqualTo(31_000);
        }
    }

    @Test
    void cancelledAfterThePullKeepsThePulledChangesAndLeavesTheServerUntouched() throws Exception {
        laptopBPushes("E001", 32_000);
        edit(a.dsl(), amina, "E002", 5_000);
        int[] checks = new int[1];
        try (TeamServer server = connect()) {
            ServerSync.Cancelled cancelled = org.assertj.core.api.Assertions.catchThrowableOfType(ServerSync.Cancelled.class,
                    () -> new ServerSync(a, server).sync(amina, MergeDecisions.of(null, null, false), line -> { },
                            () -> ++checks[0] > 1));
            assertThat(cancelled.afterPull()).isTrue();
            assertThat(cancelled.rowsPulled()).isEqualTo(1);
            assertThat(population(a.dsl(), "E001")).isEqualTo(32_000);
            assertThat(population(server.dsl(), "E002")).isNotEqualTo(5_000);
        }
    }

    @Test
    void aServerThatRefusesTheConnectionIsSaidInWords() {
        saved.set(0, new ServerProfile("equipe", "jdbc:postgresql://localhost:1/mission", "postgres"));
        vm.profileProperty().set(saved.getFirst());
        vm.synchronise();
        assertThat(vm.errorProperty().get()).isEqualTo("La synchronisation a échoué : le serveur ne répond pas (connexion refusée ou"
                + " impossible) : vérifiez l’adresse et le réseau.");
    }

    @Test
    void aProfileIsAddedWithoutPasswordAndARemoteServerNeedsTls() {
        vm.newNameProperty().set("distant");
        vm.newUrlProperty().set("jdbc:postgresql://serveur.example.org:5432/mission");
        vm.newUserProperty().set("amina");
        assertThat(vm.addProfile()).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("ce serveur n’est pas sur cet ordinateur");
        vm.newUrlProperty().set("jdbc:postgresql://serveur.example.org:5432/mission?sslmode=verify-full");
        assertThat(vm.addProfile()).isTrue();
        assertThat(saved).extracting(ServerProfile::name).containsExactly("equipe", "distant");
        assertThat(vm.profileProperty().get().user()).isEqualTo("amina");
    }
}
