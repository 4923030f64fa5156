package ma.essp.diag.database.testing;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.MISSION;

import java.nio.file.Path;
import ma.essp.diag.database.jooq.tables.records.CirconscriptionRecord;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.jooq.tables.records.MissionRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import org.jooq.DSLContext;

/**
 * A tiny mission on the real territory: 3 circonscriptions (two in Tanger-Assilah, one in the préfecture
 * d'arrondissements Casablanca-Anfa), 6 live ESSPs and one soft-deleted. Shared with the app's tests through this
 * module's test jar (only the {@code testing} package goes into it).
 */
public final class FixtureMission {

    public static final int TANGER_ASSILAH = 1;
    public static final int CASABLANCA = 38;
    public static final int CASABLANCA_ANFA = 39;

    private FixtureMission() {
    }

    public static MissionFile create(Path file) throws Exception {
        MissionFile mission = MissionFile.create(file);
        DSLContext dsl = mission.dsl();
        EditContext edit = EditContext.system("test");
        MissionRecord m = dsl.newRecord(MISSION);
        m.setName("Mission de test");
        m.setSynthetic(true);
        m.setCreatedAt(edit.now());
        dsl.insertInto(MISSION).set(edit.stampNew(m)).execute();
        int c1 = circonscription(dsl, edit, TANGER_ASSILAH, "C-TNG-1", "Circonscription Tanger Médina", "urban", 120_000);
        int c2 = circonscription(dsl, edit, TANGER_ASSILAH, "C-TNG-2", "Circonscription Gzenaya", "rural", 45_000);
        int c3 = circonscription(dsl, edit, CASABLANCA_ANFA, "C-CAS-1", "Circonscription Anfa", "urban", 200_000);
        essp(dsl, edit, c1, "E001", "CSU Médina", "CSU-1", "urban", "fully", 30_000, false);
        essp(dsl, edit, c1, "E002", "CSU Souani", "CSU-2", "urban", "partially", 40_000, false);
        essp(dsl, edit, c2, "E003", "CSR Gzenaya", "CSR-2", "rural", "fully", 25_000, false);
        essp(dsl, edit, c2, "E004", "Dispensaire Dar Chaoui", "DR", "rural", "not_functioning", 5_000, false);
        essp(dsl, edit, c3, "E005", "CSU Anfa", "CSU-1", "urban", "fully", 60_000, false);
        essp(dsl, edit, c3, "E006", "CSU Maârif", "CSU-2", "urban", "fully", 55_000, false);
        essp(dsl, edit, c3, "E099", "CSU Supprimé", "CSU-1", "urban", "fully", 1_000, true);
        return mission;
    }

    private static int circonscription(DSLContext dsl, EditContext edit, int provinceId, String code, String name,
                                       String milieu, int population) {
        CirconscriptionRecord c = dsl.newRecord(CIRCONSCRIPTION);
        c.setProvinceId(provinceId);
        c.setCode(code);
        c.setNameFr(name);
        c.setNameAr("دائرة " + code);
        c.setMilieu(milieu);
        c.setPopulation(population);
        edit.stampNew(c);
        // the id is read back with RETURNING: SQLite's rowid is not reported as an identity to jOOQ
        return dsl.insertInto(CIRCONSCRIPTION).set(c).returningResult(CIRCONSCRIPTION.ID).fetchOne().value1();
    }

    private static void essp(DSLContext dsl, EditContext edit, int circonscriptionId, String code, String name,
                             String category, String milieu, String functionality, int population, boolean deleted) {
        EsspRecord e = dsl.newRecord(ESSP);
        e.setCirconscriptionId(circonscriptionId);
        e.setCode(code);
        e.setNameFr(name);
        e.setNameAr("مركز " + code);
        e.setCategoryCode(category);
        e.setMilieu(milieu);
        e.setFunctionality(functionality);
        e.setPopulationServed(population);
        edit.stampNew(e);
        e.setDeleted(deleted);
        dsl.insertInto(ESSP).set(e).execute();
    }
}
