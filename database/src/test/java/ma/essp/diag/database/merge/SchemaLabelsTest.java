package ma.essp.diag.database.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import ma.essp.diag.database.code.SchemaLabels;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

/**
 * Every table the merge compares and every column it compares (those the audit names too) has a label in French,
 * English and Arabic: a migration that adds a table or a column without its labels fails here.
 */
class SchemaLabelsTest {

    private static final Locale FRENCH = Locale.FRENCH;
    private static final Locale ENGLISH = Locale.ENGLISH;
    private static final Locale ARABIC = Locale.forLanguageTag("ar");
    private static final List<Locale> LANGUAGES = List.of(FRENCH, ENGLISH, ARABIC);

    private final MergeTables tables = MergeTables.all();

    @Test
    void everyMergedTableAndColumnHasALabelInTheThreeLanguages() {
        assertThat(tables.inForeignKeyOrder()).extracting(Table::getName).contains("essp", "staff_position", "mission");
        for (Locale locale : LANGUAGES) {
            for (Table<?> table : tables.inForeignKeyOrder()) {
                String name = table.getName();
                assertThat(SchemaLabels.hasTable(name, locale)).as("table." + name + " in " + locale).isTrue();
                assertLabel(name, SchemaLabels.table(name, locale), locale);
                for (Field<?> column : tables.compared(table)) {
                    String field = name + "." + column.getName();
                    assertThat(SchemaLabels.hasField(name, column.getName(), locale)).as("field of " + field + " in " + locale).isTrue();
                    assertLabel(field, SchemaLabels.field(name, column.getName(), locale), locale);
                }
            }
        }
    }

    /** A label is a word for the reader: not blank, not the raw name, and in Arabic written in Arabic letters. */
    private static void assertLabel(String what, String label, Locale locale) {
        assertThat(label).as(what + " in " + locale).isNotBlank().doesNotContain("_");
        if (locale.equals(ARABIC)) {
            assertThat(label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC))
                    .as(what + " in Arabic letters: " + label).isTrue();
        }
    }

    @Test
    void theThreeBundlesHaveTheSameKeysAndNoneNamesAMissingTableOrColumn() {
        Set<String> french = keys(FRENCH);
        assertThat(keys(ENGLISH)).isEqualTo(french);
        assertThat(keys(ARABIC)).isEqualTo(french);
        Set<String> known = new TreeSet<>();
        for (Table<?> table : tables.inForeignKeyOrder()) {
            known.add("table." + table.getName());
            for (Field<?> column : tables.compared(table)) {
                known.add("field." + column.getName());
                known.add("field." + table.getName() + "." + column.getName());
            }
        }
        Set<String> stale = new TreeSet<>(french);
        stale.removeAll(known);
        assertThat(stale).as("labels of tables or columns the merge does not know").isEmpty();
    }

    private static Set<String> keys(Locale locale) {
        ResourceBundle bundle = SchemaLabels.bundle(locale);
        return new TreeSet<>(Collections.list(bundle.getKeys()));
    }

    @Test
    void aTableOwnLabelComesBeforeTheCommonOneAndAnUnknownNameStaysAsItIs() {
        assertThat(SchemaLabels.table("essp", FRENCH)).isEqualTo("ESSP");
        assertThat(SchemaLabels.table("essp", ARABIC)).isEqualTo("مؤسسة الرعاية الصحية الأولية");
        assertThat(SchemaLabels.field("essp", "name_fr", FRENCH)).isEqualTo("Nom (français)");
        assertThat(SchemaLabels.field("essp", "name_fr", ENGLISH)).isEqualTo("Name (French)");
        assertThat(SchemaLabels.field("essp", "name_fr", ARABIC)).isEqualTo("الاسم (بالفرنسية)");
        assertThat(SchemaLabels.field("commune", "kind", FRENCH)).isEqualTo("Type de commune");
        assertThat(SchemaLabels.field("pms_item", "code", FRENCH)).isEqualTo("Code");
        assertThat(SchemaLabels.field("staff_position", "status", ENGLISH)).isEqualTo("Employment status");
        // German reads the French labels, as the code labels do
        assertThat(SchemaLabels.table("staff_position", Locale.GERMAN)).isEqualTo("Poste de personnel");
        assertThat(SchemaLabels.table("not_a_table", ARABIC)).isEqualTo("not_a_table");
        assertThat(SchemaLabels.field("essp", "not_a_column", ENGLISH)).isEqualTo("not_a_column");
        assertThat(SchemaLabels.field(null, "name_fr", FRENCH)).isEqualTo("Nom (français)");
        assertThat(SchemaLabels.table(null, FRENCH)).isEmpty();
        assertThat(SchemaLabels.field("essp", null, FRENCH)).isEmpty();
    }
}
