package ma.essp.diag.database.repository;

import java.nio.file.Path;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CirconscriptionRepository.CirconscriptionDraft;
import ma.essp.diag.database.repository.EsspEditRepository.EsspDraft;

/** A small mission for the editing tests: Tétouan (province 3, code 01.571) with two circonscriptions. */
final class RegistryFixture implements AutoCloseable {

    static final int TETOUAN = 3;
    static final int TANGER = 1;

    final MissionFile mission;
    final EditContext edit = EditContext.system("tester");
    final EsspEditRepository essps;
    final CirconscriptionRepository circonscriptions;
    final int urban;
    final int rural;

    RegistryFixture(Path dir) throws Exception {
        mission = MissionFile.create(dir.resolve("fixture.essp"));
        essps = new EsspEditRepository(mission.dsl(), edit);
        circonscriptions = new CirconscriptionRepository(mission.dsl(), edit);
        urban = circonscriptions.create(new CirconscriptionDraft(TETOUAN, "C-TET-1", "Tétouan Médina", null, "urban",
                null, "Tétouan", null, 150_000, null));
        rural = circonscriptions.create(new CirconscriptionDraft(TETOUAN, "C-TET-2", "Oued Laou", null, "rural",
                null, "Oued Laou", null, 50_000, null));
    }

    static EsspDraft draft(String code, String name, int circonscriptionId, Double lat, Double lon) {
        return new EsspDraft(code, name, null, "CSU-1", circonscriptionId, null, "urban", false, lat, lon, 10_000,
                "fully", null, null, null, null);
    }

    @Override
    public void close() {
        mission.close();
    }
}
