package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.yanshou.calculus.Fixtures.CALCULATOR;
import static tw.yanshou.calculus.Fixtures.amount;
import static tw.yanshou.calculus.Fixtures.d;
import static tw.yanshou.calculus.LateDaysTest.accept;
import static tw.yanshou.calculus.LateDaysTest.fail;
import static tw.yanshou.calculus.LateDaysTest.tender;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tw.yanshou.calculus.ContractEvent.Amended;
import tw.yanshou.calculus.ContractEvent.ItemChange;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.ContractEvent.MediationFiled;
import tw.yanshou.calculus.ContractEvent.Outcome;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.ContractEvent.Terminated;
import tw.yanshou.calculus.Statement.Line;

/**
 * Penalty lines, bases, cap, termination right, amendments, settlements and projection. Unless a row says
 * otherwise: signed 2019-01-01, milestones due 30 days later on 2019-01-31, rate 1‰, cap and termination
 * threshold 10 % of the contract total.
 */
class PenaltyTest {

    /** Items A 1,000,000 and B 500,000; M1 delivers A, M2 delivers B, both due 2019-01-31. */
    private static Contract twoItems(PenaltyBasis basis, List<String> m2Items, ContractEvent... events) {
        return Fixtures.simple("2019-01-01",
                List.of(new Item("A", "a", amount(1_000_000)), new Item("B", "b", amount(500_000))),
                List.of(new Milestone("M1", "m1", List.of("A"), new DueRule.Relative(30, Anchor.SIGNED)),
                        new Milestone("M2", "m2", m2Items, new DueRule.Relative(30, Anchor.SIGNED))),
                basis, events);
    }

