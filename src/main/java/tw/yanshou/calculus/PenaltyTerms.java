package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The penalty clause: a rate per mille per day on a basis, an optional cap and an optional threshold
 * at which the buyer may terminate, both as a percentage of the contract total, and where amounts are rounded.
 *
 * @param rounding where the penalty is rounded to whole TWD; null means {@link Rounding#FORMULA}
 */
public record PenaltyTerms(BigDecimal ratePerMille, PenaltyBasis basis, BigDecimal capPercent,
                           BigDecimal terminationRightAtPercent, Rounding rounding) {
    public PenaltyTerms {
        Objects.requireNonNull(ratePerMille, "ratePerMille");
        Objects.requireNonNull(basis, "basis");
        if (rounding == null) rounding = Rounding.FORMULA;
        if (ratePerMille.signum() < 0) throw new IllegalArgumentException("ratePerMille must not be negative");
        if (capPercent != null && capPercent.signum() < 0) throw new IllegalArgumentException("capPercent must not be negative");
        if (terminationRightAtPercent != null && terminationRightAtPercent.signum() < 0)
            throw new IllegalArgumentException("terminationRightAtPercent must not be negative");
    }

    /** A clause rounded as the court does ({@link Rounding#FORMULA}). */
    public PenaltyTerms(BigDecimal ratePerMille, PenaltyBasis basis, BigDecimal capPercent, BigDecimal terminationRightAtPercent) {
        this(ratePerMille, basis, capPercent, terminationRightAtPercent, Rounding.FORMULA);
    }

    /** The same clause rounded as {@code rounding} says. */
    public PenaltyTerms withRounding(Rounding rounding) {
        return new PenaltyTerms(ratePerMille, basis, capPercent, terminationRightAtPercent, rounding);
    }
}
