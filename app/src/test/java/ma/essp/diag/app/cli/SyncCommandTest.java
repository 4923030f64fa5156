package ma.essp.diag.app.cli;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ma.essp.diag.app.cli.IndicesCommandTest.Run;
import ma.essp.diag.app.testing.FakeSecretTool;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code essp-diag sync} and {@code server profile} against a real (embedded) PostgreSQL. */
class SyncCommandTest {

    static TestPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    /** A laptop's edit of one ESSP's field, through the writer, as member "laptop" (its own device id). */
    static void edit(Path file, String device, Map<org.jooq.Field<?>, Object> values, int nth) throws Exception {
        try (MissionFile m = MissionFile.open(file, file.resolveSibling("upgrade"))) {
            EsspRecord e = m.dsl().selectFrom(ESSP).where(ESSP.DELETED.isFalse()).orderBy(ESSP.ID).offset(nth).limit(1).fetchOne();
            SyncedRows.update(m.dsl(), new EditContext("member-" + device, device, java.time.Clock.systemUTC()), ESSP,
                    e.getId(), e.getVersion(), values);
        }
    }

    @Test
    void twoLaptopsSynchroniseAndTheServersIndicesAreTheSyncedLaptopsIndices() throws Exception {
        Path base = dir.resolve("demo.essp");
        new DemoMissionGenerator().generate(base, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        String url = postgres.newMigratedDatabase();
        assertThat(IndicesCommandTest.run("server", "init", "--url", url, "--user", "postgres", "--from", base.toString()).exit()).isZero();
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Path a = Files.copy(base, dir.resolve("a/mission.essp"));
        Path b = Files.copy(base, dir.resolve("b/mission.essp"));
        edit(a, "laptop-A", Map.of(ESSP.FUNCTIONALITY, "not_functioning"), 0);
        edit(b, "laptop-B", Map.of(ESSP.FUNCTIONALITY, "partially"), 1);
        edit(b, "laptop-B", Map.of(ESSP.POPULATION_SERVED, 12_345), 0);
        edit(b, "laptop-B", Map.of(ESSP.DELETED, true), 3); // an ESSP removed: one line less in the indices

        Run profile = IndicesCommandTest.run("server", "profile", "add", "synctest", "--url", url, "--user", "postgres");
        assertThat(profile.exit()).as(profile.err()).isZero();
        assertThat(IndicesCommandTest.run("server", "profile", "list").out()).contains("synctest\t" + url + "\tpostgres");
        try {
            Run dry = IndicesCommandTest.run("sync", a.toString(), "--server", "synctest", "--dry-run");
            assertThat(dry.exit()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("To pull from the server: nothing", "To push to the server:", "Dry run: nothing written");
            assertThat(dry.out()).containsPattern("essp +0 +1 +0 +0 +0 +0");

            Run syncA = IndicesCommandTest.run("sync", a.toString(), "--server", "synctest", "--as", "Asmae Ouchen (synthétique)");
            assertThat(syncA.exit()).as(syncA.err()).isZero();
            assertThat(syncA.out()).contains("Synchronised: 0 row(s) pulled");
            // B edited the ESSP A edited (another field) and one more: no conflict, the three changes meet on B
            Run syncB = IndicesCommandTest.run("sync", b.toString(), "--url", url, "--user", "postgres", "--as", "Hamid Lahlou (synthétique)");
            assertThat(syncB.exit()).as(syncB.err()).isZero();
            assertThat(IndicesCommandTest.run("sync", a.toString(), "--server", "synctest", "--as", "Asmae Ouchen (synthétique)").exit()).isZero();

            for (String level : new String[] {"essp", "province", "national"}) {
                Run fromB = IndicesCommandTest.run("indices", b.toString(), "--level", level, "--weighted");
                Run fromA = IndicesCommandTest.run("indices", a.toString(), "--level", level, "--weighted");
                Run fromServer = IndicesCommandTest.run("indices", "--server", url, "--user", "postgres", "--level", level, "--weighted");
                assertThat(fromServer.exit()).as(fromServer.err()).isZero();
                assertThat(fromServer.out()).as(level).isEqualTo(fromB.out()).isEqualTo(fromA.out());
                if (level.equals("essp")) { // B's deletion reached the server and A: one ESSP line less than the untouched file's
                    assertThat(fromServer.out().lines().count()).isEqualTo(IndicesCommandTest.run("indices", base.toString(),
                            "--level", level, "--weighted").out().lines().count() - 1);
                }
            }
            Run status = IndicesCommandTest.run("server", "status", "--url", url, "--user", "postgres");
            assertThat(status.out()).contains("Last synchronisation per member and device:").contains("Hamid Lahlou").contains("Asmae Ouchen");
        } finally {
            assertThat(IndicesCommandTest.run("server", "profile", "remove", "synctest").exit()).isZero();
        }
        assertThat(IndicesCommandTest.run("server", "profile", "remove", "synctest").exit()).isEqualTo(EsspDiagCommand.PROBLEMS);
    }

    @Test
    void aProfilesPasswordComesFromTheKeyringAndNeverLandsInTheSettingsFile() throws Exception {
        Path base = dir.resolve("demo.essp");
        new DemoMissionGenerator().generate(base, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        String url = postgres.newMigratedDatabase();
        assertThat(IndicesCommandTest.run("server", "init", "--url", url, "--user", "postgres", "--from", base.toString()).exit()).isZero();
        FakeSecretTool tool = new FakeSecretTool();
        Path settings = CliTest.BACKUPS.resolveSibling("settings.properties");
        try {
            // without a keyring on this computer, --keyring says so and saves nothing
            Run none = IndicesCommandTest.run("server", "profile", "add", "keyringtest", "--url", url, "--user", "postgres", "--keyring");
            assertThat(none.exit()).isEqualTo(EsspDiagCommand.CANNOT_RUN);
            assertThat(none.err()).contains("no keyring on this computer").contains("secret-tool").contains("nothing saved");
            assertThat(IndicesCommandTest.run("server", "profile", "list").out()).doesNotContain("keyringtest");

            assertThat(IndicesCommandTest.runWith(tool.keyring(), "server", "profile", "add", "keyringtest", "--url", url, "--user", "postgres")
                    .exit()).isZero();
            tool.secrets.put(List.of("service", "essp-diag", "server", url, "user", "postgres"), "le-secret-de-test".getBytes(StandardCharsets.UTF_8));
            Run sync = IndicesCommandTest.runWith(tool.keyring(), "sync", base.toString(), "--server", "keyringtest",
                    "--as", "Asmae Ouchen (synthétique)");
            assertThat(sync.exit()).as(sync.err()).isZero();
            // the sync asked the keyring for this server's and user's password (the embedded server trusts its user)
            assertThat(tool.commands).contains(List.of("/usr/bin/secret-tool", "lookup", "service", "essp-diag", "server", url, "user", "postgres"));
            assertThat(Files.readString(settings)).contains("server.keyringtest.user=postgres").doesNotContain("le-secret-de-test");

            // removing the profile removes its keyring entry (no other profile signs in as that user on that server)
            assertThat(IndicesCommandTest.runWith(tool.keyring(), "server", "profile", "remove", "keyringtest").exit()).isZero();
            assertThat(tool.secret(url, "postgres")).isNull();
        } finally {
            IndicesCommandTest.run("server", "profile", "remove", "keyringtest");
        }
    }

    @Test
    void aConflictStopsTheSyncWithExitOneUntilTakeDecidesIt() throws Exception {
        Path base = dir.resolve("demo.essp");
        new DemoMissionGenerator().generate(base, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        String url = postgres.newMigratedDatabase();
        assertThat(IndicesCommandTest.run("server", "init", "--url", url, "--user", "postgres", "--from", base.toString()).exit()).isZero();
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Path a = Files.copy(base, dir.resolve("a/mission.essp"));
        Path b = Files.copy(base, dir.resolve("b/mission.essp"));
        edit(a, "laptop-A", Map.of(ESSP.NOTES, "A"), 2);
        edit(b, "laptop-B", Map.of(ESSP.NOTES, "B"), 2);
        assertThat(IndicesCommandTest.run("sync", a.toString(), "--url", url, "--user", "postgres", "--as", "Asmae Ouchen (synthétique)").exit()).isZero();

        Run blocked = IndicesCommandTest.run("sync", b.toString(), "--url", url, "--user", "postgres", "--as", "Hamid Lahlou (synthétique)");
        assertThat(blocked.exit()).isEqualTo(EsspDiagCommand.PROBLEMS);
        assertThat(blocked.out()).contains("Conflicts (--take mine|theirs):").containsPattern("notes  base .*, mine B, theirs A");
        assertThat(blocked.err()).contains("1 decision(s) needed");

        Run taken = IndicesCommandTest.run("sync", b.toString(), "--url", url, "--user", "postgres", "--as", "Hamid Lahlou (synthétique)", "--take", "mine");
        assertThat(taken.exit()).as(taken.err()).isZero();
        assertThat(taken.out()).contains("1 conflict(s) resolved");

        Run unknown = IndicesCommandTest.run("sync", b.toString(), "--server", "no-such-profile");
        assertThat(unknown.exit()).isEqualTo(EsspDiagCommand.CANNOT_RUN);
        assertThat(unknown.err()).contains("no server profile 'no-such-profile'");
    }

    @Test
    void aConsultantsPushOutsideItsPlacesIsRefusedWithExitThreeAndTheRowsListed() throws Exception {
        Path base = dir.resolve("demo.essp");
        new DemoMissionGenerator().generate(base, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        String url = postgres.newMigratedDatabase();
        assertThat(IndicesCommandTest.run("server", "init", "--url", url, "--user", "postgres", "--from", base.toString()).exit()).isZero();
        postgres.execute(url.substring(url.lastIndexOf('/') + 1), "CREATE ROLE karim_cli LOGIN IN ROLE essp_consultant");
        // karim_cli gets the province of the first ESSP; the laptop edits it and an ESSP of another province
        String province;
        String elsewhere;
        try (MissionFile m = MissionFile.open(base, dir.resolve("upgrade"))) {
            var first = m.dsl().select(PROVINCE.CODE, PROVINCE.ID).from(ESSP).join(CIRCONSCRIPTION).on(CIRCONSCRIPTION.ID.eq(ESSP.CIRCONSCRIPTION_ID))
                    .join(PROVINCE).on(PROVINCE.ID.eq(CIRCONSCRIPTION.PROVINCE_ID)).where(ESSP.DELETED.isFalse()).orderBy(ESSP.ID).limit(1).fetchOne();
            province = first.value1();
            elsewhere = m.dsl().select(ESSP.UUID).from(ESSP).join(CIRCONSCRIPTION).on(CIRCONSCRIPTION.ID.eq(ESSP.CIRCONSCRIPTION_ID))
                    .where(ESSP.DELETED.isFalse(), CIRCONSCRIPTION.PROVINCE_ID.ne(first.value2())).orderBy(ESSP.ID).limit(1).fetchOne().value1();
        }
        Run add = IndicesCommandTest.run("server", "member", "add", "karim_cli", "--member", "Hamid Lahlou (synthétique)", "--place", province,
                "--as", "Asmae Ouchen (synthétique)", "--url", url, "--user", "postgres");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("karim_cli\tHamid Lahlou (synthétique)\tprovince " + province);
        assertThat(IndicesCommandTest.run("server", "member", "list", "--url", url, "--user", "postgres").out())
                .contains("karim_cli\tHamid Lahlou (synthétique)\tprovince " + province);
        // a consultant may not give itself a place: the server refuses it
        Run self = IndicesCommandTest.run("server", "member", "add", "karim_cli", "--member", "Hamid Lahlou (synthétique)", "--place", "01",
                "--as", "Hamid Lahlou (synthétique)", "--url", url, "--user", "karim_cli");
        assertThat(self.exit()).isEqualTo(EsspDiagCommand.CANNOT_RUN);
        assertThat(self.err()).contains("only a coordinator");

        Path laptop = Files.copy(base, dir.resolve("laptop.essp"));
        edit(laptop, "laptop-K", Map.of(ESSP.NOTES, "dans ma province"), 0);
        try (MissionFile m = MissionFile.open(laptop, dir.resolve("upgrade"))) {
            EsspRecord e = m.dsl().selectFrom(ESSP).where(ESSP.UUID.eq(elsewhere)).fetchOne();
            SyncedRows.update(m.dsl(), new EditContext("member-K", "laptop-K", java.time.Clock.systemUTC()), ESSP, e.getId(), e.getVersion(),
                    Map.of(ESSP.NOTES, "pas dans ma province"));
        }
        Run refused = IndicesCommandTest.run("sync", laptop.toString(), "--url", url, "--user", "karim_cli", "--as", "Hamid Lahlou (synthétique)");
        assertThat(refused.exit()).as(refused.err()).isEqualTo(SyncCommand.OUTSIDE_SCOPE);
        assertThat(refused.err()).contains("1 row(s) outside the scope of karim_cli", "essp\t" + elsewhere);
        Run coordinator = IndicesCommandTest.run("sync", laptop.toString(), "--url", url, "--user", "postgres", "--as", "Asmae Ouchen (synthétique)");
        assertThat(coordinator.exit()).as(coordinator.err()).isZero();
        assertThat(coordinator.out()).contains("2 row(s) pushed");

        Run remove = IndicesCommandTest.run("server", "member", "remove", "karim_cli", "--as", "Asmae Ouchen (synthétique)", "--url", url, "--user", "postgres");
        assertThat(remove.exit()).as(remove.err()).isZero();
        assertThat(IndicesCommandTest.run("server", "member", "remove", "karim_cli", "--as", "Asmae Ouchen (synthétique)", "--url", url,
                "--user", "postgres").exit()).isEqualTo(EsspDiagCommand.PROBLEMS);
    }
}
