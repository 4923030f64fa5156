package ma.essp.diag.app.pms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.pms.AssessmentViewModel.ChecklistRow;
import ma.essp.diag.app.pms.AssessmentViewModel.RowKind;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.testing.RecordingDialogService;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.AssessmentRepository;
import ma.essp.diag.database.repository.CatalogueContent.Labels;
import ma.essp.diag.database.repository.CatalogueEditRepository;
import ma.essp.diag.database.repository.CatalogueEditRepository.ItemFields;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import ma.essp.diag.database.repository.EsspRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentViewModelTest {

    @TempDir
    Path dir;
    private MissionFile mission;

    @BeforeEach
    void open() throws Exception {
        mission = PmsFixture.create(dir.resolve("a.essp"));
    }

    @AfterEach
    void close() {
        mission.close();
    }

    private AssessmentViewModel newViewModel() {
        return newViewModel(I18n.FRENCH);
    }

    private AssessmentViewModel newViewModel(java.util.Locale locale) {
        return newViewModel(locale, EditContext.system("test"));
    }

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private EditHistory history;

    private AssessmentViewModel newViewModel(java.util.Locale locale, EditContext edit) {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        history = new EditHistory(executor);
        AssessmentViewModel vm = new AssessmentViewModel(new AssessmentRepository(mission.dsl(), edit),
                new CatalogueVersionRepository(mission.dsl(), edit), new EsspRepository(mission.dsl()),
                executor, new I18n(locale), history, dialogs);
        history.setAfterUndo(vm::reload);
        vm.load();
        return vm;
    }

    private int auditRows(String field) {
        var audit = ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
        return mission.dsl().fetchCount(audit, audit.TABLE_NAME.eq("assessment").and(audit.FIELD.eq(field)));
    }

    @Test
    void aCompleteAssessmentIsReadOnlyUntilReopenedAfterAConfirmationAndTheReopeningIsAudited() {
        AssessmentViewModel vm = newViewModel();
        select(vm, "E002");
        vm.startNew(LocalDate.of(2026, 3, 2));
        vm.answer(row(vm, "AM01"), AnswerState.ABSENT);
        assertThat(vm.readOnlyProperty().get()).isFalse();
        vm.complete();
        assertThat(vm.readOnlyProperty().get()).isTrue();
        int statusChanges = auditRows("status");
        assertThat(statusChanges).isEqualTo(1);

        // read-only: answers, sources, comments and services change nothing
        vm.answer(row(vm, "AM02"), AnswerState.AVAILABLE_FUNCTIONING);
        vm.source(row(vm, "AM01"), AssessmentViewModel.REPORTED);
        vm.comment(row(vm, "AM01"), "ajouté après coup");
        ChecklistRow anc = vm.rows().stream().filter(r -> r.kind() == RowKind.SERVICE && r.code().equals("ANC")).findFirst().orElseThrow();
        anc.offeredProperty().set(true);
        assertThat(anc.offeredProperty().get()).as("the box goes back").isFalse();
        var answers = ma.essp.diag.database.jooq.Tables.ASSESSMENT_ANSWER;
        int id = vm.assessmentProperty().get().id();
        assertThat(mission.dsl().selectFrom(answers).where(answers.ASSESSMENT_ID.eq(id)).fetch())
                .singleElement().satisfies(a -> {
                    assertThat(a.getState()).isEqualTo(AnswerState.ABSENT.code());
                    assertThat(a.getSource()).isEqualTo("observed");
                    assertThat(a.getComment()).isNull();
                });
        assertThat(mission.dsl().fetchCount(ma.essp.diag.database.jooq.Tables.ASSESSMENT_SERVICE)).isZero();
        // even the write path refuses: an undo of an answer given before completing changes nothing
        history.undo(e -> vm.errorProperty());
        assertThat(mission.dsl().fetchSingle(answers, answers.ASSESSMENT_ID.eq(id)).getState()).isEqualTo(AnswerState.ABSENT.code());

        // "Reopen" declined: still read-only, nothing written
        dialogs.confirmAnswer = false;
        vm.reopen();
        assertThat(dialogs.shown).last().satisfies(d -> assertThat(d.title()).isEqualTo("Rouvrir l’évaluation"));
        assertThat(vm.readOnlyProperty().get()).isTrue();
        assertThat(auditRows("status")).isEqualTo(statusChanges);

        // confirmed: in progress again, audited (complete -> in_progress), and the checklist can be edited
        dialogs.confirmAnswer = true;
        vm.reopen();
        assertThat(vm.readOnlyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("en cours");
        var audit = ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
        assertThat(mission.dsl().selectFrom(audit).where(audit.TABLE_NAME.eq("assessment"), audit.FIELD.eq("status"))
                .orderBy(audit.ID.desc()).limit(1).fetchOne())
                .satisfies(a -> {
                    assertThat(a.getOldValue()).isEqualTo("complete");
                    assertThat(a.getNewValue()).isEqualTo("in_progress");
                    assertThat(a.getMemberUuid()).isEqualTo("test");
                });
        vm.answer(row(vm, "AM02"), AnswerState.AVAILABLE_FUNCTIONING);
        assertThat(mission.dsl().fetchCount(answers, answers.ASSESSMENT_ID.eq(id))).isEqualTo(2);
    }

    @Test
    void threeAnswersUndoneThreeTimesAndRedoneTwice() {
        AssessmentViewModel vm = newViewModel();
        select(vm, "E002");
        vm.startNew(LocalDate.of(2026, 3, 2));
        vm.answer(row(vm, "AM01"), AnswerState.ABSENT);
        vm.answer(row(vm, "AM01"), AnswerState.AVAILABLE_FUNCTIONING);
        vm.answer(row(vm, "AM02"), AnswerState.NOT_APPLICABLE);
        assertThat(history.descriptionProperty().get()).isEqualTo("réponse AM02");
        history.undo(e -> { throw new AssertionError(e); });
        assertThat(row(vm, "AM02").stateProperty().get()).isEqualTo(AnswerState.MISSING);
        history.undo(e -> { throw new AssertionError(e); });
        assertThat(row(vm, "AM01").stateProperty().get()).isEqualTo(AnswerState.ABSENT);
        history.undo(e -> { throw new AssertionError(e); });
        assertThat(row(vm, "AM01").stateProperty().get()).isEqualTo(AnswerState.MISSING);
        // 53 in-scope general items, no service offered
        assertThat(vm.progressTextProperty().get()).isEqualTo("0 / 53 éléments renseignés");
        assertThat(history.availableProperty().get()).isFalse();
        history.redo(e -> { throw new AssertionError(e); });
        history.redo(e -> { throw new AssertionError(e); });
        assertThat(row(vm, "AM01").stateProperty().get()).isEqualTo(AnswerState.AVAILABLE_FUNCTIONING);
        assertThat(row(vm, "AM02").stateProperty().get()).isEqualTo(AnswerState.MISSING);
        // AM01: 2 answers + 2 undos + 2 redos, each a new version
        assertThat(row(vm, "AM01").version()).isEqualTo(6);
    }

    private static void select(AssessmentViewModel vm, String code) {
        vm.esspProperty().set(vm.esspChoices().stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow());
    }

    private static ChecklistRow row(AssessmentViewModel vm, String code) {
        return vm.rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void startAnswerSaveIncompleteAndResume() {
        AssessmentViewModel vm = newViewModel();
        assertThat(vm.esspChoices()).hasSize(6);
        select(vm, "E002");
        assertThat(vm.assessmentProperty().get()).isNull();
        assertThat(vm.progressTextProperty().get()).startsWith("Aucune évaluation");

        vm.startNew(LocalDate.of(2026, 4, 2));
        assertThat(vm.assessmentProperty().get()).isNotNull();
        assertThat(vm.rows().getFirst().kind()).isEqualTo(RowKind.SECTION);
        assertThat(vm.rows().getFirst().label()).isEqualTo("Commodités de base");
        assertThat(vm.progressTextProperty().get()).isEqualTo("0 / 53 éléments renseignés");
        vm.answer(row(vm, "AM01"), AnswerState.AVAILABLE_FUNCTIONING);
        vm.answer(row(vm, "AM02"), AnswerState.ABSENT);
        vm.answer(row(vm, "AM02"), AnswerState.AVAILABLE_NOT_FUNCTIONING);
        // malaria is out of scope in Morocco: not answerable, not counted
        vm.answer(row(vm, "DX03"), AnswerState.ABSENT);
        assertThat(vm.progressTextProperty().get()).isEqualTo("2 / 53 éléments renseignés");
        vm.source(row(vm, "AM02"), AssessmentViewModel.REPORTED);
        vm.comment(row(vm, "AM02"), "  pompe en panne depuis mars ");
        ChecklistRow anc = vm.rows().stream().filter(r -> r.kind() == RowKind.SERVICE && r.code().equals("ANC")).findFirst().orElseThrow();
        anc.offeredProperty().set(true);
        assertThat(vm.progressTextProperty().get()).isEqualTo("2 / 65 éléments renseignés");
        assertThat(vm.statusProperty().get()).isEqualTo("en cours");

        // a new screen on the same mission resumes where it was left
        AssessmentViewModel again = newViewModel();
        select(again, "E002");
        assertThat(again.history()).hasSize(1);
        assertThat(row(again, "AM01").stateProperty().get()).isEqualTo(AnswerState.AVAILABLE_FUNCTIONING);
        assertThat(row(again, "AM02").stateProperty().get()).isEqualTo(AnswerState.AVAILABLE_NOT_FUNCTIONING);
        assertThat(row(again, "DX03").stateProperty().get()).isEqualTo(AnswerState.MISSING);
        assertThat(row(again, "AM02").sourceProperty().get()).isEqualTo("reported");
        assertThat(again.sourceLabel(row(again, "AM02").sourceProperty().get())).isEqualTo("déclaré");
        assertThat(row(again, "AM02").commentProperty().get()).isEqualTo("pompe en panne depuis mars");
        assertThat(row(again, "AM01").sourceProperty().get()).isEqualTo("observed");
        assertThat(again.rows().stream().filter(r -> r.kind() == RowKind.SERVICE && r.code().equals("ANC")).findFirst().orElseThrow()
                .offeredProperty().get()).isTrue();
        assertThat(again.progressTextProperty().get()).isEqualTo("2 / 65 éléments renseignés");
        again.complete();
        assertThat(again.statusProperty().get()).isEqualTo("terminée");
    }

    @Test
    void severalAssessmentsTheLatestOpensByDefault() {
        AssessmentViewModel vm = newViewModel();
        select(vm, "E001");
        int first = vm.assessmentProperty().get().id();
        vm.startNew(LocalDate.of(2026, 9, 1));
        assertThat(vm.history()).hasSize(2);
        assertThat(vm.assessmentProperty().get().id()).isNotEqualTo(first);
        assertThat(vm.progressTextProperty().get()).startsWith("0 / ");
        vm.open(vm.esspProperty().get(), first);
        assertThat(vm.progressTextProperty().get()).isEqualTo("53 / 53 éléments renseignés");
        assertThat(vm.stateLabel(row(vm, "AM01").stateProperty().get())).isEqualTo("Disponible et fonctionnel");
    }

    @Test
    void aNewAssessmentTakesTheNewestPublishedVersionAndEachAssessmentKeepsItsOwn() {
        EditContext edit = EditContext.system("test");
        CatalogueVersionRepository versions = new CatalogueVersionRepository(mission.dsl(), edit);
        int v2 = versions.draftFrom(1, "PMS 2026-b");
        new CatalogueEditRepository(mission.dsl(), edit).addItem(v2, null,
                new ItemFields("AM08", "basic_amenities", new Labels("Groupe électrogène", "Generator", null), true, null));
        AssessmentViewModel vm = newViewModel();
        select(vm, "E001");
        int first = vm.assessmentProperty().get().id();
        // nothing published: the new assessment records the version the mission's assessments use (1, a draft frozen
        // by them), not the fresh draft v2 the team is editing — and v2 stays editable
        vm.startNew(LocalDate.of(2026, 9, 1));
        assertThat(vm.assessmentProperty().get().catalogueVersionId()).isEqualTo(1);
        assertThat(vm.progressTextProperty().get()).isEqualTo("0 / 53 éléments renseignés");
        assertThat(new CatalogueEditRepository(mission.dsl(), edit).assessmentsUsing(v2)).isZero();
        versions.publish(v2, versions.version(v2).version(), LocalDate.of(2026, 9, 2));
        vm.startNew(LocalDate.of(2026, 9, 3));
        assertThat(vm.assessmentProperty().get().catalogueVersionId()).isEqualTo(v2);
        assertThat(vm.progressTextProperty().get()).isEqualTo("0 / 54 éléments renseignés");
        assertThat(vm.rows()).anyMatch(r -> r.code().equals("AM08"));
        // the first assessment is still shown with its own version, without the new item
        vm.open(vm.esspProperty().get(), first);
        assertThat(vm.assessmentProperty().get().catalogueVersionId()).isEqualTo(1);
        assertThat(vm.progressTextProperty().get()).isEqualTo("53 / 53 éléments renseignés");
        assertThat(vm.rows()).noneMatch(r -> r.code().equals("AM08"));
    }

    @Test
    void theChecklistShowsItemsAndServicesInTheWindowsLanguageWithFrenchFallback() {
        AssessmentViewModel fr = newViewModel(I18n.FRENCH);
        select(fr, "E001");
        assertThat(row(fr, "EQ05").label()).isEqualTo("Tensiomètre");
        assertThat(row(fr, "ANC").label()).isEqualTo("Consultation prénatale");

        AssessmentViewModel ar = newViewModel(I18n.ARABIC);
        select(ar, "E001");
        assertThat(row(ar, "EQ05").label()).isEqualTo("جهاز قياس ضغط الدم");
        assertThat(row(ar, "AM01").label()).isEqualTo("الكهرباء");
        assertThat(row(ar, "ANC").label()).isEqualTo("الاستشارة السابقة للولادة");

        AssessmentViewModel en = newViewModel(I18n.ENGLISH);
        select(en, "E001");
        assertThat(row(en, "EQ05").label()).isEqualTo("Blood pressure apparatus");

        // an item the team added without an Arabic (nor English) label shows its French label
        EditContext edit = EditContext.system("test");
        CatalogueVersionRepository versions = new CatalogueVersionRepository(mission.dsl(), edit);
        int v2 = versions.draftFrom(1, "PMS 2026-b");
        new CatalogueEditRepository(mission.dsl(), edit).addItem(v2, null,
                new ItemFields("AM08", "basic_amenities", new Labels("Groupe électrogène", null, "  "), true, null));
        versions.publish(v2, versions.version(v2).version(), LocalDate.of(2026, 9, 2));
        ar = newViewModel(I18n.ARABIC);
        select(ar, "E002");
        ar.startNew(LocalDate.of(2026, 9, 3));
        assertThat(row(ar, "AM08").label()).isEqualTo("Groupe électrogène");
        assertThat(row(ar, "AM01").label()).isEqualTo("الكهرباء");
    }

    @Test
    void aChangeMadeInAnotherWindowMeanwhileIsNotOverwrittenTheScreenSaysSoAndReloads() {
        AssessmentViewModel mine = newViewModel(I18n.FRENCH, EditContext.system("amina"));
        select(mine, "E002");
        mine.startNew(LocalDate.of(2026, 4, 2));
        int assessment = mine.assessmentProperty().get().id();
        AssessmentViewModel theirs = newViewModel(I18n.FRENCH, EditContext.system("youssef"));
        select(theirs, "E002");
        assertThat(theirs.assessmentProperty().get().id()).isEqualTo(assessment);
        var dsl = mission.dsl();
        var answers = ma.essp.diag.database.jooq.Tables.ASSESSMENT_ANSWER;
        var audit = ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
        String stale = new I18n(I18n.FRENCH).get("error.stale");

        // both screens show AM01 unanswered; the other window answers it first
        theirs.answer(row(theirs, "AM01"), AnswerState.ABSENT);
        int auditRows = dsl.fetchCount(audit);
        mine.answer(row(mine, "AM01"), AnswerState.AVAILABLE_FUNCTIONING);
        assertThat(mine.errorProperty().get()).isEqualTo(stale);
        var stored = dsl.selectFrom(answers).where(answers.ASSESSMENT_ID.eq(assessment)).fetchSingle();
        assertThat(stored.getState()).isEqualTo(AnswerState.ABSENT.code());
        assertThat(stored.getUpdatedBy()).isEqualTo("youssef");
        assertThat(dsl.fetchCount(audit)).isEqualTo(auditRows);
        // reloaded: the screen shows what the other window wrote, and answering from there works
        assertThat(row(mine, "AM01").stateProperty().get()).isEqualTo(AnswerState.ABSENT);
        mine.answer(row(mine, "AM01"), AnswerState.AVAILABLE_FUNCTIONING);
        assertThat(dsl.selectFrom(answers).where(answers.ASSESSMENT_ID.eq(assessment)).fetchSingle().getState())
                .isEqualTo(AnswerState.AVAILABLE_FUNCTIONING.code());

        // the other window, still showing ABSENT at version 1, changes the comment: refused, Amina's answer stays
        theirs.comment(row(theirs, "AM01"), "vu au magasin");
        assertThat(theirs.errorProperty().get()).isEqualTo(stale);
        stored = dsl.selectFrom(answers).where(answers.ASSESSMENT_ID.eq(assessment)).fetchSingle();
        assertThat(stored.getState()).isEqualTo(AnswerState.AVAILABLE_FUNCTIONING.code());
        assertThat(stored.getComment()).isNull();

        // finishing from a header another window changed meanwhile: refused, the status stays as that window left it
        theirs.complete();
        assertThat(theirs.statusProperty().get()).isEqualTo("terminée");
        var header = ma.essp.diag.database.jooq.Tables.ASSESSMENT;
        dsl.update(header).set(header.STATUS, AssessmentRepository.IN_PROGRESS).set(header.VERSION, header.VERSION.plus(1))
                .where(header.ID.eq(assessment)).execute(); // a reopening by a third party
        theirs.complete();
        assertThat(theirs.errorProperty().get()).isEqualTo(stale);
        assertThat(dsl.fetchValue(header.STATUS, header.ID.eq(assessment))).isEqualTo(AssessmentRepository.IN_PROGRESS);
    }
}
