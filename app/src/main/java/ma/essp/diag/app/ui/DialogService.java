package ma.essp.diag.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import ma.essp.diag.app.mission.MissionService.MemberChoice;
import ma.essp.diag.database.repository.TeamRepository.Member;

/**
 * Dialogs as a service, so that view models can ask for a file or report an error without touching a
 * control; tests pass a recording implementation. All texts arrive already translated.
 */
public interface DialogService {

    void showError(String title, String message);

    void showInformation(String title, String header, String message);

    /** Asks a yes/no question (e.g. before a delete that takes other rows with it); true for yes. */
    boolean confirm(String title, String message);

    /** Asks what to do with unsaved edits: save, discard or cancel (closing the dialog counts as cancel). */
    UnsavedChangesGuard.Choice askUnsavedChanges(String title, String message);

    /** Asks for an existing mission file. */
    Optional<Path> chooseMissionToOpen(Path initialFolder);

    /** Asks where to write a mission file (new mission, copy); the result ends with {@code .essp}. */
    Optional<Path> chooseMissionToSave(Path initialFolder, String suggestedName);

    /**
     * Asks for a file to write (an export): {@code filterLabel} names the files matching {@code pattern}
     * ({@code *.xlsx}); {@code suggestedName} may be null.
     */
    Optional<Path> chooseFileToSave(String title, Path initialFolder, String suggestedName, String filterLabel, String pattern);

    /** Asks for an existing file to read (an import) among the files matching {@code pattern}. */
    Optional<Path> chooseFileToOpen(String title, Path initialFolder, String filterLabel, String pattern);

    /**
     * Asks who the consultant is in the mission {@code missionName}: one of {@code team} or a new member by name.
     * Empty when they cancel.
     */
    Optional<MemberChoice> chooseMember(String missionName, List<Member> team);

    /**
     * Asks the user to pick one line of {@code choices} (e.g. a backup to restore); the index chosen, or empty when
     * cancelled.
     */
    Optional<Integer> chooseOne(String title, String header, List<String> choices);
}
