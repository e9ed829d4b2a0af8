package tw.yanshou.calculus;

import java.util.Optional;

import tw.yanshou.calculus.calendar.OfficeCalendar;
import tw.yanshou.calculus.calendar.TaiwanOfficeCalendar;

/** Finds the office calendar of a contract: its calendar id ({@code TW}) and the city or county of its site. */
@FunctionalInterface
public interface CalendarSource {

    Optional<OfficeCalendar> calendar(String id, String site);

    /** The calendars shipped with the project: {@code TW}, 2018–2027, without local closures. */
    static CalendarSource shipped() {
        return (id, site) -> "TW".equals(id) ? Optional.of(TaiwanOfficeCalendar.shipped()) : Optional.empty();
    }
}
