package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.yanshou.calculus.Fixtures.CALCULATOR;
import static tw.yanshou.calculus.Fixtures.amount;
import static tw.yanshou.calculus.Fixtures.d;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tw.yanshou.CourtCase;

import tw.yanshou.calculus.Statement.Line;
import tw.yanshou.calculus.Statement.Status;

/**
 * The golden case: 臺灣高等法院111年度上字第122號. Every expected figure is the court's (quoted in
 * {@code docs/calculus.md}) or computed by hand in the comment beside it.
 */
class CourtCaseStatementTest {

    private final Statement statement = CALCULATOR.statement(Fixtures.courtCase(), d("2024-06-25"));

    @Test
    void computesTheDueDatesOfTheJudgment() {
        // 60 days from 2018-10-19 → 2018-12-17 (court: 107年12月17日); 20 days from 2019-02-20 → 2019-03-11 (108年3月11日)
        assertThat(statement.milestones()).extracting(Statement.MilestoneStatus::dueOn)
                .containsExactly(d("2018-12-17"), d("2018-12-17"), d("2019-03-11"));
        assertThat(statement.milestones()).extracting(Statement.MilestoneStatus::status)
                .containsExactly(Status.ACCEPTED, Status.TERMINATED, Status.TERMINATED);
        // the factory-inspection tender of 2019-01-14 stands: it failed but was re-tendered by the cure deadline
        assertThat(statement.milestones()).extracting(Statement.MilestoneStatus::completedOn)
                .containsExactly(d("2019-01-14"), d("2019-10-31"), null);
    }

    @Test
    void givesTheFourLinesAsOf2024() {
        // 2018-12-18..2019-01-14: 14 + 14 = 28 days, HW+SW; 2019-01-15..2019-03-11: 17 + 28 + 11 = 56 days, SW;
        // 2019-03-12..2019-03-18: 7 days, HW+SW; excused 2019-03-19..2019-09-02;
        // 2019-09-03..2019-12-30 (termination): 28 + 31 + 30 + 30 = 119 days, HW+SW
        assertThat(statement.lines()).containsExactly(
                new Line(d("2018-12-18"), d("2019-01-14"), 28, List.of("HW", "SW"), amount(10_380_000), amount(4), amount(1_162_560)),
                new Line(d("2019-01-15"), d("2019-03-11"), 56, List.of("SW"), amount(990_000), amount(4), amount(221_760)),
                new Line(d("2019-03-12"), d("2019-03-18"), 7, List.of("HW", "SW"), amount(10_380_000), amount(4), amount(290_640)),
                new Line(d("2019-09-03"), d("2019-12-30"), 119, List.of("HW", "SW"), amount(10_380_000), amount(4), amount(4_940_880)));
        assertThat(statement.lateDays()).isEqualTo(28 + 56 + 7 + 119);
        assertThat(statement.accruedThrough()).isEqualTo(CourtCase.TERMINATED_ON);
    }

