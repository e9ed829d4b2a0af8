package tw.yanshou.calculus.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaiwanOfficeCalendarTest {

    private final TaiwanOfficeCalendar shipped = TaiwanOfficeCalendar.shipped();

    @ParameterizedTest(name = "{0} rest day: {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            2024-02-17 | false | Saturday, 2024 work list (補行上班)
            2019-03-01 | true  | Friday, 2019 off list (228 bridge day)
            2019-02-23 | false | Saturday, 2019 work list
            2024-03-06 | false | ordinary Wednesday, in no list
            2026-12-25 | true  | Friday, 2026 off list (行憲紀念日)
            2018-03-31 | false | Saturday, 2018 work list
            2018-04-07 | true  | ordinary Saturday
            2022-01-31 | true  | Monday, 2022 off list (Lunar New Year's Eve)
            2023-01-07 | false | Saturday, 2023 work list
            2025-02-08 | false | Saturday, 2025 work list
            2025-05-30 | true  | Friday, 2025 off list (Dragon Boat 補假)
            2026-05-01 | true  | Friday, 2026 off list
            2026-02-21 | true  | Saturday, 2026 work list is empty
            2025-09-29 | true  | Monday, 2025 as revised (教師節補假)
            2025-10-24 | true  | Friday, 2025 as revised (光復節補假)
            2025-12-25 | true  | Thursday, 2025 as revised (行憲紀念日)
            2025-10-23 | false | Thursday before the revised 10-24, in no list
            2027-02-04 | true  | Thursday, 2027 off list (Lunar New Year)
            2027-02-10 | true  | Wednesday, 2027 off list (Lunar New Year)
            2027-04-30 | true  | Friday, 2027 off list (勞動節補假)
            2027-06-09 | true  | Wednesday, 2027 off list (Dragon Boat Festival)
            2027-09-15 | true  | Wednesday, 2027 off list (Mid-Autumn Festival)
            2027-12-24 | true  | Friday, 2027 off list (行憲紀念日補假)
            2027-12-31 | true  | Friday, 2027 off list (開國紀念日補假)
            2027-02-06 | true  | Saturday, 2027 work list is empty
            2027-02-11 | false | Thursday after Lunar New Year, in no list
            2028-01-03 | false | Monday of 2028, not covered: only weekends known
            2017-12-29 | false | Friday of 2017, not covered: only weekends known
            2017-12-30 | true  | Saturday of 2017, not covered
            """)
    void knowsTheOfficialDays(LocalDate day, boolean rest, String reason) {
        assertThat(shipped.isRestDay(day)).as(reason).isEqualTo(rest);
        assertThat(shipped.isWorkingDay(day)).as(reason).isEqualTo(!rest);
    }

    static Stream<Arguments> lunarNewYear2023() {
        return LocalDate.of(2023, 1, 20).datesUntil(LocalDate.of(2023, 1, 30))
                .map(day -> Arguments.of(day, day.getDayOfWeek()));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("lunarNewYear2023")
    void lunarNewYear2023IsTenRestDaysInARow(LocalDate day, DayOfWeek reason) {
        // 01-20 and 01-23..01-27 are in the 2023 off list; 01-21, 22, 28, 29 are ordinary weekend days
        assertThat(shipped.isRestDay(day)).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1} weekdays off, {2} working Saturdays")
    @CsvSource(delimiter = '|', textBlock = """
            2018 | 13 | 2
            2019 | 14 | 3
            2020 | 14 | 3
            2021 | 14 | 2
            2022 | 11 | 1
            2023 | 17 | 6
            2024 | 12 | 1
            2025 | 15 | 1
            2026 | 16 | 0
            2027 | 17 | 0
            """)
    void countsPerYearMatchTheFactsTable(int year, int weekdaysOff, int workingSaturdays) {
        var days = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1)).toList();
        assertThat(days.stream().filter(day -> !isWeekend(day) && shipped.isRestDay(day))).hasSize(weekdaysOff);
        assertThat(days.stream().filter(day -> day.getDayOfWeek() == DayOfWeek.SATURDAY && shipped.isWorkingDay(day)))
                .hasSize(workingSaturdays);
        assertThat(days.stream().filter(day -> day.getDayOfWeek() == DayOfWeek.SUNDAY && shipped.isWorkingDay(day))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027})
    void coversTheShippedYears(int year) {
        assertThat(shipped.covers(year)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {2017, 2028, 2100})
    void doesNotCoverOtherYears(int year) {
        assertThat(shipped.covers(year)).isFalse();
    }

    @Test
    void listsTheShippedYears() {
        assertThat(shipped.years()).containsExactly(2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027);
        // the same through the interface, for callers that hold an OfficeCalendar (a site's calendar, the home page)
        assertThat(((OfficeCalendar) shipped).years()).containsExactlyElementsOf(shipped.years());
        assertThat(shipped.forSite("臺北市", TYPHOON_GAEMI).years()).containsExactlyElementsOf(shipped.years());
        assertThat(OfficeCalendar.weekendsOnly().years()).isEmpty();
        assertThat(TaiwanOfficeCalendar.shipped()).isSameAs(shipped);
    }

    @Test
    void in2028OnlyWeekendsAreRestDays() {
        LocalDate.of(2028, 1, 1).datesUntil(LocalDate.of(2029, 1, 1))
                .forEach(day -> assertThat(shipped.isRestDay(day)).as(day.toString()).isEqualTo(isWeekend(day)));
    }

    @ParameterizedTest(name = "{0} rest day: {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            2024-02-17 | true  | Saturday, no longer a working day in the replacement 2024
            2024-03-06 | true  | Wednesday, a day off in the replacement 2024
            2024-02-08 | false | Thursday, the shipped day off is gone with the shipped 2024
            2028-01-03 | true  | Monday, day off in the added 2028
            2028-01-08 | false | Saturday, working day in the added 2028
            2027-01-01 | true  | Friday, 2027 is still the shipped one
            2023-01-20 | true  | Friday, 2023 is still the shipped one
            """)
    void withYearsReplacesAndExtends(LocalDate day, boolean rest, String reason) {
        var calendar = shipped.withYears(List.of(
                new CalendarYear(2024, Set.of(LocalDate.of(2024, 3, 6)), Set.of()),
                new CalendarYear(2028, Set.of(LocalDate.of(2028, 1, 3)), Set.of(LocalDate.of(2028, 1, 8)))));

        assertThat(calendar.isRestDay(day)).as(reason).isEqualTo(rest);
        assertThat(calendar.covers(2028)).isTrue();
        assertThat(calendar.years()).contains(2028);
        assertThat(shipped.covers(2028)).as("shipped calendar unchanged").isFalse();
        assertThat(shipped.isRestDay(LocalDate.of(2024, 3, 6))).as("shipped calendar unchanged").isFalse();
    }

    @Test
    void withYearsRejectsTheSameYearTwice() {
        var year = new CalendarYear(2028, Set.of(), Set.of());
        assertThatThrownBy(() -> shipped.withYears(List.of(year, year))).isInstanceOf(IllegalArgumentException.class);
    }

    static final List<LocalClosure> TYPHOON_GAEMI = List.of(
            new LocalClosure(LocalDate.of(2024, 7, 24), "臺北市", "颱風 停止上班"),
            new LocalClosure(LocalDate.of(2028, 9, 6), "臺北市", "closure in a year without data"));

    @ParameterizedTest(name = "{1} on {0}: rest day {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2024-07-24 | 台北市   | true  | Wednesday, 臺北市 closure; 台 written 臺
            2024-07-24 | ' 臺北市 ' | true  | Wednesday, 臺北市 closure; spaces trimmed
            2024-07-24 | 高雄市   | false | Wednesday, the closure is for 臺北市 only
            2024-07-24 |          | false | Wednesday, no county: no closures
            2024-07-25 | 臺北市   | false | Thursday, not a closure day
            2024-02-17 | 臺北市   | false | Saturday, office calendar still applies
            2028-09-06 | 臺北市   | true  | Wednesday, closure outside the covered years
            """)
    void forSiteAddsTheClosuresOfItsCounty(LocalDate day, String county, boolean rest, String reason) {
        var site = shipped.forSite(county, TYPHOON_GAEMI);

        assertThat(site.isRestDay(day)).as(reason).isEqualTo(rest);
        assertThat(site.covers(2024)).isTrue();
        assertThat(site.covers(2028)).isFalse();
    }

    @Test
    void weekendsOnlyKnowsOnlyWeekends() {
        var calendar = OfficeCalendar.weekendsOnly();
        assertThat(calendar.isRestDay(LocalDate.of(2024, 2, 17))).as("Saturday").isTrue();
        assertThat(calendar.isRestDay(LocalDate.of(2024, 2, 18))).as("Sunday").isTrue();
        assertThat(calendar.isRestDay(LocalDate.of(2024, 2, 8))).as("Thursday").isFalse();
        assertThat(calendar.covers(2024)).isFalse();
    }

    static Stream<Arguments> invalidYears() {
        return Stream.of(
                Arguments.of(2024, Set.of(LocalDate.of(2024, 2, 17)), Set.of(), "day off on a Saturday"),
                Arguments.of(2024, Set.of(), Set.of(LocalDate.of(2024, 2, 16)), "working weekend day on a Friday"),
                Arguments.of(2024, Set.of(LocalDate.of(2025, 1, 1)), Set.of(), "date of another year"),
                Arguments.of(0, Set.of(), Set.of(), "year out of range"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("invalidYears")
    void calendarYearRejects(int year, Set<LocalDate> off, Set<LocalDate> working, String reason) {
        assertThatThrownBy(() -> new CalendarYear(year, off, working)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void calendarYearKeepsSortedUnmodifiableCopies() {
        var year = new CalendarYear(2024, Set.of(LocalDate.of(2024, 2, 9), LocalDate.of(2024, 2, 8)), Set.of());
        assertThat(year.weekdaysOff()).containsExactly(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 9));
        assertThatThrownBy(() -> year.weekdaysOff().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "county \"{0}\"")
    @ValueSource(strings = {"", "  ", "\u3000"})
    void localClosureRejectsABlankCounty(String county) {
        assertThatThrownBy(() -> new LocalClosure(LocalDate.of(2024, 7, 24), county, "颱風"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void localClosureNormalisesTheCounty() {
        assertThat(new LocalClosure(LocalDate.of(2024, 7, 24), " 台中市 ", null))
                .isEqualTo(new LocalClosure(LocalDate.of(2024, 7, 24), "臺中市", ""));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
