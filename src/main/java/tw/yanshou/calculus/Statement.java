package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a contract owes as of a day: due dates, late days in lines, the penalty before and after the cap,
 * the termination right, claims, and the court's notation for all of it. Amounts are whole TWD, except a line's
 * {@code amount} under {@link Rounding#FORMULA}, which is its exact share of its formula.
 *
 * @param asOf                  the statement's day; events dated later are not known
 * @param accruedThrough        the last day that accrues: {@code asOf}, or the termination day if earlier
 * @param lateDays              days on which anything was late (= the sum of the lines' days)
 * @param formulas              the court's notation of the lines, each true as printed
 * @param contractTotal         the contract total after every known amendment
 * @param penaltyBeforeCap      the sum of the formulas' amounts
 * @param mediationPendingSince the day a still pending mediation was filed; later days are provisional
 * @param projection            for an open contract: the days the cap and the termination threshold will be
 *                              reached if nothing changes; null for a terminated or completed contract
 * @param warnings              facts the figures rest on that the user should check (e.g. a year the office
 *                              calendar has no data for)
 */
public record Statement(LocalDate asOf, LocalDate accruedThrough, List<MilestoneStatus> milestones, List<Line> lines,
                        List<ExcusedDays> excused, List<String> formulas, long lateDays, BigDecimal contractTotal,
                        BigDecimal penaltyBeforeCap, Cap cap, BigDecimal penalty, LocalDate terminationRightOn,
                        LocalDate terminatedOn, LocalDate mediationPendingSince, Projection projection,
                        List<ClaimStatement> claims, List<String> warnings) {

    /** Where a milestone stands. */
    public enum Status {
        /** Its due date is not known yet: the event it counts from has not happened. */
        WAITING,
        /** Due, not yet late. */
        OPEN,
        /** Past its due date and not complete. */
        LATE,
        /** A tender awaits its inspection or review. */
        TENDERED,
        /** The inspection failed and the cure period is still running. */
        CURING,
        /** Accepted. */
        ACCEPTED,
        /** The contract ended before the milestone was accepted. */
        TERMINATED
    }

    /**
     * @param completedOn the day of the first tender that stands, or null
     * @param lateDays    late days of this milestone (days may overlap with other milestones')
     */
    public record MilestoneStatus(String id, String name, LocalDate dueOn, Status status, LocalDate completedOn,
                                  long lateDays) { }

    /**
     * Consecutive late days with the same late items and basis.
     *
     * @param amount under {@link Rounding#FORMULA} the exact share basis × rate ÷ 1000 × days (may carry decimals,
     *               e.g. 16672.5; the formula rounds); under {@link Rounding#DAY} the rounded daily amount × days
     */
    public record Line(LocalDate from, LocalDate to, long days, List<String> lateItems, BigDecimal basisAmount,
                       BigDecimal ratePerMille, BigDecimal amount) { }

    /** Days not counted. */
    public record ExcusedDays(LocalDate from, LocalDate to, String reason) { }

    /**
     * The cap: {@code amount} is {@code percent} of the contract total rounded half up; {@code reachedOn} the first
     * day the running total reached {@code percent} of the total, compared exactly (not against {@code amount}).
     */
    public record Cap(BigDecimal percent, BigDecimal amount, boolean waived, LocalDate reachedOn) { }

    /** If nothing changes: the days the cap and the termination threshold will be reached (null: not within 10 years). */
    public record Projection(LocalDate capReachedOn, LocalDate terminationRightOn) { }

    /**
     * A claim as of the statement day.
     *
     * @param penalty         penalty through {@code accrualThrough}, after the cap
     * @param afterReductions after each reduction in turn, each rounded half up
     * @param net             after the bond offset (never below zero)
     * @param interestDays    days from {@code interestFrom} to the statement day (or the day paid), both counted
     */
    public record ClaimStatement(LocalDate accrualThrough, List<Line> lines, List<String> formulas, BigDecimal penalty,
                                 BigDecimal afterReductions, BigDecimal bondOffset, BigDecimal net,
                                 LocalDate interestFrom, BigDecimal interestRatePercent, long interestDays,
                                 BigDecimal interest) { }
}
