package ma.essp.diag.database.repository;

import java.util.List;

/**
 * What the training needs are derived from ({@code reporting.training.TrainingNeeds}), live rows only: the
 * circonscriptions and how the circonscription screen found each of their functions held, the SRES, délégations and
 * circonscription offices, the staff records of those structures and of the ESSPs, the trainings each staff record
 * received and the cohorts it is already enrolled in. Loaded by {@link TrainingNeedsRepository#load()}.
 */
public record TrainingNeedsData(List<Circonscription> circonscriptions, List<FunctionState> functions,
                                List<Structure> structures, List<Staff> staff, List<Received> received,
                                List<Enrolment> enrolments) {

    public TrainingNeedsData {
        circonscriptions = List.copyOf(circonscriptions);
        functions = List.copyOf(functions);
        structures = List.copyOf(structures);
        staff = List.copyOf(staff);
        received = List.copyOf(received);
        enrolments = List.copyOf(enrolments);
    }

    /** A circonscription with its province and region (names in French, Arabic when recorded). */
    public record Circonscription(int id, String name, String nameAr, int provinceId, String provinceName, int regionId,
                                  String regionName) {
    }

    /** One function of a circonscription as found: {@code held} is held, partial or not_held. */
    public record FunctionState(int circonscriptionId, String functionCode, String held) {
    }

    /**
     * An SRES, délégation or circonscription office, with the territory it answers for (a délégation: its province; an
     * SRES: its region, or its province when recorded; an office: its circonscription).
     */
    public record Structure(int id, String kind, String name, Integer regionId, Integer provinceId,
                            Integer circonscriptionId) {
    }

    /**
     * A live, not vacant staff record with a holder: at a structure ({@code structureId}) or at an ESSP of
     * {@code esspCirconscriptionId} ({@code esspId}).
     */
    public record Staff(int positionId, Integer structureId, Integer esspId, Integer esspCirconscriptionId,
                        String esspName, String holderName, String jobTitle, String cadreCode, String gender) {
    }

    /** A training a staff record received (HR screen). */
    public record Received(int positionId, String title, String topic, Integer year, Double hours) {
    }

    /** A staff record enrolled in a live cohort of a programme ({@code status}: enrolled, graduated, dropped_out). */
    public record Enrolment(int positionId, int cohortId, int programmeId, String status) {
    }
}
