package ma.essp.diag.database.repository;

import java.time.LocalDate;
import java.util.List;

/**
 * The perpetrator-care roll-out as recorded (schema V1 tables, V13 stage rows and staff names), live rows only: what
 * the roll-out figures ({@code reporting.perpetrator.PerpetratorCareFigures}), the Violence (auteurs) screens and the
 * {@code figures --axis violence} command read. Loaded by {@link PerpetratorCareRepository#load()}.
 */
public record PerpetratorCareData(List<Site> sites, List<StageStep> stages, List<Staff> staff, List<Period> periods,
                                  List<Referral> referrals) {

    public PerpetratorCareData {
        sites = List.copyOf(sites);
        stages = List.copyOf(stages);
        staff = List.copyOf(staff);
        periods = List.copyOf(periods);
        referrals = List.copyOf(referrals);
    }

    /** A site with its province and region (names in French and Arabic); {@code stage}: its current stage code. */
    public record Site(int id, int version, String name, int provinceId, String provinceFr, String provinceAr,
                       int regionId, String regionFr, String regionAr, String kind, Integer esspId, String stage,
                       LocalDate stageSince, String notes) {
    }

    /** A stage of a site: the day it was reached (null: not yet) and the day it was planned for (null: not planned). */
    public record StageStep(int id, int version, int siteId, String stage, LocalDate plannedOn, LocalDate reachedOn) {
    }

    /**
     * A trained staff member of a site: the person ({@code fullName}, V13; may be null on older rows), the staff record
     * of their post ({@code staffPositionId}, null when not linked) with what the post says now: deleted, its status
     * and its holder's name (null when not linked).
     */
    public record Staff(int id, int version, int siteId, Integer staffPositionId, String fullName, String cadreCode,
                        String role, LocalDate trainedOn, Double trainingHours, boolean positionDeleted,
                        String positionStatus, String positionHolder) {
    }

    /** A reporting period (a quarter) of a site; {@code sessions} and {@code dropouts} null when not recorded. */
    public record Period(int id, int version, int siteId, LocalDate start, LocalDate end, int patientsFollowed,
                         int newPatients, Integer sessions, Integer dropouts) {
    }

    /** Referrals from one source in a period. */
    public record Referral(int id, int version, int periodId, String source, int referrals) {
    }
}