    @Test
    void givesThePenaltyWithTheCapWaivedAndReached() {
        // 1,162,560 + 221,760 + 290,640 + 4,940,880 = 6,615,840
        assertThat(statement.penaltyBeforeCap()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.PENALTY));
        assertThat(statement.penalty()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.PENALTY));
        // cap 20 % × 10,380,000 = 2,076,000; by 2019-03-18 1,674,960; 401,040 / 41,520 a day = 9.66 → 10th day 2019-09-12
        assertThat(statement.cap().amount()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.CAP));
        assertThat(statement.cap().waived()).isTrue();
        assertThat(statement.cap().reachedOn()).isEqualTo(CourtCase.CAP_REACHED_ON);
        // threshold reached 2019-09-12, earlier than the day after the missed completion deadline (2019-11-02)
        assertThat(statement.terminationRightOn()).isEqualTo(CourtCase.TERMINATION_RIGHT_ON);
        assertThat(statement.excused()).containsExactly(
                new Statement.ExcusedDays(d("2019-03-19"), d("2019-09-02"), "調解不計工期"));
        assertThat(statement.projection()).isNull();
    }

    @Test
    void givesTheCourtsClaim() {
        Statement.ClaimStatement claim = statement.claims().get(0);
        // the court: 10,380,000 × 4‰ × (28 + 7 + 60) = 3,944,400 and 990,000 × 4‰ × 56 = 221,760, total 4,166,160
        assertThat(claim.formulas()).containsExactly(
                "10,380,000 × 4‰ × (28 + 7 + 60) = 3,944,400",
                "990,000 × 4‰ × 56 = 221,760");
        assertThat(claim.penalty()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.CLAIM_PENALTY));
        assertThat(claim.afterReductions()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.CLAIM_AFTER_REDUCTIONS));   // 50 % (民法第252條)
        assertThat(claim.net()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.CLAIM_NET));               // − bond 1,050,000
        // 2020-06-10..2024-06-25, both counted: 1461 (4 years with 2024-02-29) + 15 + 1 = 1,477 days
        assertThat(claim.interestDays()).isEqualTo(1477);
        // 1,033,080 × 5 % × 1,477 / 365 = 209,021.8 → 209,022
        assertThat(claim.interest()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.CLAIM_INTEREST));
    }

    @Test
    void writesTheStatementInTheCourtsNotation() {
        assertThat(statement.formulas()).containsExactly(
                "10,380,000 × 4‰ × (28 + 7 + 119) = 6,394,080",  // 41,520 × 154
                "990,000 × 4‰ × 56 = 221,760");
    }

    @Test
    void isProvisionalOnTheCompletionDeadline() {
        // as of 2019-11-01 the stage-2 tender of 2019-10-31 awaits its review, so it stands: the last line ends 2019-10-31
        Statement early = CALCULATOR.statement(Fixtures.courtCase(), d("2019-11-01"));
        Line last = early.lines().get(early.lines().size() - 1);
        assertThat(last.from()).isEqualTo(d("2019-09-03"));
        assertThat(last.to()).isEqualTo(d("2019-10-31"));
        assertThat(last.days()).isEqualTo(59);                                 // 28 + 31
        assertThat(early.penalty()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.EARLY_PENALTY));           // 1,674,960 + 59 × 41,520
        assertThat(early.milestones()).extracting(Statement.MilestoneStatus::status)
                .containsExactly(Status.ACCEPTED, Status.TENDERED, Status.TENDERED);
        assertThat(early.terminationRightOn()).isEqualTo(CourtCase.TERMINATION_RIGHT_ON);
        assertThat(early.terminatedOn()).isNull();
    }

    @Test
    void resetsOnlyTheItemsStillOpenHadTheSettlementSaidResetDue() {
        // the same case with resetDue: on 2019-09-02 HW's factory inspection stood (accepted 2019-02-19), TEST_REPORT
        // and STAGE2 had no tender; they become due 2019-11-01. TEST_REPORT tendered 10-31: not late. STAGE2 tendered
        // 10-31 in time, failed 11-05 with no cure period, never cured: late 11-06..12-30 = 25 + 30 = 55 days.
        // Left from before: HW alone 2018-12-18..2019-01-14, 28 days at 9,390,000 × 4‰ = 37,560: 1,051,680.
        List<ContractEvent> events = Fixtures.courtCase().events().stream().map(e -> e instanceof ContractEvent.MediationConcluded c
                ? new ContractEvent.MediationConcluded(c.date(), c.outcome(), c.excused(), c.completionDeadline(), true,
                        c.capWaived(), c.note()) : e).toList();
        Statement reset = CALCULATOR.statement(Fixtures.withEvents(Fixtures.courtCase(), events), d("2024-06-25"));
        assertThat(reset.milestones()).extracting(Statement.MilestoneStatus::dueOn)
                .containsExactly(d("2018-12-17"), d("2019-11-01"), d("2019-11-01"));
        assertThat(reset.formulas()).containsExactly(
                "9,390,000 × 4‰ × 28 = 1,051,680",
                "10,380,000 × 4‰ × 55 = 2,283,600");                         // 41,520 × 55
        assertThat(reset.penalty()).isEqualByComparingTo("3335280");        // 1,051,680 + 2,283,600
    }

    @Test
    void knowsOnlyTheEventsOfItsDay() {
        // 2019-06-01: mediation pending, settlement not yet known, so no excused days yet and the cap applies
        Statement during = CALCULATOR.statement(Fixtures.courtCase(), d("2019-06-01"));
        assertThat(during.mediationPendingSince()).isEqualTo(d("2019-03-19"));
        assertThat(during.excused()).isEmpty();
        assertThat(during.cap().waived()).isFalse();
        // 2019-03-12..2019-06-01 = 20 + 30 + 31 + 1 = 82 days at 41,520
        Line last = during.lines().get(during.lines().size() - 1);
        assertThat(last.from()).isEqualTo(d("2019-03-12"));
        assertThat(last.days()).isEqualTo(82);
        // cap 2,076,000 held: 1,384,320 + 82 × 41,520 = 4,788,960 > cap
        assertThat(during.penalty()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.CAP));
        assertThat(during.cap().reachedOn()).isEqualTo(d("2019-03-28"));      // 1,384,320 + 17 × 41,520 = 2,090,160 ≥ cap; 16 days = 2,048,640
    }
}
