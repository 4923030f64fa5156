package ma.essp.diag.reporting.complaints;

import ma.essp.diag.database.repository.ReportSourceData.ComplaintSystem;

/**
 * The maturity score of an ESSP's complaint system, 0 to 100, from its checklist: the rubric of
 * {@code docs/complaints-maturity.md} (ISO 10002 principles; the four sections of the World Bank grievance-mechanism
 * assessment). Each item is present or not; a section's points add up, the score is the sum of the four sections.
 *
 * <ul>
 * <li><b>Accessibility</b> (30): each channel — register, box, in person, phone, chikaya.ma portal — 4 points (20);
 * procedure displayed 5; chikaya.ma link displayed 5.</li>
 * <li><b>Acknowledgement and logging</b> (25): register kept up to date 15; focal person 10.</li>
 * <li><b>Handling and resolution within time frames</b> (25): who handles complaints is named 10; an escalation path
 * 15.</li>
 * <li><b>Monitoring and feedback</b> (20): complaints analysed and the analysis fed back 20.</li>
 * </ul>
 * An ESSP without a recorded system has no score (not 0): nobody has looked yet. Timeliness measured on the
 * sampled complaints is reported beside the score ({@link ComplaintIndicators}), not in it: a sample of a few
 * complaints per ESSP is too small to grade one ESSP.
 */
public final class ComplaintMaturity {

    public static final int CHANNEL_POINTS = 4;
    public static final int PROCEDURE_POINTS = 5;
    public static final int LINK_POINTS = 5;
    public static final int REGISTER_KEPT_POINTS = 15;
    public static final int FOCAL_PERSON_POINTS = 10;
    public static final int HANDLER_POINTS = 10;
    public static final int ESCALATION_POINTS = 15;
    public static final int ANALYSED_POINTS = 20;

    private ComplaintMaturity() {
    }

    /** The points of each section and their sum. */
    public record Score(int accessibility, int logging, int handling, int monitoring) {
        public int total() {
            return accessibility + logging + handling + monitoring;
        }
    }

    public static Score score(ComplaintSystem s) {
        int channels = count(s.register(), s.box(), s.inPerson(), s.phone(), s.chikayaPortal());
        int accessibility = channels * CHANNEL_POINTS + (s.procedureDisplayed() ? PROCEDURE_POINTS : 0)
                + (s.chikayaLinkDisplayed() ? LINK_POINTS : 0);
        int logging = (s.registerKept() ? REGISTER_KEPT_POINTS : 0) + (s.focalPerson() ? FOCAL_PERSON_POINTS : 0);
        int handling = (s.handledBy() != null && !s.handledBy().isBlank() ? HANDLER_POINTS : 0)
                + (s.escalation() ? ESCALATION_POINTS : 0);
        int monitoring = s.analysedFedBack() ? ANALYSED_POINTS : 0;
        return new Score(accessibility, logging, handling, monitoring);
    }

    private static int count(boolean... items) {
        int n = 0;
        for (boolean b : items) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
