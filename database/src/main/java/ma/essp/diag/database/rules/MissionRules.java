package ma.essp.diag.database.rules;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import ma.essp.diag.database.code.Vocabulary;

/**
 * The rules of the mission details and of its team members, one method per field, each returning what is wrong as a
 * {@link Code} (empty when fine), never words: the window words them in its language. Pure functions, checked by the
 * mission details screen and again by the repository before it writes.
 */
public final class MissionRules {

    /** Initials: 1 to 4 letters (any script), e.g. "AB", "MEB". */
    private static final Pattern INITIALS = Pattern.compile("\\p{L}{1,4}");

    private MissionRules() {
    }

    public enum Code {
        NAME_REQUIRED, BENEFICIARY_REQUIRED, END_BEFORE_START, MEMBER_NAME_REQUIRED, ROLE_INVALID, INITIALS_FORMAT
    }

    public static Optional<Code> name(String name) {
        return name == null || name.isBlank() ? Optional.of(Code.NAME_REQUIRED) : Optional.empty();
    }

    public static Optional<Code> beneficiary(String beneficiary) {
        return beneficiary == null || beneficiary.isBlank() ? Optional.of(Code.BENEFICIARY_REQUIRED) : Optional.empty();
    }

    /** The mission ends on or after the day it starts; either date may be unknown. */
    public static Optional<Code> dates(LocalDate start, LocalDate end) {
        return start != null && end != null && end.isBefore(start) ? Optional.of(Code.END_BEFORE_START) : Optional.empty();
    }

    public static Optional<Code> memberName(String fullName) {
        return fullName == null || fullName.isBlank() ? Optional.of(Code.MEMBER_NAME_REQUIRED) : Optional.empty();
    }

    public static Optional<Code> role(String role) {
        return role == null || !Vocabulary.TEAM_ROLE.contains(role) ? Optional.of(Code.ROLE_INVALID) : Optional.empty();
    }

    /** Initials are optional; given, they are 1 to 4 letters. */
    public static Optional<Code> initials(String initials) {
        return initials == null || initials.isBlank() || INITIALS.matcher(initials.strip()).matches()
                ? Optional.empty() : Optional.of(Code.INITIALS_FORMAT);
    }
}
