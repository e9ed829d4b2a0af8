package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.yanshou.calculus.Fixtures.CALCULATOR;
import static tw.yanshou.calculus.Fixtures.d;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cap and the termination right ({@link CapAndTermination}): one item A, nothing tendered, due 2019-01-31, so
 * day n of lateness is 2019-02-01 + (n − 1); cap and termination threshold at the row's percent of the price.
 */
class CapAndTerminationTest {

    static Stream<Arguments> caps() {
        return Stream.of(
                row("FORMULA: 1,000,005 × 1‰ = 1,000.005 a day; 10 % = 100,000.5 exactly; 100 days = 100,000.5 reach it: "
                                + "day 100 = 2019-05-11 (against the rounded 100,001 it would be day 101); cap amount 100,000.5 → 100,001; "
                                + "02-01..06-30 = 150 days = 150,000.75 → 150,001 before the cap",
                        1_000_005, "1", "10", Rounding.FORMULA, "2019-06-30", "100001", "2019-05-11", "150001", "100001"),
                row("DAY: 1,000.005 → 1,000 a day; 100,000.5 needs 101 days: 2019-05-12; 150 × 1,000 = 150,000",
                        1_000_005, "1", "10", Rounding.DAY, "2019-06-30", "100001", "2019-05-12", "150000", "100001"),
                row("exact threshold below the day's total: 100,000 × 1‰ = 100 a day, 10 % = 10,000 = day 100 (2019-05-11)",
                        100_000, "1", "10", Rounding.FORMULA, "2019-06-30", "10000", "2019-05-11", "15000", "10000"),
                row("not reached by the statement day: 1,000,005 × 1‰ × 99 days (02-01..05-10) = 99,000.495 → 99,000 < 100,000.5",
                        1_000_005, "1", "10", Rounding.FORMULA, "2019-05-10", "100001", null, "99000", "99000"),
                row("a cap with decimals: 12.5 % of 1,000,003 = 125,000.375, cap 125,000; 1‰ = 1,000.003 a day; "
                                + "125 days = 125,000.375 reach it exactly: 2019-02-01 + 124 = 2019-06-05",
                        1_000_003, "1", "12.5", Rounding.FORMULA, "2019-06-30", "125000", "2019-06-05", "150000", "125000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caps")
    void comparesTheRunningTotalExactly(String reason, long price, String rate, String percent, Rounding rounding,
                                        LocalDate asOf, String capAmount, LocalDate reachedOn, String beforeCap,
                                        String penalty) {
        Contract c = Fixtures.withTerms(Fixtures.simple("2019-01-01", price, 30), new Terms("TW", null, DeadlineDays.CALENDAR,
                true, new PenaltyTerms(new BigDecimal(rate), PenaltyBasis.LATE_ITEMS, new BigDecimal(percent),
                new BigDecimal(percent), rounding), null));
        Statement s = CALCULATOR.statement(c, asOf);
        assertThat(s.cap().amount()).isEqualByComparingTo(capAmount);
        assertThat(s.cap().reachedOn()).isEqualTo(reachedOn);
        assertThat(s.terminationRightOn()).as("same percent, same day").isEqualTo(reachedOn);
        assertThat(s.penaltyBeforeCap()).isEqualByComparingTo(beforeCap);
        assertThat(s.penalty()).isEqualByComparingTo(penalty);
    }

    private static Arguments row(String reason, long price, String rate, String percent, Rounding rounding, String asOf,
                                 String capAmount, String reachedOn, String beforeCap, String penalty) {
        return Arguments.of(reason, price, rate, percent, rounding, d(asOf), capAmount, reachedOn == null ? null : d(reachedOn),
                beforeCap, penalty);
    }
}
