package ma.essp.diag.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.PerpetratorCareRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 6's sites listing names each site's kind in the report's language (the fixture's sites name no ESSP: hospital sites by default). */
class PerpetratorCareSiteKindReportTest {

    @TempDir
    Path dir;

    @Test
    void theSitesListingShowsTheKindLabel() throws Exception {
        try (MissionFile mission = MissionFile.open(ReportFixture.small(dir), dir.resolve("backups"))) {
            var dsl = mission.dsl();
            Integer provinceId = (Integer) dsl.fetchValue("""
                    SELECT c.province_id FROM essp e JOIN circonscription c ON c.id = e.circonscription_id WHERE e.code = ?""",
                    ReportFixture.FIRST_ESSP);
            new PerpetratorCareRepository(dsl).addSite(EditContext.system("test"), "Service de psychiatrie — CHP test",
                    provinceId, "psychiatric_service", null, LocalDate.parse("2026-02-02"));
            int hospitals = dsl.fetchCount(dsl.selectFrom("perpetrator_care_site").where("kind = 'hospital' AND deleted = 0"));
            assertThat(hospitals).isPositive();

            for (var lang : new ReportLanguage[] {ReportLanguage.FR, ReportLanguage.EN}) {
                ReportData data = ReportDataCollector.load(dsl).collect(ReportRequest.of(ReportScope.NATIONAL, lang));
                var sites = data.perpetratorCare().sites();
                String psychiatry = lang == ReportLanguage.FR ? "service de psychiatrie" : "psychiatric service";
                assertThat(sites).filteredOn(s -> s.name().equals("Service de psychiatrie — CHP test"))
                        .extracting(ReportData.SiteRow::kind).containsExactly(psychiatry);
                String hospital = lang == ReportLanguage.FR ? "hôpital" : "hospital";
                assertThat(sites).filteredOn(s -> s.kind().equals(hospital)).hasSize(hospitals);
                assertThat(sites).hasSize(hospitals + 1);
            }
        }
    }
}
