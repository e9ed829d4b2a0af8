package tw.yanshou.officecalendar;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tw.yanshou.audit.AuditLog;
import tw.yanshou.calculus.CalendarSource;
import tw.yanshou.calculus.Violation;
import tw.yanshou.calculus.calendar.CalendarImportException;
import tw.yanshou.calculus.calendar.CalendarYear;
import tw.yanshou.calculus.calendar.LocalClosure;
import tw.yanshou.calculus.calendar.OfficeCalendar;
import tw.yanshou.calculus.calendar.OfficeCalendarCsv;
import tw.yanshou.calculus.calendar.TaiwanOfficeCalendar;
import tw.yanshou.web.ConflictException;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.web.NotFoundException;

/**
 * The office calendars the server computes with: the shipped Taiwan calendar, the years imported from the
 * official open data (which replace shipped ones), and local closure days per city or county, which are rest days
 * for contracts whose site is there. Read from the database and kept for a minute (other nodes of a cluster see a
 * change within that time; this node at once).
 */
@Component
public class OfficeCalendars implements CalendarSource {
    public static final String TW = "TW";
    private static final Duration FRESH_FOR = Duration.ofMinutes(1);
    private static final Pattern LINE = Pattern.compile("line (\\d+): (.*)");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private volatile Snapshot snapshot;

