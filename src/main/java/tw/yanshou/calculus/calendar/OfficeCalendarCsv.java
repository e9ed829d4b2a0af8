package tw.yanshou.calculus.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the official office calendar file, 政府行政機關辦公日曆表 (open data set 14718 of 行政院人事行政總處).
 *
 * <p>The file is a CSV in UTF-8 (with or without byte order mark) or Big5, with a header row naming the
 * columns 西元日期 ({@code yyyyMMdd}), 星期 (一 to 日), 是否放假 ({@code 0} working day, {@code 2} day off) and
 * 備註 (note, may be empty), in any order. Every row is checked, and all problems are reported together in a
 * {@link CalendarImportException}. Each year in the file must list every one of its days exactly once.
 */
public final class OfficeCalendarCsv {

    private static final String DATE = "西元日期";
    private static final String WEEKDAY = "星期";
    private static final String DAY_OFF = "是否放假";
    private static final String NOTE = "備註";
    private static final List<String> COLUMNS = List.of(DATE, WEEKDAY, DAY_OFF, NOTE);
    private static final String WEEKDAY_NAMES = "一二三四五六日";
    private static final Charset BIG5 = Charset.isSupported("x-windows-950") ? Charset.forName("x-windows-950") : Charset.forName("Big5");

    private OfficeCalendarCsv() {
    }

    /**
     * Reads the whole stream (without closing it) and returns one {@link CalendarYear} per year in the file.
     *
     * @throws CalendarImportException when the file is not a valid office calendar
     * @throws UncheckedIOException    when the stream cannot be read
     */
    public static List<CalendarYear> read(InputStream in) {
        try {
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the file content and returns one {@link CalendarYear} per year in the file, in ascending order.
     *
     * @throws CalendarImportException when the file is not a valid office calendar
     */
    public static List<CalendarYear> read(byte[] bytes) {
        return new Reader(decode(bytes).split("\\R")).read();
    }

    private static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, BIG5);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Splits a CSV line into fields, honouring double quotes, and strips spaces and quotes from each field. */
    private static List<String> fields(String line) {
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append(c);
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }

    /** The state of reading one file. */
    private static final class Reader {
        private final String[] lines;
        private final List<String> problems = new ArrayList<>();
        private final Map<String, Integer> columns = new HashMap<>();
        private final Map<LocalDate, Integer> lineOfDate = new HashMap<>();
        private final Map<Integer, Set<LocalDate>> weekdaysOff = new TreeMap<>();
        private final Map<Integer, Set<LocalDate>> workingWeekendDays = new TreeMap<>();

        Reader(String[] lines) {
            this.lines = lines;
        }

        List<CalendarYear> read() {
            int header = 0;
            while (header < lines.length && lines[header].isBlank()) {
                header++;
            }
            if (header == lines.length) {
                throw new CalendarImportException(List.of("the file is empty"));
            }
            readHeader(header);
            for (int n = header + 1; n < lines.length; n++) {
                if (!lines[n].isBlank()) {
                    readRow(n + 1, fields(lines[n]));
                }
            }
            if (lineOfDate.isEmpty() && columns.containsKey(DATE)) {
                problems.add("the file has no days");
            }
            weekdaysOff.keySet().forEach(this::checkComplete);
            if (!problems.isEmpty()) {
                throw new CalendarImportException(problems);
            }
            var years = new ArrayList<CalendarYear>();
            weekdaysOff.forEach((year, off) -> years.add(new CalendarYear(year, off, workingWeekendDays.get(year))));
            return years;
        }

        private void readHeader(int index) {
            List<String> names = fields(lines[index]);
            for (int i = 0; i < names.size(); i++) {
                if (COLUMNS.contains(names.get(i)) && columns.putIfAbsent(names.get(i), i) != null) {
                    problems.add(problem(index + 1, "column " + names.get(i) + " appears twice"));
                }
            }
            COLUMNS.stream().filter(name -> !columns.containsKey(name))
                    .forEach(name -> problems.add(problem(index + 1, "missing column " + name)));
        }

        private void readRow(int line, List<String> row) {
            LocalDate date = date(line, row);
            String weekday = value(row, WEEKDAY);
            if (weekday != null) {
                if (weekday.length() != 1 || WEEKDAY_NAMES.indexOf(weekday.charAt(0)) < 0) {
                    problems.add(problem(line, WEEKDAY + " \"" + weekday + "\" must be one of 一 二 三 四 五 六 日"));
                } else if (date != null && !weekday.equals(weekdayName(date))) {
                    problems.add(problem(line, WEEKDAY + " \"" + weekday + "\" does not match " + date + " (" + weekdayName(date) + ")"));
                }
            }
            String dayOff = value(row, DAY_OFF);
            if (dayOff != null && !dayOff.equals("0") && !dayOff.equals("2")) {
                problems.add(problem(line, DAY_OFF + " must be 0 or 2, was \"" + dayOff + "\""));
                dayOff = null;
            }
            if (date == null) {
                return;
            }
            Integer earlier = lineOfDate.putIfAbsent(date, line);
            if (earlier != null) {
                problems.add(problem(line, DATE + " " + date + " is already listed on line " + earlier));
                return;
            }
            Set<LocalDate> off = weekdaysOff.computeIfAbsent(date.getYear(), year -> new HashSet<>());
            Set<LocalDate> working = workingWeekendDays.computeIfAbsent(date.getYear(), year -> new HashSet<>());
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            if ("2".equals(dayOff) && !weekend) {
                off.add(date);
            } else if ("0".equals(dayOff) && weekend) {
                working.add(date);
            }
        }

        private LocalDate date(int line, List<String> row) {
            String text = value(row, DATE);
            if (text == null) {
                return null;
            }
            if (!text.matches("\\d{8}")) {
                problems.add(problem(line, DATE + " \"" + text + "\" must be yyyyMMdd, e.g. 20240217"));
                return null;
            }
            try {
                int year = Integer.parseInt(text.substring(0, 4));
                if (year == 0) {
                    throw new DateTimeException("year 0");
                }
                return LocalDate.of(year, Integer.parseInt(text.substring(4, 6)), Integer.parseInt(text.substring(6)));
            } catch (DateTimeException e) {
                problems.add(problem(line, DATE + " \"" + text + "\" is not a real date"));
                return null;
            }
        }

        /** The value of a column in a row; null when the file has no such column, empty when the row is short. */
        private String value(List<String> row, String column) {
            Integer index = columns.get(column);
            if (index == null) {
                return null;
            }
            return index < row.size() ? row.get(index) : "";
        }

        private void checkComplete(int year) {
            int missing = 0;
            LocalDate first = null;
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                if (!lineOfDate.containsKey(day)) {
                    missing++;
                    first = first == null ? day : first;
                }
            }
            if (missing > 0) {
                problems.add("year " + year + " is incomplete: " + first + " is missing"
                        + (missing > 1 ? " (" + missing + " days missing in all)" : ""));
            }
        }

        private static String weekdayName(LocalDate date) {
            return String.valueOf(WEEKDAY_NAMES.charAt(date.getDayOfWeek().getValue() - 1));
        }

        private static String problem(int line, String text) {
            return "line " + line + ": " + text;
        }
    }
}
