package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import tw.yanshou.calculus.Statement.Line;
import tw.yanshou.calculus.Tenders.Completion;

/**
 * The cap and the termination right (docs/calculus.md, section 6): the cap amount that limits the penalty (rounded
 * half up), and the first days on which the running total reaches a percentage of the contract total, compared
 * exactly.
 */
final class CapAndTermination {
    private CapAndTermination() { }

    /** The cap that limits the penalty: {@code percent} % of {@code total}, rounded half up; null without a cap. */
    static BigDecimal capAmount(BigDecimal total, BigDecimal percent) {
        return percent == null ? null : Amounts.whole(Amounts.percent(total, percent));
    }

    /** {@code percent} % of {@code total}, exact (10 % of 1,000,005 is 100,000.5); null without a percentage. */
    static BigDecimal threshold(BigDecimal total, BigDecimal percent) {
        return percent == null ? null : Amounts.percent(total, percent);
    }

    /** The penalty after the cap: held at {@code capAmount} unless there is none or it was waived. */
    static BigDecimal capped(BigDecimal penalty, BigDecimal capAmount, boolean waived) {
        return capAmount == null || waived ? penalty : penalty.min(capAmount);
    }

    /**
     * The first day on which the running total of the day amounts (exact under {@link Rounding#FORMULA}, each day
     * rounded under {@link Rounding#DAY}) reaches {@code threshold}, compared exactly; null if never, or without a
     * threshold.
     */
    static LocalDate firstDayReaching(List<Line> lines, BigDecimal threshold, Rounding rounding) {
        if (threshold == null) return null;
        BigDecimal running = BigDecimal.ZERO;
        for (Line line : lines) {
            BigDecimal perDay = PenaltyLines.dayAmount(line.basisAmount(), line.ratePerMille(), rounding);
            if (perDay.signum() == 0) continue;
            BigDecimal missing = threshold.subtract(running);
            long day = missing.signum() <= 0 ? 1 : missing.divide(perDay, 0, RoundingMode.CEILING).longValueExact();
            if (day <= line.days()) return line.from().plusDays(day - 1);
            running = running.add(perDay.multiply(BigDecimal.valueOf(line.days())));
        }
        return null;
    }

    /**
     * The day after the first completion deadline that was missed: known to have passed on {@code knownOn}, not after
     * the termination, and with some milestone not complete on it. Null if none was missed.
     */
    static LocalDate missedDeadlineDay(List<LocalDate> deadlines, Collection<Completion> milestones, LocalDate knownOn,
                                       LocalDate terminatedOn) {
        LocalDate result = null;
        for (LocalDate deadline : deadlines) {
            if (!knownOn.isAfter(deadline)) continue;
            if (terminatedOn != null && !terminatedOn.isAfter(deadline)) continue;
            boolean missed = milestones.stream().anyMatch(c -> c.completedOn() == null || c.completedOn().isAfter(deadline));
            if (missed) result = StatementCalculator.earlier(result, deadline.plusDays(1));
        }
        return result;
    }
}
