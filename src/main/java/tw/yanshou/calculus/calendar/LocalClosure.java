package tw.yanshou.calculus.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day on which a city or county government closed its offices, such as a typhoon day (停止上班).
 * The county name is trimmed and 台 is written 臺, so that 台北市 and 臺北市 name the same county.
 *
 * @param date   the closure day
 * @param county the city or county, e.g. 臺北市
 * @param reason why the offices closed, e.g. 颱風停止上班; may be empty
 */
public record LocalClosure(LocalDate date, String county, String reason) {

    /**
     * Checks and normalises the fields.
     *
     * @throws NullPointerException     when date or county is null
     * @throws IllegalArgumentException when county is blank
     */
    public LocalClosure {
        Objects.requireNonNull(date, "date");
        county = normaliseCounty(Objects.requireNonNull(county, "county"));
        if (county.isEmpty()) {
            throw new IllegalArgumentException("county must not be blank");
        }
        reason = reason == null ? "" : reason.strip();
    }

    /** Trims the name and writes 台 as 臺. */
    static String normaliseCounty(String county) {
        return county.strip().replace('台', '臺');
    }
}