    static Stream<Arguments> bases() {
        return Stream.of(
                Arguments.of("late items: A+B for 02-01..02-10 (10 × 1,500), then B alone for 02-11..02-20 (10 × 500)",
                        PenaltyBasis.LATE_ITEMS, List.of(
                                line("2019-02-01", "2019-02-10", 10, List.of("A", "B"), 1_500_000, 15_000),
                                line("2019-02-11", "2019-02-20", 10, List.of("B"), 500_000, 5_000)), 20_000),
                Arguments.of("contract total: 1,500 a day on every late day, lines still split by late items",
                        PenaltyBasis.CONTRACT_TOTAL, List.of(
                                line("2019-02-01", "2019-02-10", 10, List.of("A", "B"), 1_500_000, 15_000),
                                line("2019-02-11", "2019-02-20", 10, List.of("B"), 1_500_000, 15_000)), 30_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bases")
    void appliesTheRateToTheBasis(String reason, PenaltyBasis basis, List<Line> lines, long total) {
        Contract c = twoItems(basis, List.of("B"),
                new Tendered(d("2019-02-10"), "M1", null, null), new Tendered(d("2019-02-20"), "M2", null, null));
        Statement s = CALCULATOR.statement(c, d("2019-03-31"));
        assertThat(s.lines()).containsExactlyElementsOf(lines);
        assertThat(s.penalty()).isEqualByComparingTo(BigDecimal.valueOf(total));
    }

    @Test
    void countsAnItemLateForTwoMilestonesOnce() {
        // M1 delivers A, M2 delivers A and B: on 02-01..02-10 the late items are A and B, 1,500,000 × 1‰ × 10
        Statement s = CALCULATOR.statement(twoItems(PenaltyBasis.LATE_ITEMS, List.of("A", "B")), d("2019-02-10"));
        assertThat(s.lines()).containsExactly(line("2019-02-01", "2019-02-10", 10, List.of("A", "B"), 1_500_000, 15_000));
    }

    @Test
    void holdsTheCapAndGivesTheDayItWasReached() {
        // A 100,000: 100 a day; cap 10 % = 10,000 = 100 days; 02-01 + 99 days = 2019-05-11; 02-01..06-30 = 150 days
        Statement s = CALCULATOR.statement(Fixtures.simple("2019-01-01", 100_000, 30), d("2019-06-30"));
        assertThat(s.penaltyBeforeCap()).isEqualByComparingTo("15000");
        assertThat(s.penalty()).isEqualByComparingTo("10000");
        assertThat(s.cap()).isEqualTo(new Statement.Cap(BigDecimal.TEN, amount(10_000), false, d("2019-05-11")));
        assertThat(s.terminationRightOn()).isEqualTo(d("2019-05-11"));
    }

    @Test
    void liftsTheCapWhenASettlementWaivesIt() {
        Statement s = CALCULATOR.statement(Fixtures.simple("2019-01-01", 100_000, 30,
                new MediationFiled(d("2019-03-01"), null),
                new MediationConcluded(d("2019-03-10"), Outcome.SETTLED, null, null, false, true, null)), d("2019-06-30"));
        assertThat(s.penalty()).isEqualByComparingTo("15000");
        assertThat(s.cap().waived()).isTrue();
        assertThat(s.cap().reachedOn()).isEqualTo(d("2019-05-11"));
    }

    @Test
    void roundsTheFormulaOnceHalfUp() {
        // 123,457 × 1.5‰ = 185.1855 a day; 3 days (02-01..02-03) = 555.5565, the line's exact share; the formula → 556
        Contract c = Fixtures.simple("2019-01-01", 123_457, 30, new Tendered(d("2019-02-03"), "M", null, null));
        c = Fixtures.withTerms(c, new Terms("TW", null, DeadlineDays.CALENDAR, true,
                new PenaltyTerms(new BigDecimal("1.5"), PenaltyBasis.LATE_ITEMS, null, null), null));
        Statement s = CALCULATOR.statement(c, d("2019-03-31"));
        assertThat(s.lines()).extracting(Line::amount).containsExactly(new BigDecimal("555.5565"));
        assertThat(s.penaltyBeforeCap()).isEqualByComparingTo("556");
        assertThat(s.formulas()).containsExactly("123,457 × 1.5‰ × 3 = 556");
        assertThat(s.cap()).isNull();
        assertThat(s.terminationRightOn()).isNull();
    }

    @Test
    void usesAmendedPricesFromTheirDate() {
        // 減價收受 from 02-11: A 1,000,000 → 800,000; 10 × 1,000 then 10 × 800; cap 10 % of the amended 800,000
        Statement s = CALCULATOR.statement(Fixtures.simple("2019-01-01", 1_000_000, 30,
                new Amended(d("2019-02-11"), List.of(new ItemChange("A", null, amount(800_000))), "減價收受")), d("2019-02-20"));
        assertThat(s.lines()).containsExactly(
                line("2019-02-01", "2019-02-10", 10, List.of("A"), 1_000_000, 10_000),
                line("2019-02-11", "2019-02-20", 10, List.of("A"), 800_000, 8_000));
        assertThat(s.contractTotal()).isEqualByComparingTo("800000");
        assertThat(s.cap().amount()).isEqualByComparingTo("80000");
        assertThat(s.formulas()).containsExactly("1,000,000 × 1‰ × 10 = 10,000", "800,000 × 1‰ × 10 = 8,000");
    }

    @Test
    void resetsTheDueDateOfOpenMilestonesWhenTheSettlementSaysSo() {
        // settled 03-10, 30 days from 03-11 → Tuesday 2019-04-09; nothing tendered; late 04-10..04-20 = 11 days
        Statement s = CALCULATOR.statement(Fixtures.simple("2019-01-01", 1_000_000, 30,
                new MediationFiled(d("2019-02-15"), null),
                new MediationConcluded(d("2019-03-10"), Outcome.SETTLED, null, Period.ofDays(30), true, false, null)),
                d("2019-04-20"));
        assertThat(s.milestones().get(0).dueOn()).isEqualTo(d("2019-04-09"));
        assertThat(s.lateDays()).isEqualTo(11);
        // the completion deadline 04-09 was missed: the buyer may terminate from 04-10 (threshold 100,000 not reached)
        assertThat(s.terminationRightOn()).isEqualTo(d("2019-04-10"));
    }

    @Test
    void keepsLateDaysRunningWithoutResetDue() {
        // the same settlement without resetDue: late 02-01..04-20 = 28 + 31 + 20 = 79 days
        Statement s = CALCULATOR.statement(Fixtures.simple("2019-01-01", 1_000_000, 30,
                new MediationFiled(d("2019-02-15"), null),
                new MediationConcluded(d("2019-03-10"), Outcome.SETTLED, null, Period.ofDays(30), false, false, null)),
                d("2019-04-20"));
        assertThat(s.milestones().get(0).dueOn()).isEqualTo(d("2019-01-31"));
        assertThat(s.lateDays()).isEqualTo(79);
        assertThat(s.terminationRightOn()).isEqualTo(d("2019-04-10"));
    }

    @Test
    void projectsWhenTheCapWillBeReachedIfNothingChanges() {
        // A 100,000: 100 a day from 02-01; 10,000 after 100 days → 2019-05-11
        Statement s = CALCULATOR.statement(Fixtures.simple("2019-01-01", 100_000, 30), d("2019-02-10"));
        assertThat(s.cap().reachedOn()).isNull();
        assertThat(s.projection()).isEqualTo(new Statement.Projection(d("2019-05-11"), d("2019-05-11")));
    }

    @Test
    void projectsACurePeriodRunningOutWithoutARetender() {
        // on-time tender failed, cure by 02-20: if nothing changes, late from 02-21; day 100 = 02-21 + 99 = 2019-05-31
        Statement s = CALCULATOR.statement(Fixtures.simple("2019-01-01", 100_000, 30,
                tender("2019-01-30"), fail("2019-02-05", "2019-02-20")), d("2019-02-10"));
        assertThat(s.lateDays()).isZero();
        assertThat(s.projection()).isEqualTo(new Statement.Projection(d("2019-05-31"), d("2019-05-31")));
    }

    @Test
    void projectsNothingForAClosedContract() {
        Statement accepted = CALCULATOR.statement(Fixtures.simple("2019-01-01", 100_000, 30,
                tender("2019-02-05"), accept("2019-02-06")), d("2019-03-01"));
        assertThat(accepted.projection()).isNull();
        Statement terminated = CALCULATOR.statement(Fixtures.simple("2019-01-01", 100_000, 30,
                new Terminated(d("2019-02-20"), "VENDOR_DEFAULT", null)), d("2019-03-01"));
        assertThat(terminated.projection()).isNull();
        assertThat(terminated.lateDays()).isEqualTo(20);
    }

    private static Line line(String from, String to, long days, List<String> items, long basis, long amount) {
        return new Line(d(from), d(to), days, items, amount(basis), BigDecimal.ONE, amount(amount));
    }
}
