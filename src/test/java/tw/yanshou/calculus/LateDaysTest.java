package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.yanshou.calculus.Fixtures.CALCULATOR;
import static tw.yanshou.calculus.Fixtures.d;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tw.yanshou.calculus.ContractEvent.Accepted;
import tw.yanshou.calculus.ContractEvent.Excused;
import tw.yanshou.calculus.ContractEvent.InspectionFailed;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.ContractEvent.Terminated;
import tw.yanshou.calculus.Statement.MilestoneStatus;
import tw.yanshou.calculus.Statement.Status;

/**
 * Late days of one milestone: signed 2019-01-01, due 30 calendar days later on Thursday 2019-01-31 (a working
 * day), so the first late day is 2019-02-01. Item A at 1,000,000, 1‰ a day: 1,000 a late day.
 */
class LateDaysTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("a tender on time that is accepted is never late", "2019-03-31",
                        List.of(tender("2019-01-30"), accept("2019-02-10")), 0, "2019-01-30", Status.ACCEPTED),
                row("the day of a late tender is late: 02-01 only", "2019-03-31",
                        List.of(tender("2019-02-01"), accept("2019-02-05")), 1, "2019-02-01", Status.ACCEPTED),
                row("a late tender counts every day after the due date up to it: 02-01..02-10", "2019-03-31",
                        List.of(tender("2019-02-10"), accept("2019-02-15")), 10, "2019-02-10", Status.ACCEPTED),
                row("nothing tendered: late through the statement day, 02-01..02-28", "2019-02-28",
                        List.of(), 28, null, Status.LATE),
                row("a tender awaiting its result stands: 02-01..02-10", "2019-02-20",
                        List.of(tender("2019-02-10")), 10, "2019-02-10", Status.TENDERED),
                row("cure kept: a failed tender on time, re-tendered by the cure deadline, stands: 0 days", "2019-03-31",
                        List.of(tender("2019-01-30"), fail("2019-02-05", "2019-02-20"), tender("2019-02-18"), accept("2019-02-25")),
                        0, "2019-01-30", Status.ACCEPTED),
                row("cure missed: the days after the cure deadline up to the re-tender are late, 02-21..02-25", "2019-03-31",
                        List.of(tender("2019-01-30"), fail("2019-02-05", "2019-02-20"), tender("2019-02-25"), accept("2019-03-01")),
                        5, "2019-02-25", Status.ACCEPTED),
                row("a re-tender by the cure deadline that fails again gets its own cure period: late 04-01..04-15 only",
                        "2019-06-30", List.of(tender("2019-01-30"), fail("2019-02-01", "2019-02-10"), tender("2019-02-05"),
                                fail("2019-02-08", "2019-03-31"), tender("2019-04-15"), accept("2019-04-20")),
                        15, "2019-04-15", Status.ACCEPTED),
                row("a re-tender after the cure deadline that fails gets none: late 02-11..04-15 (18 + 31 + 15 = 64)",
                        "2019-06-30", List.of(tender("2019-01-30"), fail("2019-02-01", "2019-02-10"), tender("2019-02-12"),
                                fail("2019-02-14", "2019-03-31"), tender("2019-04-15"), accept("2019-04-20")),
                        64, "2019-04-15", Status.ACCEPTED),
                row("terminated while a cure period runs: the failed tender stands however late the statement, 02-01..02-10",
                        "2019-06-01", List.of(tender("2019-02-10"), fail("2019-02-12", "2019-03-31"),
                                new Terminated(d("2019-02-20"), "VENDOR_DEFAULT", null)), 10, "2019-02-10", Status.TERMINATED),
                row("cure period still running on the statement day: nothing late yet", "2019-02-10",
                        List.of(tender("2019-01-30"), fail("2019-02-05", "2019-02-20")), 0, "2019-01-30", Status.CURING),
                row("cure period over, nothing re-tendered: late from the day after the cure deadline, 02-21..02-28", "2019-02-28",
                        List.of(tender("2019-01-30"), fail("2019-02-05", "2019-02-20")), 8, null, Status.LATE),
                row("a late tender that failed and was cured in time stands: 02-01..02-05", "2019-03-31",
                        List.of(tender("2019-02-05"), fail("2019-02-08", "2019-02-15"), tender("2019-02-14"), accept("2019-02-20")),
                        5, "2019-02-05", Status.ACCEPTED),
                row("a late tender that failed and was not cured in time: late up to the re-tender, 02-01..02-20", "2019-03-31",
                        List.of(tender("2019-02-05"), fail("2019-02-08", "2019-02-15"), tender("2019-02-20"), accept("2019-02-22")),
                        20, "2019-02-20", Status.ACCEPTED),
                row("a failed inspection without a cure deadline must be cured the same day: 02-01..02-12", "2019-03-31",
                        List.of(tender("2019-02-05"), fail("2019-02-08", null), tender("2019-02-12"), accept("2019-02-14")),
                        12, "2019-02-12", Status.ACCEPTED),
                row("excused days after the due date are not late: 28 − 5 (02-10..02-14)", "2019-02-28",
                        List.of(excused("2019-02-10", "2019-02-14")), 23, null, Status.LATE),
                row("excused days before the due date push it: 01-31 + 5 = 02-05, Lunar New Year, rolls to 02-11; late 02-12..02-28",
                        "2019-02-28", List.of(excused("2019-01-10", "2019-01-14")), 17, null, Status.LATE),
                row("a chain of three timely cures (01-30 on time, cure by 02-10; 02-10, cure by 02-25; 02-25, cure by 03-10) "
                                + "then a late re-tender 03-15: each cure period is not late, 03-11..03-15 = 5",
                        "2019-06-30", List.of(tender("2019-01-30"), fail("2019-02-01", "2019-02-10"), tender("2019-02-10"),
                                fail("2019-02-12", "2019-02-25"), tender("2019-02-25"), fail("2019-02-27", "2019-03-10"),
                                tender("2019-03-15"), accept("2019-03-20")), 5, "2019-03-15", Status.ACCEPTED),
                row("a chain that starts with a late tender excuses nothing: 02-05 (late), cure by 02-15; 02-15, cure by 02-28; "
                                + "03-05 accepted: 02-01..03-05 = 28 + 5 = 33",
                        "2019-06-30", List.of(tender("2019-02-05"), fail("2019-02-07", "2019-02-15"), tender("2019-02-15"),
                                fail("2019-02-18", "2019-02-28"), tender("2019-03-05"), accept("2019-03-08")), 33, "2019-03-05", Status.ACCEPTED),
                row("terminated on the cureBy day: the failed tender stands, 02-01..02-10", "2019-06-01",
                        List.of(tender("2019-02-10"), fail("2019-02-12", "2019-02-20"),
                                new Terminated(d("2019-02-20"), "VENDOR_DEFAULT", null)), 10, "2019-02-10", Status.TERMINATED),
                row("terminated the day after the cureBy: it does not stand, late through the termination 02-01..02-21 = 21",
                        "2019-06-01", List.of(tender("2019-02-10"), fail("2019-02-12", "2019-02-20"),
                                new Terminated(d("2019-02-21"), "VENDOR_DEFAULT", null)), 21, null, Status.TERMINATED),
                row("terminated before the first cure deadline (03-31) though a re-tender failed meanwhile: the first tender "
                                + "stands, 02-01..02-10", "2019-06-01",
                        List.of(tender("2019-02-10"), fail("2019-02-12", "2019-03-31"), tender("2019-02-15"), fail("2019-02-18", null),
                                new Terminated(d("2019-02-20"), "VENDOR_DEFAULT", null)), 10, "2019-02-10", Status.TERMINATED),
                row("no day accrues after the termination: 02-01..02-15", "2019-03-31",
                        List.of(new Terminated(d("2019-02-15"), "VENDOR_DEFAULT", null)), 15, null, Status.TERMINATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void countsLateDays(String reason, LocalDate asOf, List<ContractEvent> events, long lateDays, LocalDate completedOn,
                        Status status) {
        Statement s = CALCULATOR.statement(Fixtures.simple("2019-01-01", 1_000_000, 30, events.toArray(ContractEvent[]::new)), asOf);
        MilestoneStatus m = s.milestones().get(0);
        assertThat(m.lateDays()).as("late days").isEqualTo(lateDays);
        assertThat(s.lateDays()).as("line days").isEqualTo(lateDays);
        assertThat(s.penaltyBeforeCap()).as("1,000 a late day").isEqualByComparingTo(String.valueOf(1_000 * lateDays));
        assertThat(m.completedOn()).isEqualTo(completedOn);
        assertThat(m.status()).isEqualTo(status);
    }

    private static Arguments row(String reason, String asOf, List<ContractEvent> events, long lateDays, String completedOn,
                                 Status status) {
        return Arguments.of(reason, d(asOf), events, lateDays, completedOn == null ? null : d(completedOn), status);
    }

    static ContractEvent tender(String on) { return new Tendered(d(on), "M", null, null); }

    static ContractEvent accept(String on) { return new Accepted(d(on), "M", null, null); }

    static ContractEvent fail(String on, String cureBy) {
        return new InspectionFailed(d(on), "M", null, cureBy == null ? null : d(cureBy), null);
    }

    static ContractEvent excused(String from, String to) {
        return new Excused(d(from), new DateRange(d(from), d(to)), "停工");
    }
}
