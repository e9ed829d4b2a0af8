package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.yanshou.calculus.Fixtures.CALCULATOR;
import static tw.yanshou.calculus.Fixtures.amount;
import static tw.yanshou.calculus.Fixtures.d;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tw.yanshou.calculus.ContractEvent.Accepted;
import tw.yanshou.calculus.ContractEvent.Excused;
import tw.yanshou.calculus.ContractEvent.InspectionFailed;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.ContractEvent.MediationFiled;
import tw.yanshou.calculus.ContractEvent.Outcome;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.Statement.Line;

/**
 * Due dates ({@link DueDates}): fixed dates pushed by excused days, §122 rollover past excused days, anchors,
 * settlements with {@code resetDue} item by item, completion deadlines and calendar warnings. Signed 2019-01-01
 * unless a row says otherwise; 1‰ a day.
 */
class DueDatesTest {

    // ---- fixed dates and rollover ------------------------------------------------------------------------------

    static Stream<Arguments> dueRules() {
        return Stream.of(
                Arguments.of("fixed 2019-03-12, 02-11..02-13 excused: 3 days later, Friday 2019-03-15",
                        new DueRule.Fixed(d("2019-03-12")), List.of(excused("2019-02-11", "2019-02-13")), "2019-03-15"),
                Arguments.of("fixed 2019-03-12, 03-01..03-05 excused pushes 5 days, counted again over the excused 03-13..03-14 it "
                                + "moves into: 03-15 (1) … 03-19 (5), Tuesday 2019-03-19 (a plain push would end Sunday 03-17 → 03-18)",
                        new DueRule.Fixed(d("2019-03-12")), List.of(excused("2019-03-01", "2019-03-05"), excused("2019-03-13", "2019-03-14")),
                        "2019-03-19"),
                Arguments.of("fixed Saturday 2019-03-02, 03-04..03-05 excused after it: no push; §122 rolls past Sunday 03-03 and the "
                                + "excused Monday and Tuesday to Wednesday 2019-03-06",
                        new DueRule.Fixed(d("2019-03-02")), List.of(excused("2019-03-04", "2019-03-05")), "2019-03-06"),
                Arguments.of("fixed 2019-03-01, a Friday off (228 bridge day): §122 → Monday 2019-03-04",
                        new DueRule.Fixed(d("2019-03-01")), List.of(), "2019-03-04"),
                Arguments.of("88 days from 2019-01-01 → Saturday 2019-03-30; Monday 04-01 excused: rolls to Tuesday 2019-04-02",
                        new DueRule.Relative(88, Anchor.SIGNED), List.of(excused("2019-04-01", "2019-04-01")), "2019-04-02"),
                Arguments.of("30 days from 2019-01-01, 01-10..01-14 excused: 01-31 + 5 = 02-05, Lunar New Year, rolls to Monday 2019-02-11",
                        new DueRule.Relative(30, Anchor.SIGNED), List.of(excused("2019-01-10", "2019-01-14")), "2019-02-11"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dueRules")
    void computesTheDueDate(String reason, DueRule rule, List<ContractEvent> events, LocalDate due) {
        Contract c = contract(DeadlineDays.CALENDAR, true, List.of(new Milestone("M", "m", List.of("A"), rule)), events);
        assertThat(CALCULATOR.statement(c, d("2019-06-30")).milestones().get(0).dueOn()).isEqualTo(due);
    }

    // ---- anchors ------------------------------------------------------------------------------------------------

    static Stream<Arguments> anchors() {
        return Stream.of(
                Arguments.of("M1 tendered 01-20 and pending: N due 10 days later, Wednesday 2019-01-30",
                        List.of(new Tendered(d("2019-01-20"), "M1", null, null)), "2019-01-30"),
                Arguments.of("M1 tendered 01-20, failed 01-25 (cure by 02-05), re-tendered 02-01 in time: 01-20 stands → 2019-01-30",
                        List.of(new Tendered(d("2019-01-20"), "M1", null, null),
                                new InspectionFailed(d("2019-01-25"), "M1", null, d("2019-02-05"), null),
                                new Tendered(d("2019-02-01"), "M1", null, null)), "2019-01-30"),
                Arguments.of("M1 re-tendered 02-10, after the cure deadline 02-05: the 02-10 tender stands → Wednesday 2019-02-20",
                        List.of(new Tendered(d("2019-01-20"), "M1", null, null),
                                new InspectionFailed(d("2019-01-25"), "M1", null, d("2019-02-05"), null),
                                new Tendered(d("2019-02-10"), "M1", null, null)), "2019-02-20"),
                Arguments.of("M1 tendered 01-20, failed 01-25 with no cure period, nothing since: no standing tender, no due date",
                        List.of(new Tendered(d("2019-01-20"), "M1", null, null),
                                new InspectionFailed(d("2019-01-25"), "M1", null, null, null)), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anchors")
    void countsFromTheStandingTenderOfTheAnchor(String reason, List<ContractEvent> events, LocalDate due) {
        Contract c = contract(DeadlineDays.CALENDAR, true, List.of(
                new Milestone("M1", "m1", List.of("A"), new DueRule.Relative(30, Anchor.SIGNED)),
                new Milestone("N", "n", List.of("B"), new DueRule.Relative(10, Anchor.tendered("M1")))), events);
        assertThat(CALCULATOR.statement(c, d("2019-03-31")).milestones().get(1).dueOn()).isEqualTo(due);
    }

    // ---- resetDue, item by item ---------------------------------------------------------------------------------

    /**
     * Milestone M delivers A (1,000,000: 1,000 a day) and B (500,000: 500 a day), due 2019-01-31; a settlement served
     * 2019-03-10 with resetDue and 30 days → Tuesday 2019-04-09; statement as of 2019-04-20.
     */
    static Stream<Arguments> resets() {
        return Stream.of(
                Arguments.of("A's late tender of 02-10 awaits its result at the settlement and is accepted 03-20: A keeps "
                                + "02-01..02-10 (10 × 1,000); B, open, is due 04-09: 04-10..04-20 (11 × 500)",
                        List.of(tender("2019-02-10", "A"), new Accepted(d("2019-03-20"), "M", List.of("A"), null)),
                        List.of(line("2019-02-01", "2019-02-10", 10, "A", 1_000_000), line("2019-04-10", "2019-04-20", 11, "B", 500_000)),
                        21L, 15_500L),
                Arguments.of("A's tender of 02-10 is still pending on 04-20: it stands, A keeps its 10 days; B 11 days",
                        List.of(tender("2019-02-10", "A")),
                        List.of(line("2019-02-01", "2019-02-10", 10, "A", 1_000_000), line("2019-04-10", "2019-04-20", 11, "B", 500_000)),
                        21L, 15_500L),
                Arguments.of("A's tender of 02-10 fails 03-15 (cure the same day), not cured: it does not stand, A was open at the "
                                + "settlement: both due 04-09, 04-10..04-20 = 11 × 1,500",
                        List.of(tender("2019-02-10", "A"), new InspectionFailed(d("2019-03-15"), "M", List.of("A"), null, null)),
                        List.of(line("2019-04-10", "2019-04-20", 11, "A B", 1_500_000)), 11L, 16_500L),
                Arguments.of("A accepted before the settlement (tender 02-10, accepted 02-12): A keeps 10 days, B 11",
                        List.of(tender("2019-02-10", "A"), new Accepted(d("2019-02-12"), "M", List.of("A"), null)),
                        List.of(line("2019-02-01", "2019-02-10", 10, "A", 1_000_000), line("2019-04-10", "2019-04-20", 11, "B", 500_000)),
                        21L, 15_500L),
                Arguments.of("A tendered after the settlement (03-20): open at the settlement, due 04-09, tendered in time: 0 days; B 11",
                        List.of(tender("2019-03-20", "A")),
                        List.of(line("2019-04-10", "2019-04-20", 11, "B", 500_000)), 11L, 5_500L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resets")
    void resetsTheDueDateOfEveryItemStillOpen(String reason, List<ContractEvent> events, List<Line> lines, long lateDays,
                                              long penalty) {
        List<ContractEvent> all = new ArrayList<>(events);
        all.add(new MediationFiled(d("2019-02-15"), null));
        all.add(new MediationConcluded(d("2019-03-10"), Outcome.SETTLED, null, Period.ofDays(30), true, false, null));
        Contract c = contract(DeadlineDays.CALENDAR, true,
                List.of(new Milestone("M", "m", List.of("A", "B"), new DueRule.Relative(30, Anchor.SIGNED))), all);
        Statement s = CALCULATOR.statement(c, d("2019-04-20"));
        assertThat(s.lines()).containsExactlyElementsOf(lines);
        assertThat(s.milestones().get(0).lateDays()).isEqualTo(lateDays);
        assertThat(s.milestones().get(0).dueOn()).as("the latest of the items' due dates").isEqualTo(d("2019-04-09"));
        assertThat(s.penalty()).isEqualByComparingTo(BigDecimal.valueOf(penalty));
    }

    // ---- completion deadlines -----------------------------------------------------------------------------------

    static Stream<Arguments> deadlines() {
        return Stream.of(
                Arguments.of("30 calendar days from Monday 03-11 on a WORKING contract: still calendar days, Tuesday 2019-04-09",
                        DeadlineDays.WORKING, Period.ofDays(30), List.of(), "2019-04-09"),
                Arguments.of("10 working days: 03-11..03-15 (5), 03-18..03-22 (10): Friday 2019-03-22",
                        DeadlineDays.CALENDAR, Period.ofWorkingDays(10), List.of(), "2019-03-22"),
                Arguments.of("30 days, 03-20..03-24 excused after the settlement: 5 more, Sunday 04-14 → Monday 2019-04-15",
                        DeadlineDays.CALENDAR, Period.ofDays(30), List.of(excused("2019-03-20", "2019-03-24")), "2019-04-15"),
                Arguments.of("the date 2019-04-09, 03-20..03-24 excused after the settlement: 04-14 Sunday → Monday 2019-04-15",
                        DeadlineDays.CALENDAR, Period.on(d("2019-04-09")), List.of(excused("2019-03-20", "2019-03-24")), "2019-04-15"),
                Arguments.of("the date 2019-04-09, 03-01..03-05 excused before the settlement: no push, 2019-04-09",
                        DeadlineDays.CALENDAR, Period.on(d("2019-04-09")), List.of(excused("2019-03-01", "2019-03-05")), "2019-04-09"),
                Arguments.of("the date Saturday 2019-04-06: §122 → Monday 2019-04-08",
                        DeadlineDays.CALENDAR, Period.on(d("2019-04-06")), List.of(), "2019-04-08"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deadlines")
    void computesTheCompletionDeadline(String reason, DeadlineDays deadlineDays, Period period, List<ContractEvent> events,
                                       LocalDate deadline) {
        List<ContractEvent> all = new ArrayList<>(events);
        all.add(new MediationFiled(d("2019-02-15"), null));
        all.add(new MediationConcluded(d("2019-03-10"), Outcome.SETTLED, null, period, true, false, null));
        Contract c = contract(deadlineDays, true,
                List.of(new Milestone("M", "m", List.of("A"), new DueRule.Relative(30, Anchor.SIGNED))), all);
        Statement s = CALCULATOR.statement(c, d("2019-06-30"));
        assertThat(s.milestones().get(0).dueOn()).isEqualTo(deadline);
        assertThat(s.terminationRightOn()).as("the day after the missed deadline").isEqualTo(deadline.plusDays(1));
    }

    // ---- calendar warnings --------------------------------------------------------------------------------------

    static Stream<Arguments> warnings() {
        String w2028 = "the office calendar TW has no data for 2028: only Saturdays and Sundays count as rest days there; "
                + "import the official calendar";
        return Stream.of(
                Arguments.of("120 days from 2027-10-01 = Saturday 2028-01-29 (30 + 30 + 31 + 29), rolled over in 2028 → 2028-01-31",
                        DeadlineDays.CALENDAR, true, 120, null, "2028-01-31", List.of(w2028)),
                Arguments.of("the same without rollover: the calendar is not consulted, no warning",
                        DeadlineDays.CALENDAR, false, 120, null, "2028-01-29", List.of()),
                Arguments.of("40 working days from 2027-10-01, all in 2027 (shipped): Oct 4–29 minus 10-11 and 10-25 = 18, "
                                + "Nov 1–30 = 22 (40) → Tuesday 2027-11-30; no warning",
                        DeadlineDays.WORKING, true, 40, null, "2027-11-30", List.of()),
                Arguments.of("a completion deadline of 70 working days from 2027-10-05 counts into 2028 without data: warned "
                                + "even without rollover",
                        DeadlineDays.CALENDAR, false, 30, Period.ofWorkingDays(70), null, List.of(w2028)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void warnsOfYearsWithoutCalendarData(String reason, DeadlineDays deadlineDays, boolean rollover, int days,
                                         Period deadline, String due, List<String> warnings) {
        List<ContractEvent> events = new ArrayList<>();
        if (deadline != null) {
            events.add(new MediationFiled(d("2027-10-02"), null));
            events.add(new MediationConcluded(d("2027-10-05"), Outcome.SETTLED, null, deadline, false, false, null));
        }
        Contract c = new Contract("W-1", d("2027-10-01"), List.of(new Item("A", "a", amount(1_000_000))),
                new Terms("TW", null, deadlineDays, rollover, new PenaltyTerms(BigDecimal.ONE, PenaltyBasis.LATE_ITEMS, null, null), null),
                List.of(new Milestone("M", "m", List.of("A"), new DueRule.Relative(days, Anchor.SIGNED))), events, List.of());
        Statement s = CALCULATOR.statement(c, d("2027-10-10"));
        if (due != null) assertThat(s.milestones().get(0).dueOn()).isEqualTo(d(due));
        assertThat(s.warnings()).containsExactlyElementsOf(warnings);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Items A 1,000,000 and B 500,000, 1‰ a day on the late items, no cap. */
    private static Contract contract(DeadlineDays deadlineDays, boolean rollover, List<Milestone> milestones,
                                     List<ContractEvent> events) {
        return new Contract("D-1", d("2019-01-01"),
                List.of(new Item("A", "a", amount(1_000_000)), new Item("B", "b", amount(500_000))),
                new Terms("TW", null, deadlineDays, rollover, new PenaltyTerms(BigDecimal.ONE, PenaltyBasis.LATE_ITEMS, null, null), null),
                milestones, events, List.of());
    }

    private static ContractEvent excused(String from, String to) {
        return new Excused(d(from), new DateRange(d(from), d(to)), "停工");
    }

    private static ContractEvent tender(String on, String item) {
        return new Tendered(d(on), "M", List.of(item), null);
    }

    private static Line line(String from, String to, long days, String items, long basis) {
        long amount = basis / 1000 * days;
        return new Line(d(from), d(to), days, List.of(items.split(" ")), amount(basis), BigDecimal.ONE, amount(amount));
    }
}
