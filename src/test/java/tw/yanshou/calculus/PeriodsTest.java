package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.yanshou.calculus.Fixtures.d;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tw.yanshou.calculus.calendar.TaiwanOfficeCalendar;

/** Civil Code §120–122 on the Taiwan office calendar; every expected day worked out by hand in the reason. */
class PeriodsTest {
    private static final TaiwanOfficeCalendar TW = TaiwanOfficeCalendar.shipped();

    static Stream<Arguments> periods() {
        return Stream.of(
                row("60 calendar days from signing: 2018-10-19 + 59 = Monday 2018-12-17 (the court's due date)",
                        "2018-10-18", 60, DeadlineDays.CALENDAR, true, List.of(), "2018-12-17"),
                row("20 calendar days from 2019-02-19: 2019-02-20 + 19 = Monday 2019-03-11 (the court's stage-2 due date)",
                        "2019-02-19", 20, DeadlineDays.CALENDAR, true, List.of(), "2019-03-11"),
                row("10 days from 2019-01-25 end on 2019-02-04, Lunar New Year (02-04..02-08 off, 02-09/10 weekend): rolls to Monday 02-11",
                        "2019-01-25", 10, DeadlineDays.CALENDAR, true, List.of(), "2019-02-11"),
                row("the same period without §122 rollover ends on the holiday itself",
                        "2019-01-25", 10, DeadlineDays.CALENDAR, false, List.of(), "2019-02-04"),
                row("2 days from 2023-01-19 end on Saturday 01-21 inside the 01-20..01-29 break: rolls to Monday 2023-01-30",
                        "2023-01-19", 2, DeadlineDays.CALENDAR, true, List.of(), "2023-01-30"),
                row("5 working days from Thursday 2019-01-31: 02-01 (1), Lunar New Year and weekends skipped, 02-11..02-14 (2–5)",
                        "2019-01-31", 5, DeadlineDays.WORKING, true, List.of(), "2019-02-14"),
                row("1 working day from Friday 2019-02-22 is the make-up Saturday 2019-02-23 (補行上班)",
                        "2019-02-22", 1, DeadlineDays.WORKING, true, List.of(), "2019-02-23"),
                row("a calendar period ending on the make-up Saturday 2024-02-17 does not roll over",
                        "2024-02-14", 3, DeadlineDays.CALENDAR, true, List.of(), "2024-02-17"),
                row("a calendar period ending on an ordinary Saturday 2019-03-02 rolls over to Monday 03-04",
                        "2019-03-01", 1, DeadlineDays.CALENDAR, true, List.of(), "2019-03-04"),
                row("2 working days from Friday 2018-12-28: weekend, 12-31 and 01-01 off, then 01-02 (1) and 01-03 (2)",
                        "2018-12-28", 2, DeadlineDays.WORKING, true, List.of(), "2019-01-03"),
                row("1 working day from Friday 2018-12-21 is the make-up Saturday 2018-12-22",
                        "2018-12-21", 1, DeadlineDays.WORKING, true, List.of(), "2018-12-22"),
                row("3 excused days (05-03..05-05) before the last day push it: 05-02 and 05-06..05-14 are the 10 days",
                        "2019-05-01", 10, DeadlineDays.CALENDAR, true, List.of(range("2019-05-03", "2019-05-05")), "2019-05-14"),
                row("without them the 10 days end on Saturday 05-11 and roll over to Monday 05-13",
                        "2019-05-01", 10, DeadlineDays.CALENDAR, true, List.of(), "2019-05-13"),
                row("excused days after the last day change nothing",
                        "2019-05-01", 10, DeadlineDays.CALENDAR, true, List.of(range("2019-05-20", "2019-05-25")), "2019-05-13"),
                row("excused days over the last day (05-10..05-12) push it by 3: 05-02..05-09 (8), 05-13 (9), 05-14 (10)",
                        "2019-05-01", 10, DeadlineDays.CALENDAR, true, List.of(range("2019-05-10", "2019-05-12")), "2019-05-14"),
                row("excused days are skipped in a working-day count too: 05-06..05-08 excused, 05-02, 05-03, 05-09, 05-10 count",
                        "2019-05-01", 4, DeadlineDays.WORKING, true, List.of(range("2019-05-06", "2019-05-08")), "2019-05-10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("periods")
    void endsPeriodsAsTheCivilCodeSays(String reason, LocalDate event, int days, DeadlineDays basis, boolean rollover,
                                       List<DateRange> excused, LocalDate expected) {
        DaySet excusedDays = DaySet.union(excused);
        assertThat(Periods.lastDay(event, days, new Periods.Rule(basis, rollover, TW), excusedDays::contains))
                .isEqualTo(expected);
    }

    static Stream<Arguments> fixedDays() {
        return Stream.of(
                row("a fixed day on a working Tuesday stays", "2019-01-01", "2019-03-12", true, List.of(), "2019-03-12"),
                row("a fixed day on Friday 2019-03-01, a day off, rolls over the weekend to Monday 03-04",
                        "2019-01-01", "2019-03-01", true, List.of(), "2019-03-04"),
                row("without rollover it stays on the day off", "2019-01-01", "2019-03-01", false, List.of(), "2019-03-01"),
                row("3 excused days before a fixed Tuesday 03-12 push it to Friday 03-15",
                        "2019-01-01", "2019-03-12", true, List.of(range("2019-02-11", "2019-02-13")), "2019-03-15"),
                row("excused days after the fixed day do not", "2019-01-01", "2019-03-12", true,
                        List.of(range("2019-03-13", "2019-03-20")), "2019-03-12"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixedDays")
    void movesFixedDaysLikePeriods(String reason, LocalDate signedOn, LocalDate day, boolean rollover,
                                   List<DateRange> excused, LocalDate expected) {
        DaySet excusedDays = DaySet.union(excused);
        assertThat(Periods.fixedDay(signedOn, day, new Periods.Rule(DeadlineDays.CALENDAR, rollover, TW), excusedDays::contains))
                .isEqualTo(expected);
    }

    private static Arguments row(String reason, String event, int days, DeadlineDays basis, boolean rollover,
                                 List<DateRange> excused, String expected) {
        return Arguments.of(reason, d(event), days, basis, rollover, excused, d(expected));
    }

    private static Arguments row(String reason, String signedOn, String day, boolean rollover, List<DateRange> excused,
                                 String expected) {
        return Arguments.of(reason, d(signedOn), d(day), rollover, excused, d(expected));
    }

    private static DateRange range(String from, String to) { return new DateRange(d(from), d(to)); }
}
