package ma.essp.diag.database.mission;

import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.STRUCTURE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The territory and SARA reference data that the migrations load, checked against the shipped CSV sources. */
class ReferenceDataTest {

    @TempDir
    static Path dir;
    static MissionFile mission;
    static DSLContext dsl;

    @BeforeAll
    static void create() throws Exception {
        mission = MissionFile.create(dir.resolve("ref.essp"));
        dsl = mission.dsl();
    }

    @AfterAll
    static void close() {
        mission.close();
    }

    @Test
    void twelveRegionsAndSeventyFiveProvincesPlusEightPrefecturesOfArrondissements() {
        assertThat(dsl.fetchCount(REGION)).isEqualTo(12);
        assertThat(dsl.fetchCount(PROVINCE, PROVINCE.TYPE.ne("prefecture_of_arrondissements"))).isEqualTo(75);
        assertThat(dsl.fetchCount(PROVINCE, PROVINCE.TYPE.eq("prefecture_of_arrondissements"))).isEqualTo(8);
        // the 8 préfectures d'arrondissements sit under the Casablanca prefecture
        Integer casablanca = dsl.select(PROVINCE.ID).from(PROVINCE).where(PROVINCE.CODE.eq("06.141")).fetchOne(PROVINCE.ID);
        assertThat(dsl.fetchCount(PROVINCE, PROVINCE.PARENT_PROVINCE_ID.eq(casablanca))).isEqualTo(8);
        // every one of the 75 has its ISO 3166-2 code for the map, and an Arabic name
        assertThat(dsl.fetchCount(PROVINCE, PROVINCE.PARENT_PROVINCE_ID.isNull().and(PROVINCE.ISO_CODE.isNotNull()))).isEqualTo(75);
        assertThat(dsl.fetchCount(PROVINCE, PROVINCE.NAME_AR.isNull().or(PROVINCE.NAME_AR.eq("")))).isZero();
    }

    @Test
    void provincePopulationsAddUpToEachRegionalTotal() {
        Map<String, Long> sums = new HashMap<>();
        dsl.select(REGION.CODE, DSL.sum(PROVINCE.POPULATION_2024))
                .from(PROVINCE).join(REGION).on(REGION.ID.eq(PROVINCE.REGION_ID))
                .where(PROVINCE.PARENT_PROVINCE_ID.isNull())
                .groupBy(REGION.CODE)
                .forEach(r -> sums.put(r.value1(), r.value2().longValue()));
        dsl.selectFrom(REGION).forEach(r -> assertThat(sums.get(r.getCode())).as("region " + r.getCode()).isEqualTo(r.getPopulation_2024().longValue()));
        // national total of the RGPH 2024, worked out from regions.csv
        long national = dsl.select(DSL.sum(REGION.POPULATION_2024)).from(REGION).fetchOne(0, Long.class);
        assertThat(national).isEqualTo(36_828_330L);
    }

    @Test
    void valuesMatchTheShippedCsvSource() throws Exception {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream("/reference/provinces.csv")), StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            int rows = 0;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                var p = dsl.selectFrom(PROVINCE).where(PROVINCE.CODE.eq(f[0])).fetchOne();
                assertThat(p).as(f[0]).isNotNull();
                assertThat(p.getNameFr()).isEqualTo(f[2]);
                assertThat(p.getNameAr()).isEqualTo(f[3]);
                assertThat(p.getPopulation_2024()).isEqualTo(Integer.parseInt(f[6]));
                rows++;
            }
            assertThat(rows).isEqualTo(83);
        }
    }

    @Test
    void oneDrsAndOneGstPerRegion() {
        assertThat(dsl.fetchCount(STRUCTURE, STRUCTURE.KIND.eq("gst"))).isEqualTo(12);
        assertThat(dsl.fetchCount(STRUCTURE, STRUCTURE.KIND.eq("drs"))).isEqualTo(12);
        assertThat(dsl.fetchCount(STRUCTURE, STRUCTURE.KIND.eq("delegation"))).isEqualTo(83);
    }

    @Test
    void saraGeneralReadinessItemsPerDomainWithMalariaOutOfScope() {
        Map<String, Integer> perDomain = new HashMap<>();
        dsl.select(PMS_ITEM.DOMAIN_CODE, DSL.count()).from(PMS_ITEM)
                .where(PMS_ITEM.SERVICE_ID.isNull().and(PMS_ITEM.VERSION_ID.eq(1)))
                .groupBy(PMS_ITEM.DOMAIN_CODE)
                .forEach(r -> perDomain.put(r.value1(), r.value2()));
        assertThat(perDomain).containsExactlyInAnyOrderEntriesOf(Map.of(
                "basic_amenities", 7, "basic_equipment", 6, "standard_precautions", 9,
                "diagnostic_capacity", 8, "essential_medicines", 24));
        assertThat(dsl.select(PMS_ITEM.IN_SCOPE).from(PMS_ITEM).where(PMS_ITEM.CODE.eq("DX03")).fetchOne(PMS_ITEM.IN_SCOPE)).isFalse();
    }
}
