package ma.essp.diag.reporting.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import ma.essp.diag.database.repository.ReportSourceData.ComplaintSystem;
import ma.essp.diag.reporting.complaints.ComplaintMaturity.Score;
import org.junit.jupiter.api.Test;

/** The rubric of docs/complaints-maturity.md, worked by hand. */
class ComplaintMaturityTest {

    @Test
    void everyItemGivesItsPointsToItsSection() {
        ComplaintSystem all = new ComplaintSystem(1, true, true, true, true, true, true, true, true, true, "Médecin chef", true, true);
        assertThat(ComplaintMaturity.score(all)).isEqualTo(new Score(30, 25, 25, 20));
        assertThat(ComplaintMaturity.score(all).total()).isEqualTo(100);
        ComplaintSystem none = new ComplaintSystem(2, false, false, false, false, false, false, false, false, false, "  ", false, false);
        assertThat(ComplaintMaturity.score(none).total()).isZero();
        // a register and in-person reception (2 × 4), the register kept (15), a named handler (10): 8 + 15 + 10 = 33
        ComplaintSystem typical = new ComplaintSystem(3, true, false, true, false, false, true, false, false, false, "Infirmier chef", false, false);
        assertThat(ComplaintMaturity.score(typical)).isEqualTo(new Score(8, 15, 10, 0));
        assertThat(ComplaintMaturity.score(typical).total()).isEqualTo(33);
        // the procedure and the chikaya.ma link displayed (5 + 5), a focal person (10), escalation (15), feedback (20)
        ComplaintSystem displayed = new ComplaintSystem(4, false, false, false, false, false, false, true, true, true, null, true, true);
        assertThat(ComplaintMaturity.score(displayed)).isEqualTo(new Score(10, 10, 15, 20));
        // a unit's score: the mean over its recorded systems; none recorded: no score
        assertThat(ComplaintFigures.meanMaturity(List.of(all, none, typical))).isEqualTo(133 / 3.0);
        assertThat(ComplaintFigures.meanMaturity(List.of())).isNull();
    }
}
