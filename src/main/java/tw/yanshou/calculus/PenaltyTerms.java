package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The penalty clause: a rate per mille per day on a basis, an optional cap and an optional threshold
 * at which the buyer may terminate, both as a percentage of the contract total.
 */
public record PenaltyTerms(BigDecimal ratePerMille, PenaltyBasis basis, BigDecimal capPercent,
                           BigDecimal terminationRightAtPercent) {
    public PenaltyTerms {
        Objects.requireNonNull(ratePerMille, "ratePerMille");
        Objects.requireNonNull(basis, "basis");
        if (ratePerMille.signum() < 0) throw new IllegalArgumentException("ratePerMille must not be negative");
        if (capPercent != null && capPercent.signum() < 0) throw new IllegalArgumentException("capPercent must not be negative");
        if (terminationRightAtPercent != null && terminationRightAtPercent.signum() < 0)
            throw new IllegalArgumentException("terminationRightAtPercent must not be negative");
    }
}