    OfficeCalendars(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** What is loaded: the calendar with imported years, the closures, and a calendar per site made from them. */
    private record Snapshot(TaiwanOfficeCalendar calendar, List<StoredClosure> closures, Instant loadedAt,
                            Map<String, OfficeCalendar> sites) {
        OfficeCalendar forSite(String site) {
            if (site == null || site.isBlank()) return calendar;
            return sites.computeIfAbsent(site, s -> calendar.forSite(s, closures.stream().map(StoredClosure::closure).toList()));
        }
    }

    /** A closure as stored, with its id. */
    public record StoredClosure(UUID id, LocalClosure closure) { }

    /** What an administrator sees: the years with official data and the closures. */
    public record Overview(String calendar, Set<Integer> years, List<StoredClosure> closures) { }

    @Override
    public Optional<OfficeCalendar> calendar(String id, String site) {
        return TW.equals(id) ? Optional.of(current().forSite(site)) : Optional.empty();
    }

    public Overview overview() {
        Snapshot s = current();
        return new Overview(TW, s.calendar().years(), s.closures());
    }

    /**
     * Imports an official calendar file (CSV with 西元日期, 星期, 是否放假, 備註; UTF-8 or Big5): its years replace
     * the shipped or earlier imported ones. Every problem of the file is reported at once; nothing is stored then.
     */
    @Transactional
    public Set<Integer> importYears(byte[] csv, String actor) {
        List<CalendarYear> years;
        try {
            years = OfficeCalendarCsv.read(csv);
        } catch (CalendarImportException e) {
            throw new InvalidInputException(e.problems().stream().map(OfficeCalendars::violation).toList());
        }
        for (CalendarYear y : years) {
            jdbc.sql("insert into office_calendar_year (calendar, year, weekdays_off, working_weekend_days, imported_by) "
                            + "values (:calendar, :year, :off, :work, :by) on conflict (calendar, year) do update set "
                            + "weekdays_off = excluded.weekdays_off, working_weekend_days = excluded.working_weekend_days, "
                            + "imported_at = now(), imported_by = excluded.imported_by")
                    .param("calendar", TW).param("year", y.year()).param("off", dates(y.weekdaysOff()))
                    .param("work", dates(y.workingWeekendDays())).param("by", actor)
                    .update();
        }
        Set<Integer> imported = years.stream().map(CalendarYear::year).collect(Collectors.toCollection(java.util.TreeSet::new));
        audit.record(actor, "CALENDAR_IMPORTED", null, Map.of("calendar", TW, "years", imported));
        changed("YEARS_IMPORTED");
        return imported;
    }

    @Transactional
    public StoredClosure addClosure(LocalDate day, String county, String reason, String actor) {
        List<Violation> problems = new ArrayList<>();
        if (day == null) problems.add(new Violation("date", "is required"));
        if (county == null || county.isBlank()) problems.add(new Violation("county", "is required, e.g. 臺北市"));
        else if (county.strip().length() > 50) problems.add(new Violation("county", "must be at most 50 characters"));
        else {
            String countyProblem = tw.yanshou.web.Texts.characterProblem(county, false);
            if (countyProblem != null) problems.add(new Violation("county", countyProblem));
        }
        String why = null;
        try {
            why = tw.yanshou.web.Texts.note("reason", reason, 500);
        } catch (InvalidInputException e) {
            problems.addAll(e.violations());
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        StoredClosure closure = new StoredClosure(UUID.randomUUID(), new LocalClosure(day, county, why));
        int added = jdbc.sql("insert into local_closure (id, calendar, day, county, reason, created_by) values (?, ?, ?, ?, ?, ?) "
                        + "on conflict (calendar, day, county) do nothing")
                .params(closure.id(), TW, Date.valueOf(day), closure.closure().county(), closure.closure().reason(), actor)
                .update();
        if (added == 0)
            throw new ConflictException("a closure of " + closure.closure().county() + " on " + day
                    + " is already recorded", List.of(new Violation("date", "already recorded")));
        audit.record(actor, "CLOSURE_ADDED", null, Map.of("date", day.toString(), "county", closure.closure().county(),
                "reason", closure.closure().reason()));
        changed("CLOSURE_ADDED");
        return closure;
    }

    @Transactional
    public void removeClosure(UUID id, String actor) {
        int removed = jdbc.sql("delete from local_closure where id = ?").param(id).update();
        if (removed == 0) throw new NotFoundException("no closure " + id);
        audit.record(actor, "CLOSURE_REMOVED", null, Map.of("closure", id.toString()));
        changed("CLOSURE_REMOVED");
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(FRESH_FOR).isBefore(Instant.now())) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        List<CalendarYear> years = jdbc.sql("select year, weekdays_off, working_weekend_days from office_calendar_year where calendar = ?")
                .param(TW).query((rs, n) -> new CalendarYear(rs.getInt(1), Set.copyOf(localDates(rs.getArray(2))),
                        Set.copyOf(localDates(rs.getArray(3))))).list();
        List<StoredClosure> closures = jdbc.sql("select id, day, county, reason from local_closure where calendar = ? order by day, county")
                .param(TW).query((rs, n) -> new StoredClosure(rs.getObject(1, UUID.class),
                        new LocalClosure(rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4)))).list();
        TaiwanOfficeCalendar calendar = years.isEmpty() ? TaiwanOfficeCalendar.shipped() : TaiwanOfficeCalendar.shipped().withYears(years);
        return new Snapshot(calendar, closures, Instant.now(), new ConcurrentHashMap<>());
    }

    /**
     * This node reads the calendars again once the change is committed, before anyone hears of it
     * ({@link OfficeCalendarChanged}: its listeners run after the commit, after this refresh).
     */
    private void changed(String what) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            snapshot = null;
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() { snapshot = null; }

                @Override
                public int getOrder() { return Ordered.HIGHEST_PRECEDENCE; }
            });
        }
        events.publishEvent(new OfficeCalendarChanged(TW, what));
    }

    private static Violation violation(String problem) {
        Matcher m = LINE.matcher(problem);
        return m.matches() ? new Violation("line " + m.group(1), m.group(2)) : new Violation("file", problem);
    }

    private static Date[] dates(Set<LocalDate> days) {
        return days.stream().sorted().map(Date::valueOf).toArray(Date[]::new);
    }

    private static List<LocalDate> localDates(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(o -> ((Date) o).toLocalDate()).toList();
    }
}
