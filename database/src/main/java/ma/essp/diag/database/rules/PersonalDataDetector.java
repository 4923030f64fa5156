package ma.essp.diag.database.rules;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like personal data in a free-text note of an anonymous record (a sampled complaint): a phone
 * number, an e-mail address, a Moroccan national identity card (CIN) number, or a civility followed by a name
 * ("M. Alami", "Mme Bennani", "السيد محمد"). Anonymous samples must not hold any: the window warns on the field and
 * flags the note, and no export ever writes a flagged note. Pure functions, French and Arabic; Arabic-Indic digits
 * count as digits.
 *
 * <p>What is not flagged (to keep false alarms rare): civilities followed by a role ("M. le délégué", "Mme la
 * directrice", "السيد المدير" — a role word takes the article ال), codes of ESSPs ("081-0012"), short numbers
 * ("salle 3", "CSR-2", "2025"), dates.
 */
public final class PersonalDataDetector {

    /** What a note may hold. */
    public enum Kind {
        PHONE, EMAIL, CIN, NAME;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Moroccan numbers: 0 or +212 / 00212, then 5, 6, 7 or 8 and eight digits, separators allowed between digits. */
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:(?:\\+|00)\\s?212[\\s.\\-]?(?:\\(0\\))?|0)[5-8](?:[\\s.\\-]?\\d){8}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\d._%+\\-]+@[\\p{L}\\d\\-]+(?:\\.[\\p{L}\\d\\-]+)+");
    /** CIN: one or two Latin letters then 3 to 7 digits ("AB123456", "K 45678"), or any such number after "CIN". */
    private static final Pattern CIN = Pattern.compile("(?<![\\p{L}\\d])[A-Za-z]{1,2}\\s?\\d{4,7}(?![\\p{L}\\d])"
            + "|(?i:\\bCIN\\b|\\bC\\.I\\.N\\.?|\\bcarte\\s+nationale|البطاقة\\s+الوطنية)[\\s:n°º#]*[A-Za-z]{0,2}\\s?\\d{3,8}");
    /** A French civility then a word with a capital (a name), unless that word is an article or a role. */
    private static final Pattern NAME_FR = Pattern.compile("(?<![\\p{L}])(?:M\\.|Mr\\.?|MM\\.|Mme|Mmes|Mlle|Monsieur|Madame|"
            + "Mademoiselle|Dr\\.?|Docteur|Pr\\.?|Professeur)\\s+(\\p{Lu}[\\p{L}'\\-]+)");
    /** An Arabic civility (with a prefix و/ب/ل/لل) then a word without the article ال (a name, not a role). */
    private static final Pattern NAME_AR = Pattern.compile("(?<![\\p{L}])(?:و|ب|ل|ف)?(?:لل|ال)(?:سيد|سيدة|آنسة|انسة|دكتور|دكتورة)"
            + "\\s+(\\p{L}+)");
    private static final Set<String> ROLE_WORDS_FR = Set.of("le", "la", "les", "l", "l'", "un", "une", "directeur",
            "directrice", "délégué", "déléguée", "delegue", "médecin", "medecin", "infirmier", "infirmière", "chef",
            "responsable", "président", "présidente", "ministre", "gouverneur", "caïd", "caid", "major", "gestionnaire",
            "agent", "sage-femme", "pharmacien", "pharmacienne");

    private PersonalDataDetector() {
    }

    /** What the note seems to hold; empty for a clean note or none. */
    public static Set<Kind> find(String note) {
        Set<Kind> found = EnumSet.noneOf(Kind.class);
        if (note == null || note.isBlank()) {
            return found;
        }
        String text = asciiDigits(note);
        if (PHONE.matcher(text).find()) {
            found.add(Kind.PHONE);
        }
        if (EMAIL.matcher(text).find()) {
            found.add(Kind.EMAIL);
        }
        if (CIN.matcher(text).find()) {
            found.add(Kind.CIN);
        }
        if (hasName(text)) {
            found.add(Kind.NAME);
        }
        return found;
    }

    /** Whether the note must be flagged (and kept out of every export). */
    public static boolean flagged(String note) {
        return !find(note).isEmpty();
    }

    /** The note as an export may write it: null when it is empty or flagged. */
    public static String exportable(String note) {
        return note == null || note.isBlank() || flagged(note) ? null : note;
    }

    private static boolean hasName(String text) {
        Matcher fr = NAME_FR.matcher(text);
        while (fr.find()) {
            if (!ROLE_WORDS_FR.contains(fr.group(1).toLowerCase(Locale.FRENCH))) {
                return true;
            }
        }
        Matcher ar = NAME_AR.matcher(text);
        while (ar.find()) {
            if (!ar.group(1).startsWith("ال")) {
                return true;
            }
        }
        return false;
    }

    /** Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits as ASCII digits, so one pattern reads all three. */
    private static String asciiDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '\u0660' && c <= '\u0669') {
                b.append((char) ('0' + c - '\u0660'));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                b.append((char) ('0' + c - '\u06F0'));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
