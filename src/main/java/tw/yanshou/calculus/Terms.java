package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The terms of a contract that the calculus needs.
 *
 * @param calendar        id of the office calendar ({@code TW})
 * @param site            city or county of the site, whose local closure days are rest days; may be null
 * @param deadlineDays    how the days of a due rule count
 * @param lastDayRollover Civil Code §122: a last day that is a rest day moves to the next working day
 * @param penalty         the penalty clause
 * @param performanceBond the performance bond (履約保證金); may be null
 */
public record Terms(String calendar, String site, DeadlineDays deadlineDays, boolean lastDayRollover,
                    PenaltyTerms penalty, BigDecimal performanceBond) {
    public Terms {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(deadlineDays, "deadlineDays");
        Objects.requireNonNull(penalty, "penalty");
    }
}
