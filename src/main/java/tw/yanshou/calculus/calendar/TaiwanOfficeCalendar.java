package tw.yanshou.calculus.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The office calendar of the Taiwan government (政府行政機關辦公日曆表 of 行政院人事行政總處).
 *
 * <p>{@link #shipped()} holds the official data for 2018–2027 (2025 as revised on 2025-06-13). {@link #withYears(Collection)} adds or replaces
 * years, for example ones imported with {@link OfficeCalendarCsv}, and {@link #forSite(String, Collection)}
 * adds the local closure days of one city or county. Years without data count only weekends as rest days.
 *
 * <p>Instances are immutable and thread-safe. Rest days are precomputed into a table indexed by epoch day,
 * so {@link #isRestDay(LocalDate)} does no allocation and no lookup beyond an array access.
 */
public final class TaiwanOfficeCalendar implements OfficeCalendar {

    private static final String RESOURCE = "tw-office-calendar.txt";

    private final SortedMap<Integer, CalendarYear> years;
    private final Set<LocalDate> closureDays;
    private final int firstYear;
    private final boolean[] covered;
    private final long firstDay;
    private final boolean[] rest;

    private TaiwanOfficeCalendar(SortedMap<Integer, CalendarYear> years, Set<LocalDate> closureDays) {
        this.years = Collections.unmodifiableSortedMap(years);
        this.closureDays = Set.copyOf(closureDays);
        var spannedYears = new TreeSet<>(years.keySet());
        closureDays.forEach(day -> spannedYears.add(day.getYear()));
        if (spannedYears.isEmpty()) {
            firstYear = 0;
            covered = new boolean[0];
            firstDay = 0;
            rest = new boolean[0];
            return;
        }
        firstYear = spannedYears.first();
        covered = new boolean[spannedYears.last() - firstYear + 1];
        years.keySet().forEach(year -> covered[year - firstYear] = true);
        firstDay = LocalDate.of(firstYear, 1, 1).toEpochDay();
        rest = new boolean[Math.toIntExact(LocalDate.of(spannedYears.last(), 12, 31).toEpochDay() - firstDay + 1)];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = WeekendsOnly.isWeekend(firstDay + i);
        }
        for (CalendarYear year : years.values()) {
            year.weekdaysOff().forEach(day -> rest[index(day)] = true);
            year.workingWeekendDays().forEach(day -> rest[index(day)] = false);
        }
        closureDays.forEach(day -> rest[index(day)] = true);
    }

    /** The official calendar for 2018–2027 shipped with the code; loaded once and shared. */
    public static TaiwanOfficeCalendar shipped() {
        return Shipped.CALENDAR;
    }

    /**
     * A calendar with these years added, replacing the data of the same years (imported official files,
     * corrections). Local closures of this calendar are kept.
     *
     * @throws IllegalArgumentException when {@code years} holds the same year twice
     */
    public TaiwanOfficeCalendar withYears(Collection<CalendarYear> years) {
        var merged = new TreeMap<>(this.years);
        var seen = new HashSet<Integer>();
        for (CalendarYear year : years) {
            if (!seen.add(year.year())) {
                throw new IllegalArgumentException("year " + year.year() + " given twice");
            }
            merged.put(year.year(), year);
        }
        return new TaiwanOfficeCalendar(merged, closureDays);
    }

    /**
     * The calendar of an office in {@code county}: the closure days of that county are rest days as well.
     * Closures of other counties are ignored; county names match after trimming and writing 台 as 臺.
     *
     * @param county   the city or county of the site, e.g. 臺北市; null for no local closures
     * @param closures closures of any county
     */
    public OfficeCalendar forSite(String county, Collection<LocalClosure> closures) {
        Objects.requireNonNull(closures, "closures");
        if (county == null) {
            return this;
        }
        String site = LocalClosure.normaliseCounty(county);
        var days = new HashSet<>(closureDays);
        closures.stream().filter(closure -> closure.county().equals(site)).forEach(closure -> days.add(closure.date()));
        return new TaiwanOfficeCalendar(new TreeMap<>(years), days);
    }

    /** The years with official data, in ascending order. */
    @Override
    public Set<Integer> years() {
        return years.keySet();
    }

    @Override
    public boolean isRestDay(LocalDate day) {
        long i = day.toEpochDay() - firstDay;
        return i >= 0 && i < rest.length ? rest[(int) i] : WeekendsOnly.isWeekend(day.toEpochDay());
    }

    @Override
    public boolean covers(int year) {
        int i = year - firstYear;
        return i >= 0 && i < covered.length && covered[i];
    }

    @Override
    public String toString() {
        return "TaiwanOfficeCalendar" + years.keySet() + (closureDays.isEmpty() ? "" : " with " + closureDays.size() + " closure days");
    }

    private int index(LocalDate day) {
        return (int) (day.toEpochDay() - firstDay);
    }

    private static final class Shipped {
        static final TaiwanOfficeCalendar CALENDAR = load();

        private static TaiwanOfficeCalendar load() {
            try (InputStream in = TaiwanOfficeCalendar.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " not found");
                }
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                var years = new TreeMap<Integer, CalendarYear>();
                parse(reader.lines().toList()).forEach(year -> years.put(year.year(), year));
                return new TaiwanOfficeCalendar(years, Set.of());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /**
     * Parses the shipped text format: lines {@code YEAR off MM-DD ...} (weekdays off) and
     * {@code YEAR work MM-DD ...} (working weekend days); blank lines and lines starting with # are ignored.
     */
    private static List<CalendarYear> parse(List<String> lines) {
        var off = new TreeMap<Integer, Set<LocalDate>>();
        var work = new TreeMap<Integer, Set<LocalDate>>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] tokens = line.split("\\s+");
            try {
                int year = Integer.parseInt(tokens[0]);
                Map<Integer, Set<LocalDate>> target = switch (tokens.length > 1 ? tokens[1] : "") {
                    case "off" -> off;
                    case "work" -> work;
                    default -> throw new IllegalArgumentException("expected YEAR off|work MM-DD ...");
                };
                off.computeIfAbsent(year, y -> new HashSet<>()); // a year with only a work line is covered too
                Set<LocalDate> days = target.computeIfAbsent(year, y -> new HashSet<>());
                for (int t = 2; t < tokens.length; t++) {
                    days.add(LocalDate.parse("%04d-%s".formatted(year, tokens[t])));
                }
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new IllegalStateException(RESOURCE + " line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        var result = new ArrayList<CalendarYear>();
        off.forEach((year, days) -> result.add(new CalendarYear(year, days, work.getOrDefault(year, Set.of()))));
        return result;
    }
}
