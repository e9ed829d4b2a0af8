package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.yanshou.calculus.Fixtures.CALCULATOR;
import static tw.yanshou.calculus.Fixtures.amount;
import static tw.yanshou.calculus.Fixtures.d;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.ContractEvent.MediationFiled;
import tw.yanshou.calculus.ContractEvent.Outcome;
import tw.yanshou.calculus.Statement.ClaimStatement;

/**
 * Claims on a contract that accrues 123.457 a day from 2019-02-01 (item A 123,457 at 1‰, due 2019-01-31, never
 * tendered, no cap unless a row sets one): accrual, reductions in turn, bond offset, interest.
 */
class ClaimsTest {

    static Stream<Arguments> claims() {
        return Stream.of(
                row("10 days (02-01..02-10) = 1,234.57 → 1,235; no reductions, no bond, no interest",
                        claim("2019-02-10", List.of(), 0, null), "2019-12-31", 1_235, 1_235, 1_235, 0, 0),
                row("33 % then 33 %, each rounded half up: 1,235 × 0.67 = 827.45 → 827; × 0.67 = 554.09 → 554",
                        claim("2019-02-10", List.of(33, 33), 0, null), "2019-12-31", 1_235, 554, 554, 0, 0),
                row("a bond larger than the claim leaves nothing to pay",
                        claim("2019-02-10", List.of(), 5_000, null), "2019-12-31", 1_235, 1_235, 0, 0, 0),
                row("accrual through a day before the statement: 02-01..02-28 = 28 × 123.457 = 3,456.796 → 3,457",
                        claim("2019-02-28", List.of(), 1_000, null), "2019-12-31", 3_457, 3_457, 2_457, 0, 0),
                row("accrual through a day after the statement stops at the statement day: 02-01..02-05 = 617.285 → 617",
                        claim("2019-12-31", List.of(), 0, null), "2019-02-05", 617, 617, 617, 0, 0),
                row("interest over leap year 2020, both ends counted: 366 days; 3,457 × 5 % × 366 / 365 = 173.32 → 173",
                        claim("2019-02-28", List.of(), 0, interest(null, "2020-01-01", null)), "2020-12-31",
                        3_457, 3_457, 3_457, 366, 173),
                row("interest from a day after the statement: none yet",
                        claim("2019-02-28", List.of(), 0, interest(null, "2021-01-01", null)), "2020-12-31",
                        3_457, 3_457, 3_457, 0, 0),
                row("interest stops on the day paid: 2020-01-01..2020-01-31 = 31 days at 10 %: 3,457 × 0.1 × 31 / 365 = 29.36 → 29",
                        claim("2019-02-28", List.of(), 0, interest(10, "2020-01-01", "2020-01-31")), "2020-12-31",
                        3_457, 3_457, 3_457, 31, 29));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claims")
    void computesTheClaim(String reason, Claim claim, LocalDate asOf, long penalty, long afterReductions, long net,
                          long interestDays, long interest) {
        Contract c = Fixtures.withClaims(uncapped(), List.of(claim));
        ClaimStatement s = CALCULATOR.statement(c, asOf).claims().get(0);
        assertThat(s.penalty()).isEqualByComparingTo(BigDecimal.valueOf(penalty));
        assertThat(s.afterReductions()).isEqualByComparingTo(BigDecimal.valueOf(afterReductions));
        assertThat(s.net()).isEqualByComparingTo(BigDecimal.valueOf(net));
        assertThat(s.interestDays()).isEqualTo(interestDays);
        assertThat(s.interest()).isEqualByComparingTo(BigDecimal.valueOf(interest));
    }

    static Stream<Arguments> cappedOrWaived() {
        // cap 1 % of 123,457 = 1,234.57 → 1,235; waived by a settlement served 2019-02-03 (mediation filed 02-02)
        return claims().flatMap(row -> {
            Object[] a = row.get();
            long penalty = (long) a[3];
            return Stream.of(Arguments.of(a[0] + ", capped: min(" + penalty + ", 1,235)", a[1], a[2], false, Math.min(penalty, 1_235)),
                    Arguments.of(a[0] + ", cap waived: " + penalty, a[1], a[2], true, penalty));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cappedOrWaived")
    void capsTheClaimUnlessWaived(String reason, Claim claim, LocalDate asOf, boolean waived, long penalty) {
        Contract capped = Fixtures.withTerms(Fixtures.withClaims(uncapped(), List.of(claim)), new Terms("TW", null,
                DeadlineDays.CALENDAR, true, new PenaltyTerms(BigDecimal.ONE, PenaltyBasis.LATE_ITEMS, BigDecimal.ONE, null), null));
        if (waived) capped = Fixtures.withEvents(capped, List.of(new MediationFiled(d("2019-02-02"), null),
                new MediationConcluded(d("2019-02-03"), Outcome.SETTLED, null, null, false, true, null)));
        ClaimStatement s = CALCULATOR.statement(capped, asOf).claims().get(0);
        assertThat(s.penalty()).isEqualByComparingTo(BigDecimal.valueOf(penalty));
    }

    static Stream<Arguments> roundings() {
        return Stream.of(
                Arguments.of(Rounding.FORMULA, "123,457 × 1‰ × 10 = 1,235", 1_235),    // 123.457 × 10 = 1,234.57 → 1,235
                Arguments.of(Rounding.DAY, "123,457 × 1‰ = 123; 123 × 10 = 1,230", 1_230)); // 123.457 → 123 first, × 10
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("roundings")
    void writesTheClaimsFormulasInTheRoundingMode(Rounding rounding, String formula, long penalty) {
        Contract c = Fixtures.withClaims(uncapped(), List.of(claim("2019-02-10", List.of(), 0, null)));
        c = Fixtures.withTerms(c, new Terms("TW", null, DeadlineDays.CALENDAR, true,
                new PenaltyTerms(BigDecimal.ONE, PenaltyBasis.LATE_ITEMS, null, null, rounding), null));
        ClaimStatement s = CALCULATOR.statement(c, d("2019-12-31")).claims().get(0);
        assertThat(s.formulas()).containsExactly(formula);
        assertThat(s.penalty()).isEqualByComparingTo(BigDecimal.valueOf(penalty));
    }

    private static Contract uncapped() {
        Contract c = Fixtures.simple("2019-01-01", 123_457, 30);
        return Fixtures.withTerms(c, new Terms("TW", null, DeadlineDays.CALENDAR, true,
                new PenaltyTerms(BigDecimal.ONE, PenaltyBasis.LATE_ITEMS, null, null), null));
    }

    private static Claim claim(String through, List<Integer> reductions, long bond, Claim.Interest interest) {
        return new Claim(d(through), reductions.stream().map(p -> new Claim.Reduction(BigDecimal.valueOf(p), "酌減")).toList(),
                amount(bond), interest);
    }

    private static Claim.Interest interest(Integer rate, String from, String through) {
        return new Claim.Interest(rate == null ? null : BigDecimal.valueOf(rate), d(from), through == null ? null : d(through));
    }

    private static Arguments row(String reason, Claim claim, String asOf, long penalty, long afterReductions, long net,
                                 long interestDays, long interest) {
        return Arguments.of(reason, claim, d(asOf), penalty, afterReductions, net, interestDays, interest);
    }
}
