package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RocDatesTest {

    // ---- parsing every accepted form --------------------------------------------------------

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1} ({2})")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            108年11月1日          | 2019-11-01 | 108+1911=2019, court style
            108年11月01日         | 2019-11-01 | zero-padded day
            民國108年11月1日      | 2019-11-01 | 民國 prefix ignored
            中華民國108年11月1日  | 2019-11-01 | 中華民國 prefix ignored
            108 年 11 月 1 日     | 2019-11-01 | spaces between parts
            108年11月1            | 2019-11-01 | closing 日 left out
            １０８年１１月１日    | 2019-11-01 | full-width digits normalised
            民國１０８年１１月０１日 | 2019-11-01 | full-width with prefix
            1年1月1日             | 1912-01-01 | 1+1911=1912, first ROC day
            99年12月31日          | 2010-12-31 | 99+1911=2010
            108/11/01             | 2019-11-01 | slashes
            108/1/1               | 2019-01-01 | unpadded month and day
            108.11.01             | 2019-11-01 | dots
            108-11-01             | 2019-11-01 | dashes with a 3-digit year are ROC
            99/12/31              | 2010-12-31 | 2-digit year, 99+1911=2010
            1/1/1                 | 1912-01-01 | 1-digit year, 1+1911=1912
            001/01/01             | 1912-01-01 | zero-padded 3-digit year
            １０８／１１／０１    | 2019-11-01 | full-width digits and slashes
            民國108/11/01         | 2019-11-01 | prefix with slashes
            1081101               | 2019-11-01 | compact 7 digits: 108 11 01
            0991231               | 2010-12-31 | compact 7 digits: 099 12 31
            991231                | 2010-12-31 | compact 6 digits: 99 12 31, 99+1911=2010
            民國1081101           | 2019-11-01 | prefix with compact
            2019-11-01            | 2019-11-01 | ISO accepted as is
            1912-01-01            | 1912-01-01 | ISO, first ROC day
            "  108/11/01  "       | 2019-11-01 | surrounding spaces trimmed
            "\u3000108年11月1日\u3000" | 2019-11-01 | ideographic spaces (U+3000) trimmed
            """)
    void parsesEveryAcceptedForm(String text, LocalDate expected, String reason) {
        assertThat(RocDates.parse(text)).as(reason).isEqualTo(expected);
    }

    // ---- leap days --------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0} -> {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            民國109年2月29日 | 2020-02-29 | 109+1911=2020, divisible by 4: leap year
            109/02/29        | 2020-02-29 | same day, slashed
            1090229          | 2020-02-29 | same day, compact
            89年2月29日      | 2000-02-29 | 89+1911=2000, divisible by 400: leap year
            """)
    void leapDayInLeapYearIsValid(String text, LocalDate expected, String reason) {
        assertThat(RocDates.parse(text)).as(reason).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} rejected ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            民國108年2月29日 | 108+1911=2019, not divisible by 4
            108/02/29        | same, slashed
            189年2月29日     | 189+1911=2100, divisible by 100 not 400
            """)
    void leapDayInCommonYearIsRejected(String text, String reason) {
        assertThatThrownBy(() -> RocDates.parse(text))
                .as(reason)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text)
                .hasMessageContaining("has 28 days");
    }

    // ---- formatting -------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0} -> {1} | {2} | {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            2019-11-01 | 108年11月1日   | 108/11/01 | 1081101 | 2019-1911=108, no padding in 年 form
            2010-12-31 | 99年12月31日   | 99/12/31  | 0991231 | 2010-1911=99, compact pads year to 3
            1912-01-01 | 1年1月1日      | 1/01/01   | 0010101 | 1912-1911=1, first ROC day
            2020-02-29 | 109年2月29日   | 109/02/29 | 1090229 | leap day, 2020-1911=109
            2910-12-31 | 999年12月31日  | 999/12/31 | 9991231 | 2910-1911=999, last 3-digit year
            """)
    void formatsInAllThreeStyles(LocalDate date, String court, String slashed, String compact, String reason) {
        assertThat(RocDates.format(date)).as(reason).isEqualTo(court);
        assertThat(RocDates.formatSlashed(date)).as(reason).isEqualTo(slashed);
        assertThat(RocDates.formatCompact(date)).as(reason).isEqualTo(compact);
    }

    @ParameterizedTest(name = "[{index}] {0} -> 民國{1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            2019-11-01 | 108 | 2019-1911
            1912-01-01 | 1   | 1912-1911, first day of 民國1年
            1912-12-31 | 1   | still 民國1年
            2010-12-31 | 99  | 2010-1911
            3000-06-01 | 1089 | rocYear itself has no upper bound
            """)
    void rocYear(LocalDate date, int expected, String reason) {
        assertThat(RocDates.rocYear(date)).as(reason).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} has no ROC date ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            1911-12-31 | last day before 民國1年
            1900-01-01 | Qing dynasty
            """)
    void datesBefore1912HaveNoRocYear(LocalDate date, String reason) {
        assertThatThrownBy(() -> RocDates.rocYear(date)).as(reason)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(date.toString());
        assertThatThrownBy(() -> RocDates.format(date)).as(reason)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(date.toString());
        assertThatThrownBy(() -> RocDates.formatSlashed(date)).as(reason)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(date.toString());
        assertThatThrownBy(() -> RocDates.formatCompact(date)).as(reason)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(date.toString());
    }

    @Test
    void datesAfterRocYear999CannotBeWrittenInThreeDigits() {
        LocalDate date = LocalDate.of(2911, 1, 1); // 2911-1911 = 1000
        assertThatThrownBy(() -> RocDates.formatCompact(date))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2911-01-01")
                .hasMessageContaining("民國1000年");
    }

    // ---- round trip -------------------------------------------------------------------------

    static Stream<LocalDate> roundTripDates() {
        return Stream.of(
                LocalDate.of(1912, 1, 1),   // 民國1年1月1日, first
                LocalDate.of(1921, 12, 31), // 民國10年, 2-digit year
                LocalDate.of(2010, 12, 31), // 民國99年, compact pads to 0991231
                LocalDate.of(2019, 11, 1),  // 民國108年
                LocalDate.of(2020, 2, 29),  // 民國109年 leap day
                LocalDate.of(2910, 12, 31)); // 民國999年, last
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("roundTripDates")
    void everyFormatReadsBack(LocalDate date) {
        assertThat(RocDates.parse(RocDates.format(date))).isEqualTo(date);
        assertThat(RocDates.parse(RocDates.formatSlashed(date))).isEqualTo(date);
        assertThat(RocDates.parse(RocDates.formatCompact(date))).isEqualTo(date);
        assertThat(RocDates.parse(date.toString())).isEqualTo(date);
    }

    @Test
    void everyDayOfALeapYearAndACommonYearRoundTrips() {
        for (LocalDate d = LocalDate.of(2019, 1, 1); d.isBefore(LocalDate.of(2021, 1, 1)); d = d.plusDays(1)) {
            assertThat(RocDates.parse(RocDates.format(d))).isEqualTo(d);
            assertThat(RocDates.parse(RocDates.formatSlashed(d))).isEqualTo(d);
            assertThat(RocDates.parse(RocDates.formatCompact(d))).isEqualTo(d);
        }
    }

    // ---- bad input --------------------------------------------------------------------------

    static Stream<Arguments> badInputs() {
        return Stream.of(
                // input, a phrase the message must also contain, why it is bad
                Arguments.of("108/02/30", "February 民國108 (2019) has 28 days", "108+1911=2019, no Feb 30"),
                Arguments.of("108年2月30日", "has 28 days", "same, court style"),
                Arguments.of("108/04/31", "April 民國108 (2019) has 30 days", "April has 30 days"),
                Arguments.of("108/11/00", "day 0", "day 0"),
                Arguments.of("108/11/32", "has 30 days", "November has 30 days"),
                Arguments.of("108/13/01", "month 13", "month 13"),
                Arguments.of("108/00/01", "month 0", "month 0"),
                Arguments.of("1081301", "month 13", "compact, month 13"),
                Arguments.of("2019-02-30", "February 2019 has 28 days", "ISO, no Feb 30"),
                Arguments.of("0/01/01", "ROC year 0", "民國0年 does not exist"),
                Arguments.of("民國0年1月1日", "ROC year 0", "民國0年 does not exist"),
                Arguments.of("0000101", "ROC year 0", "compact 民國0年"),
                Arguments.of("-1/01/01", "negative", "negative ROC year"),
                Arguments.of("民國-1年1月1日", "negative", "negative ROC year"),
                Arguments.of("民國前1年1月1日", "民國前", "pre-ROC year"),
                Arguments.of("2019/11/01", "2019-11-01", "4-digit year is AD: suggest ISO"),
                Arguments.of("2019.11.01", "2019-11-01", "4-digit year is AD: suggest ISO"),
                Arguments.of("2019年11月1日", "2019-11-01", "4-digit year is AD: suggest ISO"),
                Arguments.of("民國2019-11-01", "2019-11-01", "民國 with an AD year"),
                Arguments.of("20191101", "2019-11-01", "8 digits read as AD: suggest ISO"),
                Arguments.of("1900-01-01", "1912-01-01", "ISO before 民國1年"),
                Arguments.of("108/11-01", "mixes the separators", "mixed separators"),
                Arguments.of("108.11/01", "mixes the separators", "mixed separators"),
                Arguments.of("10811", "7 digits", "too few digits for compact"),
                Arguments.of("108110100", "7 digits", "too many digits for compact"),
                Arguments.of("12345/11/01", "1–3 digits", "5-digit year"),
                Arguments.of("108/011/01", "2 digits", "3-digit month"),
                Arguments.of("hello", "108年11月1日", "garbage: message shows an example"),
                Arguments.of("108年11月", "108年11月1日", "no day"),
                Arguments.of("108/11", "108年11月1日", "no day"),
                Arguments.of("一百零八年十一月一日", "108年11月1日", "Chinese numerals are not read"),
                Arguments.of("民國", "no date after 民國", "prefix only"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" ({2})")
    @MethodSource("badInputs")
    void badInputIsRejectedWithAMessageNamingIt(String text, String phrase, String reason) {
        assertThatThrownBy(() -> RocDates.parse(text))
                .as(reason)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining(phrase);
    }

    @Test
    void impossibleDateMessageReadsWell() {
        assertThatThrownBy(() -> RocDates.parse("108/02/30"))
                .hasMessage("\"108/02/30\" is not a real date: February 民國108 (2019) has 28 days");
    }

    @Test
    void fourDigitSlashedYearSuggestsIsoAndRocForms() {
        assertThatThrownBy(() -> RocDates.parse("2019/11/01"))
                .hasMessageContaining("2019-11-01 (ISO)")
                .hasMessageContaining("108/11/01");
    }

    @Test
    void fullWidthInputIsQuotedAsTyped() {
        assertThatThrownBy(() -> RocDates.parse("１０８年２月３０日"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"１０８年２月３０日\"")
                .hasMessageContaining("has 28 days");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""
            "   "
            "\u3000"
            """)
    void emptyTextIsRejected(String text) {
        assertThatThrownBy(() -> RocDates.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No date given")
                .hasMessageContaining("108年11月1日");
    }

    @Test
    void nullTextIsRejected() {
        assertThatThrownBy(() -> RocDates.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }
}
