package tw.yanshou.calculus;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading and writing 民國 (Republic of China, ROC) dates, as officers read and type them.
 *
 * <p>ROC year = AD year − 1911: 民國1年 is 1912, 民國108年11月1日 is 2019-11-01.
 *
 * <p>Every date this class reads or writes lies in 民國1年1月1日 (1912-01-01) through
 * 民國999年12月31日 (2910-12-31): a ROC year is written with 1–3 digits, and a 4-digit year is
 * always taken as a Western (AD) year. Invalid dates are never adjusted: {@code 108/02/30} is
 * rejected, not turned into 108/02/28 or 108/03/02.
 *
 * <p>Plain JDK, no state; all methods are thread-safe.
 */
public final class RocDates {

    /** AD year = ROC year + {@value}. */
    private static final int OFFSET = 1911;

    /** 民國1年1月1日: the first day that has a ROC date. */
    private static final LocalDate FIRST_ROC_DAY = LocalDate.of(1912, 1, 1);

    /** The largest ROC year that fits the 1–3 digit forms. */
    private static final int MAX_ROC_YEAR = 999;

    private static final String EXAMPLES =
            "expected e.g. 108年11月1日, 108/11/01, 108.11.01, 108-11-01, 1081101 or 2019-11-01";

    /** {@code 108年11月1日}; spaces allowed around the parts, the closing 日 may be left out. */
    private static final Pattern CJK =
            Pattern.compile("(\\d+)\\s*年\\s*(\\d+)\\s*月\\s*(\\d+)\\s*日?");

    /** {@code 108/11/01}, {@code 108.11.01}, {@code 108-11-01}, {@code 2019-11-01}. */
    private static final Pattern SEPARATED =
            Pattern.compile("(\\d+)\\s*([/.\\-])\\s*(\\d+)\\s*([/.\\-])\\s*(\\d+)");

    /** {@code 1081101}, {@code 991231}. */
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private RocDates() {
    }

