package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import tw.yanshou.calculus.Statement.ClaimStatement;
import tw.yanshou.calculus.Statement.Line;

/**
 * Claims (docs/calculus.md, section 9): the penalty through the claim's accrual day after the cap, reductions in
 * turn, the bond offset (never below 0) and simple interest.
 */
final class Claims {
    private static final BigDecimal DAYS_PERCENT = BigDecimal.valueOf(36_500);

    private Claims() { }

    /**
     * @param lines          the statement's lines (through its accrual day)
     * @param accruedThrough the statement's last accruing day
     * @param capAmount      the cap amount, or null
     */
    static ClaimStatement claim(Claim claim, List<Line> lines, LocalDate accruedThrough, LocalDate asOf,
                                BigDecimal capAmount, boolean capWaived, Rounding rounding) {
        LocalDate through = StatementCalculator.earlier(claim.accrualThrough(), accruedThrough);
        List<Line> claimLines = PenaltyLines.through(lines, through, rounding);
        List<Formulas.Formula> formulas = Formulas.formulas(claimLines, rounding);
        BigDecimal penalty = CapAndTermination.capped(Formulas.total(formulas), capAmount, capWaived);
        BigDecimal reduced = penalty;
        for (Claim.Reduction r : claim.reductions())
            reduced = Amounts.whole(reduced.subtract(Amounts.percent(reduced, r.percent())));
        BigDecimal net = reduced.subtract(claim.bondOffset()).max(BigDecimal.ZERO);
        LocalDate interestFrom = null;
        BigDecimal interestRate = null;
        long interestDays = 0;
        BigDecimal interest = BigDecimal.ZERO;
        if (claim.interest() != null) {
            Claim.Interest i = claim.interest();
            interestFrom = i.from();
            interestRate = i.ratePercent();
            LocalDate end = i.through() == null ? asOf : StatementCalculator.earlier(i.through(), asOf);
            interestDays = Math.max(0, ChronoUnit.DAYS.between(i.from(), end) + 1);
            interest = net.multiply(i.ratePercent()).multiply(BigDecimal.valueOf(interestDays))
                    .divide(DAYS_PERCENT, 0, RoundingMode.HALF_UP);
        }
        return new ClaimStatement(claim.accrualThrough(), List.copyOf(claimLines), Formulas.texts(formulas),
                penalty, reduced, claim.bondOffset(), net, interestFrom, interestRate, interestDays, interest);
    }
}
