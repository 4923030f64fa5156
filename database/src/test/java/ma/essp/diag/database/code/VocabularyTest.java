package ma.essp.diag.database.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.essp.diag.database.repository.AnswerState;
import org.junit.jupiter.api.Test;

/** The code lists follow the schema, and the one bundle labels every code in French, English and Arabic. */
class VocabularyTest {

    private static final String[] LANGUAGES = {"", "_en", "_ar"};

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CodeLabels.class.getResourceAsStream("codes" + suffix + ".properties")) {
            assertThat(in).as("codes" + suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /**
     * V1, then the migrations that rebuild a table with new coded columns (V8: recommendation) or add one (V19:
     * training_project.reform; V22: perpetrator_care_site.kind; V28: training_cost.expert_origin).
     */
    private static String schema() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String file : new String[] {"V1__mission_schema.sql", "V8__findings.sql", "V19__training_evaluation_projects.sql",
                "V22__perpetrator_care_site_kind.sql", "V28__training_cost_expert_origin.sql"}) {
            InputStream sqlite = VocabularyTest.class.getResourceAsStream("/db/sqlite/" + file);
            try (InputStream in = sqlite != null ? sqlite : VocabularyTest.class.getResourceAsStream("/db/common/" + file)) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    /**
     * The codes of {@code column TEXT ... CHECK (column IN ('a', 'b'))} inside the last {@code CREATE TABLE table (...);}
     * (or its rebuilt {@code table_vN}) that has the column, else of {@code ALTER TABLE table ADD COLUMN column TEXT ... CHECK (...)}.
     */
    private static List<String> checkedCodes(String schema, String table, String column) {
        Matcher t = Pattern.compile("CREATE TABLE " + table + "(_v\\d+)? \\((.*?)\\n\\);", Pattern.DOTALL).matcher(schema);
        Pattern check = Pattern.compile("\\n\\s*" + column + " TEXT[^\\n]*CHECK \\(" + column + " IN \\(([^)]*)\\)\\)");
        Matcher c = null;
        while (t.find()) {
            Matcher m = check.matcher(t.group(2));
            if (m.find()) {
                c = m;
            }
        }
        if (c == null) {
            // a coded column added later: ALTER TABLE table ADD COLUMN column TEXT [NOT NULL DEFAULT …] CHECK ([column IS NULL OR] column IN (...))
            Matcher added = Pattern.compile("ALTER TABLE " + table + " ADD COLUMN " + column + " TEXT[^;]*?CHECK \\((?:"
                    + column + " IS NULL OR )?" + column + " IN \\(([^)]*)\\)\\)").matcher(schema);
            c = added.find() ? added : null;
        }
        assertThat(c).as("CHECK of " + table + "." + column).isNotNull();
        List<String> codes = new ArrayList<>();
        for (String quoted : c.group(1).split(",")) {
            codes.add(quoted.trim().replace("'", ""));
        }
        return codes;
    }

    @Test
    void everyVocabularyListsTheCodesItsColumnAccepts() throws IOException {
        String schema = schema();
        for (Vocabulary v : Vocabulary.values()) {
            String[] column = v.column().split("\\.");
            assertThat(v.codes()).as(v.name()).isEqualTo(checkedCodes(schema, column[0], column[1]));
        }
    }

    @Test
    void everyCodeHasALabelInEveryLanguageAndNoLabelIsUnused() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (Vocabulary v : Vocabulary.values()) {
            v.codes().forEach(code -> expected.add(v.key(code)));
        }
        for (String suffix : LANGUAGES) {
            Properties p = bundle(suffix);
            assertThat(new TreeSet<>(p.stringPropertyNames())).as("keys of codes" + suffix).isEqualTo(expected);
            assertThat(p.stringPropertyNames()).allSatisfy(k -> assertThat(p.getProperty(k)).as(k + suffix).isNotBlank());
        }
    }

    @Test
    void labelsFollowTheLanguage() {
        assertThat(CodeLabels.label(Vocabulary.FUNCTIONALITY, "not_functioning", Locale.FRENCH)).isEqualTo("non fonctionnel");
        assertThat(CodeLabels.label(Vocabulary.FUNCTIONALITY, "not_functioning", Locale.ENGLISH)).isEqualTo("not functioning");
        assertThat(CodeLabels.label(Vocabulary.FUNCTIONALITY, "not_functioning", Locale.forLanguageTag("ar"))).isEqualTo("لا يشتغل");
        // the same code in two vocabularies has two labels
        assertThat(CodeLabels.label(Vocabulary.COMPLAINT_CHANNEL, "other", Locale.ENGLISH)).isEqualTo("other");
        assertThat(CodeLabels.label(Vocabulary.EMPLOYER, "other", Locale.ENGLISH)).isEqualTo("Other");
        // a language without a bundle reads French; an unknown code is shown as it is stored
        assertThat(CodeLabels.label(Vocabulary.CARE_STAGE, "launched", Locale.GERMAN)).isEqualTo("lancé");
        assertThat(CodeLabels.label(Vocabulary.CARE_STAGE, "unknown_code", Locale.FRENCH)).isEqualTo("unknown_code");
        assertThat(CodeLabels.label(Vocabulary.CARE_STAGE, null, Locale.FRENCH)).isEmpty();
    }

    @Test
    void theAnswerStateEnumHasTheVocabularysCodes() {
        assertThat(Arrays.stream(AnswerState.values()).map(AnswerState::code)).containsExactlyElementsOf(Vocabulary.ANSWER_STATE.codes());
    }

    @Test
    void vocabularyKeysAreDistinct() {
        assertThat(Arrays.stream(Vocabulary.values()).map(v -> v.key("x")).distinct()).hasSize(Vocabulary.values().length);
    }
}
