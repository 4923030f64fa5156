package ma.essp.diag.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.i18n.RtlWrapText;
import ma.essp.diag.database.files.OutputRefusedException;
import ma.essp.diag.database.repository.StaleEditException;
import org.junit.jupiter.api.Test;

/** A failure reaches the window as a reason in its language; the exception's English text never does. */
class FailuresTest {

    private static final I18n FRENCH = new I18n(I18n.FRENCH);
    private static final I18n ARABIC = new I18n(I18n.ARABIC);

    private static String plain(String shown) {
        return shown.replace(String.valueOf(RtlWrapText.MARK), "");
    }

    @Test
    void theReasonFollowsTheKindOfFailureFoundAmongTheCauses() {
        var sql = new RuntimeException("SQL [select 1]; [SQLITE_BUSY] The database file is locked", new SQLException("database is locked"));
        assertThat(Failures.reason(sql, FRENCH))
                .isEqualTo("la base de la mission n’a pas pu être lue ou écrite (le détail est dans le journal de l’application).");
        assertThat(Failures.reason(new UncheckedIOException(new IOException("No space left on device")), FRENCH))
                .isEqualTo("un fichier n’a pas pu être lu ou écrit (le détail est dans le journal de l’application).");
        assertThat(Failures.reason(new StaleEditException("essp", 7, 2, 3), FRENCH))
                .isEqualTo("ces données ont été modifiées entre-temps ; rechargez puis recommencez.");
        assertThat(Failures.reason(new NullPointerException("Cannot invoke \"String.strip()\""), FRENCH))
                .isEqualTo("erreur inattendue (le détail est dans le journal de l’application).");
        Path folder = Path.of("exports");
        assertThat(Failures.reason(new IllegalStateException(new OutputRefusedException(folder, OutputRefusedException.Reason.FOLDER)), FRENCH))
                .isEqualTo(OutputRefusals.message(new OutputRefusedException(folder, OutputRefusedException.Reason.FOLDER), FRENCH));
    }

    @Test
    void arabicReadsArabicWhateverTheExceptionSays() {
        var sql = new RuntimeException("database is locked", new SQLException("database is locked"));
        assertThat(plain(Failures.reason(sql, ARABIC))).isEqualTo("تعذرت قراءة قاعدة بيانات المهمة أو الكتابة فيها (التفاصيل في سجل التطبيق).");
        assertThat(plain(Failures.reason(new IllegalStateException("connection pool shut down"), ARABIC)))
                .isEqualTo("خطأ غير متوقع (التفاصيل في سجل التطبيق).").doesNotContain("connection");
    }
}