    /**
     * Reads a date written as a ROC date, or as an ISO date.
     *
     * <p>Surrounding whitespace is ignored, and so is a leading {@code 民國} or {@code 中華民國}.
     * Full-width digits ({@code １０８年１１月１日}) and full-width {@code ／ ． －} count as their
     * ASCII forms. Accepted forms:
     * <ul>
     *   <li>{@code 108年11月1日}, {@code 108年11月01日};</li>
     *   <li>{@code 108/11/01}, {@code 108/1/1}, {@code 108.11.01}, {@code 108-11-01}: a 1–3 digit
     *       ROC year, one kind of separator throughout;</li>
     *   <li>compact {@code 1081101} (7 digits, {@code yyyMMdd}) and {@code 991231}
     *       (6 digits, {@code yyMMdd}: 民國99年12月31日 = 2010-12-31);</li>
     *   <li>ISO {@code 2019-11-01}: a 4-digit year with dashes is a Western (AD) year.</li>
     * </ul>
     *
     * @param text what the user typed
     * @return the date
     * @throws IllegalArgumentException if the text is empty, in no accepted form, names no real
     *     date (month 13, 108/02/30, ROC year 0), or a date before 民國1年 (1912-01-01); the
     *     message quotes the text and says what to change
     */
    public static LocalDate parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("No date given (null); " + EXAMPLES);
        }
        String input = text.strip();
        if (input.isEmpty()) {
            throw new IllegalArgumentException("No date given (\"" + text + "\" is empty); " + EXAMPLES);
        }
        String s = normalise(input);
        boolean rocPrefix = false;
        if (s.startsWith("中華民國")) {
            s = s.substring("中華民國".length()).strip();
            rocPrefix = true;
        } else if (s.startsWith("民國")) {
            s = s.substring("民國".length()).strip();
            rocPrefix = true;
        }
        if (s.isEmpty()) {
            throw error(input, "has no date after 民國; " + EXAMPLES);
        }
        if (s.startsWith("前")) {
            throw error(input, "is before 民國1年 (1912): 民國前 years cannot be read as ROC dates;"
                    + " write the date in ISO form (yyyy-MM-dd)");
        }
        if ((s.charAt(0) == '-' || s.charAt(0) == '\u2212') && s.length() > 1 && isAsciiDigit(s.charAt(1))) {
            throw error(input, "has a negative ROC year; the first ROC year is 民國1年 (1912)");
        }

        Matcher m = CJK.matcher(s);
        if (m.matches()) {
            String year = m.group(1);
            if (year.length() > 3) {
                throw error(input, "has a " + year.length() + "-digit year; a ROC year has 1–3 digits"
                        + isoHint(year, m.group(2), m.group(3)));
            }
            return roc(input, year, m.group(2), m.group(3));
        }

        m = SEPARATED.matcher(s);
        if (m.matches()) {
            String year = m.group(1);
            String sep1 = m.group(2);
            String sep2 = m.group(4);
            if (!sep1.equals(sep2)) {
                throw error(input, "mixes the separators '" + sep1 + "' and '" + sep2
                        + "'; use one throughout, e.g. 108/11/01 or 108.11.01");
            }
            if (year.length() == 4) {
                if (sep1.equals("-") && !rocPrefix) {
                    return iso(input, year, m.group(3), m.group(5));
                }
                throw error(input, "has a 4-digit year, which is a Western (AD) year, not a ROC year"
                        + isoHint(year, m.group(3), m.group(5)));
            }
            if (year.length() > 4) {
                throw error(input, "has a " + year.length() + "-digit year; a ROC year has 1–3 digits; "
                        + EXAMPLES);
            }
            return roc(input, year, m.group(3), m.group(5));
        }

        if (DIGITS.matcher(s).matches()) {
            switch (s.length()) {
                case 7:
                    return roc(input, s.substring(0, 3), s.substring(3, 5), s.substring(5, 7));
                case 6:
                    return roc(input, s.substring(0, 2), s.substring(2, 4), s.substring(4, 6));
                case 8:
                    throw error(input, "has 8 digits, which reads as a Western (AD) yyyyMMdd date, not a ROC date"
                            + isoHint(s.substring(0, 4), s.substring(4, 6), s.substring(6, 8)));
                default:
                    throw error(input, "has " + s.length() + " digits; a compact ROC date has 7 digits"
                            + " (yyyMMdd, e.g. 1081101) or 6 digits (yyMMdd, e.g. 991231)");
            }
        }

        throw error(input, "is not a date in a form this field reads; " + EXAMPLES);
    }

    /**
     * Writes a date the way the court does: {@code 108年11月1日}, no zero padding.
     *
     * @param date a date from 1912-01-01 through 2910-12-31
     * @return e.g. {@code 108年11月1日} for 2019-11-01
     * @throws IllegalArgumentException if the date is before 1912-01-01 or after 2910-12-31
     */
    public static String format(LocalDate date) {
        int year = writableRocYear(date);
        return year + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /**
     * Writes a date with slashes: {@code 108/11/01}; month and day have two digits, the year
     * is not padded ({@code 99/12/31}).
     *
     * @param date a date from 1912-01-01 through 2910-12-31
     * @return e.g. {@code 108/11/01} for 2019-11-01
     * @throws IllegalArgumentException if the date is before 1912-01-01 or after 2910-12-31
     */
    public static String formatSlashed(LocalDate date) {
        int year = writableRocYear(date);
        return String.format(Locale.ROOT, "%d/%02d/%02d", year, date.getMonthValue(), date.getDayOfMonth());
    }

    /**
     * Writes a date as 7 digits, {@code yyyMMdd}: {@code 1081101}; the year is zero padded to
     * three digits ({@code 0991231} for 2010-12-31).
     *
     * @param date a date from 1912-01-01 through 2910-12-31
     * @return e.g. {@code 1081101} for 2019-11-01
     * @throws IllegalArgumentException if the date is before 1912-01-01 or after 2910-12-31
     */
    public static String formatCompact(LocalDate date) {
        int year = writableRocYear(date);
        return String.format(Locale.ROOT, "%03d%02d%02d", year, date.getMonthValue(), date.getDayOfMonth());
    }

    /**
     * The ROC year of a date: AD year − 1911 (2019 → 108, 1912 → 1).
     *
     * @param date a date on or after 1912-01-01
     * @return the ROC year, 1 or more
     * @throws IllegalArgumentException if the date is before 1912-01-01, which has no ROC date
     */
    public static int rocYear(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(FIRST_ROC_DAY)) {
            throw new IllegalArgumentException(date + " is before 民國1年1月1日 (1912-01-01) and cannot be"
                    + " written as a ROC date");
        }
        return date.getYear() - OFFSET;
    }

    // ---------------------------------------------------------------------------------------

    private static int writableRocYear(LocalDate date) {
        int year = rocYear(date);
        if (year > MAX_ROC_YEAR) {
            throw new IllegalArgumentException(date + " is 民國" + year + "年, which does not fit a 3-digit"
                    + " ROC year (the last is 民國999年, 2910)");
        }
        return year;
    }

    private static LocalDate roc(String input, String yearText, String monthText, String dayText) {
        int year = Integer.parseInt(yearText);
        if (year == 0) {
            throw error(input, "has ROC year 0, which does not exist; the first ROC year is 民國1年 (1912)");
        }
        return date(input, year + OFFSET, "民國" + year + " (" + (year + OFFSET) + ")", monthText, dayText);
    }

    private static LocalDate iso(String input, String yearText, String monthText, String dayText) {
        int year = Integer.parseInt(yearText);
        LocalDate date = date(input, year, String.valueOf(year), monthText, dayText);
        if (date.isBefore(FIRST_ROC_DAY)) {
            throw error(input, "is before 民國1年1月1日 (1912-01-01) and cannot be a ROC date");
        }
        return date;
    }

    /** Checks month and day explicitly: an impossible date is an error, never adjusted. */
    private static LocalDate date(String input, int adYear, String yearLabel, String monthText, String dayText) {
        if (monthText.length() > 2 || dayText.length() > 2) {
            throw error(input, "has a month or day of more than 2 digits; " + EXAMPLES);
        }
        int month = Integer.parseInt(monthText);
        int day = Integer.parseInt(dayText);
        if (month < 1 || month > 12) {
            throw error(input, "is not a real date: month " + month + " does not exist (months run 1–12)");
        }
        if (day < 1) {
            throw error(input, "is not a real date: day " + day + " does not exist (days start at 1)");
        }
        YearMonth ym = YearMonth.of(adYear, month);
        if (day > ym.lengthOfMonth()) {
            String monthName = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            throw error(input, "is not a real date: " + monthName + " " + yearLabel + " has "
                    + ym.lengthOfMonth() + " days");
        }
        return LocalDate.of(adYear, month, day);
    }

    /** "; write it as 2019-11-01 (ISO) or 108/11/01" when the digits name a real date, else a generic hint. */
    private static String isoHint(String yearText, String monthText, String dayText) {
        try {
            int year = Integer.parseInt(yearText);
            LocalDate date = LocalDate.of(year, Integer.parseInt(monthText), Integer.parseInt(dayText));
            String hint = "; write it as " + date + " (ISO)";
            if (!date.isBefore(FIRST_ROC_DAY) && date.getYear() - OFFSET <= MAX_ROC_YEAR) {
                hint += " or as " + formatSlashed(date);
            }
            return hint;
        } catch (RuntimeException notADate) {
            return "; write a Western date in ISO form (yyyy-MM-dd, e.g. 2019-11-01)"
                    + " or a ROC date such as 108/11/01";
        }
    }

    private static IllegalArgumentException error(String input, String reason) {
        return new IllegalArgumentException("\"" + input + "\" " + reason);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Full-width digits and ／ ． － to ASCII, the ideographic space to a plain space. */
    private static String normalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF19') {
                b.append((char) ('0' + (c - '\uFF10')));
            } else if (c == '\uFF0F') {
                b.append('/');
            } else if (c == '\uFF0E') {
                b.append('.');
            } else if (c == '\uFF0D') {
                b.append('-');
            } else if (c == '\u3000') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
