package tw.yanshou.calculus.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OfficeCalendarCsvTest {

    private static final TaiwanOfficeCalendar SHIPPED = TaiwanOfficeCalendar.shipped();
    private static final String HEADER = "西元日期,星期,是否放假,備註";
    private static final String WEEKDAYS = "一二三四五六日";

    static Stream<Arguments> yearsAndEncodings() {
        return IntStream.rangeClosed(2018, 2027).boxed().flatMap(year -> Stream.of(
                Arguments.of(year, "UTF-8 with BOM"),
                Arguments.of(year, "UTF-8 without BOM"),
                Arguments.of(year, "Big5")));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("yearsAndEncodings")
    void roundTripsEveryShippedYear(int year, String encoding) {
        String csv = HEADER + "\r\n" + String.join("\r\n", rows(year)) + "\r\n";
        byte[] bytes = switch (encoding) {
            case "UTF-8 with BOM" -> ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
            case "UTF-8 without BOM" -> csv.getBytes(StandardCharsets.UTF_8);
            default -> csv.getBytes(Charset.forName("Big5"));
        };

        assertThat(OfficeCalendarCsv.read(new ByteArrayInputStream(bytes))).containsExactly(shippedYear(year));
    }

    @Test
    void readsSeveralYearsInOneFile() {
        var lines = new ArrayList<String>(List.of(HEADER));
        lines.addAll(rows(2025));
        lines.addAll(rows(2024));

        var years = OfficeCalendarCsv.read(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));

        assertThat(years).containsExactly(shippedYear(2024), shippedYear(2025));
        // hand-checked against the facts table: 2024 has 12 weekdays off and works on Saturday 02-17
        assertThat(years.get(0).weekdaysOff()).hasSize(12).contains(LocalDate.of(2024, 2, 8));
        assertThat(years.get(0).workingWeekendDays()).containsExactly(LocalDate.of(2024, 2, 17));
    }

    /**
     * The days that differ from "weekends off, weekdays working" in the official files of 2025 (as revised on
     * 2025-06-13) and 2027, as the data set lists them (西元日期,星期,是否放假,備註), written out by hand from the
     * published calendar rather than taken from the shipped data.
     */
    private static final String OFFICIAL_SPECIAL_ROWS = """
            20250101,三,2,開國紀念日
            20250127,一,2,調整放假
            20250128,二,2,農曆除夕
            20250129,三,2,春節
            20250130,四,2,春節
            20250131,五,2,春節
            20250208,六,0,補行上班
            20250228,五,2,和平紀念日
            20250403,四,2,兒童節補假
            20250404,五,2,民族掃墓節
            20250530,五,2,端午節補假
            20250929,一,2,教師節補假
            20251006,一,2,中秋節
            20251010,五,2,國慶日
            20251024,五,2,臺灣光復暨金門古寧頭大捷紀念日補假
            20251225,四,2,行憲紀念日
            20270101,五,2,開國紀念日
            20270204,四,2,農曆除夕前一日
            20270205,五,2,農曆除夕
            20270208,一,2,春節補假
            20270209,二,2,春節補假
            20270210,三,2,春節補假
            20270301,一,2,和平紀念日補假
            20270405,一,2,兒童節及民族掃墓節
            20270406,二,2,兒童節補假
            20270430,五,2,勞動節補假
            20270609,三,2,端午節
            20270915,三,2,中秋節
            20270928,二,2,教師節
            20271011,一,2,國慶日補假
            20271025,一,2,臺灣光復暨金門古寧頭大捷紀念日
            20271224,五,2,行憲紀念日補假
            20271231,五,2,開國紀念日補假
            """;

    @Test
    void readsTheOfficialFileOf2025AsRevisedAnd2027() {
        // every day of both years: the rows above, and for every other day 0 on a weekday, 2 on a weekend
        var special = new java.util.LinkedHashMap<String, String>();
        OFFICIAL_SPECIAL_ROWS.lines().forEach(row -> special.put(row.substring(0, 8), row));
        var lines = new ArrayList<String>(List.of(HEADER));
        for (int year : List.of(2025, 2027)) {
            LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1)).forEach(day -> {
                String key = "%tY%<tm%<td".formatted(day);
                lines.add(special.getOrDefault(key, "%s,%s,%s,".formatted(key,
                        WEEKDAYS.charAt(day.getDayOfWeek().getValue() - 1), isWeekend(day) ? 2 : 0)));
            });
        }
        assertThat(lines).contains("20250929,一,2,教師節補假", "20251024,五,2,臺灣光復暨金門古寧頭大捷紀念日補假",
                "20251225,四,2,行憲紀念日", "20270204,四,2,農曆除夕前一日");

        var years = OfficeCalendarCsv.read(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));

        // 2025: 15 weekdays off (12 before the revision + 09-29, 10-24, 12-25), Saturday 02-08 a working day
        assertThat(years.get(0).year()).isEqualTo(2025);
        assertThat(years.get(0).weekdaysOff()).hasSize(15)
                .contains(LocalDate.of(2025, 9, 29), LocalDate.of(2025, 10, 24), LocalDate.of(2025, 12, 25));
        assertThat(years.get(0).workingWeekendDays()).containsExactly(LocalDate.of(2025, 2, 8));
        // 2027: 17 weekdays off, no make-up working Saturday
        assertThat(years.get(1).year()).isEqualTo(2027);
        assertThat(years.get(1).weekdaysOff()).hasSize(17).contains(LocalDate.of(2027, 2, 4), LocalDate.of(2027, 12, 31));
        assertThat(years.get(1).workingWeekendDays()).isEmpty();
        // and the shipped calendar holds exactly what the official file says
        assertThat(years).containsExactly(shippedYear(2025), shippedYear(2027));
    }

    @Test
    void findsColumnsByNameInAnyOrder() {
        var lines = new ArrayList<String>(List.of(" \"備註\" , 是否放假,\"西元日期\",星期 "));
        for (String row : rows(2019)) {
            String[] f = row.split(",", -1);
            lines.add("\"" + f[3] + "\", " + f[2] + " ,\"" + f[0] + "\"," + f[1]);
        }

        assertThat(OfficeCalendarCsv.read(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)))
                .containsExactly(shippedYear(2019));
    }

    @Test
    void collectsAllProblemsOfABadFile() {
        // no 備註 column; data row of 2024-MM-DD is on line 1 + day of year while no row is removed
        var lines = new ArrayList<String>(List.of("西元日期,星期,是否放假"));
        for (String row : rows(2024)) {
            lines.add(row.substring(0, row.lastIndexOf(',')));
        }
        lines.set(4, "20240104,四,1");      // line 5, 2024-01-04: flag 1 is neither 0 nor 2
        lines.set(48, "20240217,二,0");     // line 49, 2024-02-17 is a Saturday (六)
        lines.remove(65);                   // 2024-03-05 (day 65) no longer listed
        lines.add("20240230,五,0");         // line 367 = 1 header + 365 rows + 1: February has no 30th
        lines.add("20240301,五,0");         // line 368: 2024-03-01 is already on line 62 (1 + day 61)

        var e = catchThrowableOfType(
                () -> OfficeCalendarCsv.read(String.join("\n", lines).getBytes(Charset.forName("Big5"))),
                CalendarImportException.class);

        assertThat(e.problems()).containsExactly(
                "line 1: missing column 備註",
                "line 5: 是否放假 must be 0 or 2, was \"1\"",
                "line 49: 星期 \"二\" does not match 2024-02-17 (六)",
                "line 367: 西元日期 \"20240230\" is not a real date",
                "line 368: 西元日期 2024-03-01 is already listed on line 62",
                "year 2024 is incomplete: 2024-03-05 is missing");
        assertThat(e.getMessage()).startsWith("6 problems").contains("line 5: 是否放假 must be 0 or 2");
    }

    @Test
    void reportsMissingColumnsAndStillChecksTheRows() {
        var csv = """
                西元日期,星期,備註
                20240101,一,開國紀元
                2024-01-02,二,
                """;

        var e = catchThrowableOfType(() -> OfficeCalendarCsv.read(csv.getBytes(StandardCharsets.UTF_8)),
                CalendarImportException.class);

        assertThat(e.problems()).containsExactly(
                "line 1: missing column 是否放假",
                "line 3: 西元日期 \"2024-01-02\" must be yyyyMMdd, e.g. 20240217",
                "year 2024 is incomplete: 2024-01-02 is missing (365 days missing in all)");
    }

    @Test
    void rejectsAnEmptyFile() {
        var e = catchThrowableOfType(() -> OfficeCalendarCsv.read(new byte[0]), CalendarImportException.class);

        assertThat(e.problems()).containsExactly("the file is empty");
    }

    /** The rows of one year in the official format, taken from the shipped calendar, with notes in Chinese. */
    private static List<String> rows(int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1)).map(day -> {
            boolean rest = SHIPPED.isRestDay(day);
            String note = day.getDayOfYear() == 1 ? "開國紀元"
                    : isWeekend(day) && !rest ? "補行上班"
                    : !isWeekend(day) && rest ? "放假" : "";
            return "%tY%<tm%<td,%s,%s,%s".formatted(day, WEEKDAYS.charAt(day.getDayOfWeek().getValue() - 1), rest ? 2 : 0, note);
        }).toList();
    }

    private static CalendarYear shippedYear(int year) {
        var off = new HashSet<LocalDate>();
        var working = new HashSet<LocalDate>();
        LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1)).forEach(day -> {
            if (!isWeekend(day) && SHIPPED.isRestDay(day)) {
                off.add(day);
            } else if (isWeekend(day) && SHIPPED.isWorkingDay(day)) {
                working.add(day);
            }
        });
        return new CalendarYear(year, off, working);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
