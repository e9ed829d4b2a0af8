package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A penalty claim: accrual through a date, reductions in turn (Civil Code §251/§252), a bond offset and
 * simple interest (§203/§233).
 */
public record Claim(LocalDate accrualThrough, List<Reduction> reductions, BigDecimal bondOffset, Interest interest) {
    public Claim {
        Objects.requireNonNull(accrualThrough, "accrualThrough");
        reductions = reductions == null ? List.of() : List.copyOf(reductions);
        if (bondOffset == null) bondOffset = BigDecimal.ZERO;
        if (bondOffset.signum() < 0) throw new IllegalArgumentException("bondOffset must not be negative");
    }

    /** A reduction by a percentage of what is left (酌減). */
    public record Reduction(BigDecimal percent, String reason) {
        public Reduction {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)
                throw new IllegalArgumentException("a reduction is between 0 and 100 percent");
        }
    }

    /**
     * Simple interest at {@code ratePercent} a year (365-day year) from {@code from} until the statement day
     * or {@code through} (the day paid), both days counted.
     */
    public record Interest(BigDecimal ratePercent, LocalDate from, LocalDate through) {
        public static final BigDecimal STATUTORY_RATE = BigDecimal.valueOf(5);

        public Interest {
            Objects.requireNonNull(from, "from");
            if (ratePercent == null) ratePercent = STATUTORY_RATE;
            if (ratePercent.signum() < 0) throw new IllegalArgumentException("ratePercent must not be negative");
        }
    }
}
