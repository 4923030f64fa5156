package ma.essp.diag.app.i18n;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Circonscription names as lists and tables show them: "Circonscription sanitaire urbaine Riad" is cut to
 * "Circonscription sanitaire…" in any column, and every row then reads the same. The distinguishing part goes first,
 * the common words after it in brackets: "Riad (circonscription sanitaire urbaine)". Names without the common words
 * are shown as they are.
 */
public final class CirconscriptionName {

    /** "Circonscription sanitaire [urbaine|rurale] [de|d'|du] X" and "الدائرة الصحية [الحضرية|القروية] X". */
    private static final Pattern FRENCH = Pattern.compile(
            "(?iu)^\\s*(circonscription\\s+sanitaire(?:\\s+(?:urbaine|rurale))?)(?:\\s+(?:de\\s+la|de|du|des)\\s+|\\s+d['’]\\s*|\\s+)(\\S.*?)\\s*$");
    private static final Pattern ARABIC = Pattern.compile(
            "^\\s*((?:ال)?دائرة\\s+(?:ال)?صحية(?:\\s+(?:ال)?(?:حضرية|قروية))?)\\s+(?:ب|ل)?(\\S.*?)\\s*$");

    private CirconscriptionName() {
    }

    /** The short form of a circonscription's name, its distinguishing part first. */
    public static String shortForm(String name) {
        if (name == null) {
            return "";
        }
        for (Pattern pattern : new Pattern[] {FRENCH, ARABIC}) {
            Matcher m = pattern.matcher(name);
            if (m.matches()) {
                String common = m.group(1).replaceAll("\\s+", " ");
                if (pattern == FRENCH) {
                    common = Character.toLowerCase(common.charAt(0)) + common.substring(1);
                }
                return m.group(2) + " (" + common + ")";
            }
        }
        return name.strip();
    }
}
