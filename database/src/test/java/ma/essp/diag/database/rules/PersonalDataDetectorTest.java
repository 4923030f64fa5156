package ma.essp.diag.database.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import ma.essp.diag.database.rules.PersonalDataDetector.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** True and false positives of the personal-data detector, in French and Arabic notes. */
class PersonalDataDetectorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Rappeler au 0612345678 après 17h                         | PHONE
            tél. 06 12 34 56 78                                      | PHONE
            joignable au +212 6 61-23-45-67                          | PHONE
            numéro fixe 0522.45.67.89                                | PHONE
            00212 712345678                                          | PHONE
            اتصل بالرقم ٠٦١٢٣٤٥٦٧٨                                   | PHONE
            رقم الهاتف: 06.61.22.33.44                               | PHONE
            écrit par plaignant.x@gmail.com                          | EMAIL
            البريد: patient_2025@yahoo.fr                            | EMAIL
            CIN AB123456 présentée                                   | CIN
            carte K 45678 montrée à l'accueil                        | CIN
            CIN n° 123456                                            | CIN
            رقم البطاقة الوطنية: BE654321                             | CIN
            البطاقة الوطنية ٨٧٦٥٤٣                                   | CIN
            Plainte de M. Alami contre l'accueil                     | NAME
            Mme Bennani attend depuis 3 heures                       | NAME
            Madame Fatima El Idrissi, mère du patient                | NAME
            réclamation contre Dr Tazi                               | NAME
            شكاية السيد محمد بخصوص الاستقبال                          | NAME
            اشتكت السيدة فاطمة من طول الانتظار                          | NAME
            رسالة للسيد أحمد                                          | NAME
            """)
    void personalDataIsFound(String note, Kind kind) {
        assertThat(PersonalDataDetector.find(note)).as(note).contains(kind);
        assertThat(PersonalDataDetector.flagged(note)).isTrue();
        assertThat(PersonalDataDetector.exportable(note)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Attente de plus de 3 heures au guichet, salle 2",
            "Le CSR-2 n'avait pas de vaccin le 12/03/2025",
            "ESSP 081-0012, registre non tenu depuis 2024",
            "M. le délégué informé ; Mme la directrice a répondu",
            "Plainte transmise à M. Le Directeur provincial",
            "réponse envoyée en 45 jours, 2 relances",
            "Rupture de stock d'amoxicilline (lot 20250312)",
            "Transmis au portail chikaya.ma le 05/02",
            "شكاية بخصوص طول الانتظار في قاعة 3",
            "تم إخبار السيد المدير والسيدة الممرضة الرئيسة",
            "الرد بعد 60 يوما، المرسوم 2-17-265",
            "لا يوجد دواء منذ ١٥ يوما",
            ""})
    void ordinaryNotesAreNotFlagged(String note) {
        assertThat(PersonalDataDetector.find(note)).as(note).isEmpty();
        assertThat(PersonalDataDetector.exportable(note)).isEqualTo(note.isEmpty() ? null : note);
    }

    @org.junit.jupiter.api.Test
    void aNoteMayHoldSeveralKindsAndNoNoteIsClean() {
        assertThat(PersonalDataDetector.find("M. Alami, 0661223344, alami@mail.ma"))
                .isEqualTo(Set.of(Kind.NAME, Kind.PHONE, Kind.EMAIL));
        assertThat(PersonalDataDetector.find(null)).isEmpty();
        assertThat(PersonalDataDetector.exportable(null)).isNull();
    }
}
