package ma.essp.diag.app.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ma.essp.diag.app.mission.MissionService.MemberChoice;
import ma.essp.diag.app.ui.DialogService;
import ma.essp.diag.database.repository.TeamRepository.Member;
import ma.essp.diag.app.ui.UnsavedChangesGuard;

/** Records what would have been shown; answers file choosers with a preset path. */
public final class RecordingDialogService implements DialogService {

    public record Shown(String kind, String title, String message) {
    }

    public final List<Shown> shown = new ArrayList<>();
    public Path nextChosenFile;
    public boolean confirmAnswer = true;
    /** The answer to "who are you" (null: cancelled); the teams it was asked with, in order. */
    public MemberChoice memberAnswer = new MemberChoice.NewMember("Consultante de test");
    public final List<List<Member>> memberQuestions = new ArrayList<>();
    public UnsavedChangesGuard.Choice unsavedAnswer = UnsavedChangesGuard.Choice.CANCEL;
    /** The answer to a choice among lines (null: cancelled); the lines offered, in order. */
    public Integer chooseOneAnswer;
    public final List<List<String>> chooseOneQuestions = new ArrayList<>();

    @Override
    public Optional<Integer> chooseOne(String title, String header, List<String> choices) {
        shown.add(new Shown("choose", title, header));
        chooseOneQuestions.add(List.copyOf(choices));
        return Optional.ofNullable(chooseOneAnswer);
    }

    @Override
    public void showError(String title, String message) {
        shown.add(new Shown("error", title, message));
    }

    @Override
    public void showInformation(String title, String header, String message) {
        shown.add(new Shown("info", title, message));
    }

    @Override
    public boolean confirm(String title, String message) {
        shown.add(new Shown("confirm", title, message));
        return confirmAnswer;
    }

    @Override
    public UnsavedChangesGuard.Choice askUnsavedChanges(String title, String message) {
        shown.add(new Shown("unsaved", title, message));
        return unsavedAnswer;
    }

    @Override
    public Optional<Path> chooseMissionToOpen(Path initialFolder) {
        return Optional.ofNullable(nextChosenFile);
    }

    @Override
    public Optional<Path> chooseMissionToSave(Path initialFolder, String suggestedName) {
        return Optional.ofNullable(nextChosenFile);
    }

    /** A file chooser for an export or an import: what it offered. */
    public record FileQuestion(String kind, String title, Path initialFolder, String suggestedName, String pattern) {
    }

    public final List<FileQuestion> fileQuestions = new ArrayList<>();

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialFolder, String suggestedName, String filterLabel,
                                           String pattern) {
        fileQuestions.add(new FileQuestion("save", title, initialFolder, suggestedName, pattern));
        return Optional.ofNullable(nextChosenFile);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialFolder, String filterLabel, String pattern) {
        fileQuestions.add(new FileQuestion("open", title, initialFolder, null, pattern));
        return Optional.ofNullable(nextChosenFile);
    }

    @Override
    public Optional<MemberChoice> chooseMember(String missionName, List<Member> team) {
        memberQuestions.add(List.copyOf(team));
        return Optional.ofNullable(memberAnswer);
    }
}
