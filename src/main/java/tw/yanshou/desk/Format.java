package tw.yanshou.desk;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import tw.yanshou.calculus.RocDates;

/**
 * How the pages write dates and amounts ({@code ${@fmt.date(d)}} in the templates): 民國 dates in Chinese
 * ({@code 113/06/25}), ISO dates in English; whole TWD with thousands separators; moments in the office's zone.
 */
@Component("fmt")
public class Format {
    private final ZoneId zone;

    Format(@Value("${yanshou.zone:Asia/Taipei}") String zone) { this.zone = ZoneId.of(zone); }

    private static boolean english() { return LocaleContextHolder.getLocale().getLanguage().equals("en"); }

    /** A date as the reader's language writes it. */
    public String date(LocalDate date) {
        if (date == null) return "";
        if (english() || date.isBefore(LocalDate.of(1912, 1, 1))) return date.toString();
        return RocDates.formatSlashed(date);
    }

    /** A date in the court's notation (113年6月25日) in Chinese, ISO in English. */
    public String longDate(LocalDate date) {
        if (date == null) return "";
        if (english() || date.isBefore(LocalDate.of(1912, 1, 1))) return date.toString();
        return RocDates.format(date);
    }

    public String iso(LocalDate date) { return date == null ? "" : date.toString(); }

    /** A moment in the office's zone: date as above and the time of day. */
    public String moment(Instant at) {
        if (at == null) return "";
        ZonedDateTime t = at.atZone(zone);
        return date(t.toLocalDate()) + " " + String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    public String isoMoment(Instant at) { return at == null ? "" : at.atZone(zone).toOffsetDateTime().toString(); }

    /** Whole TWD: 6,615,840. */
    public String money(BigDecimal amount) {
        if (amount == null) return "";
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    public String number(BigDecimal n) {
        if (n == null) return "";
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n);
    }

    /** An HTML id from a field name ({@code contract.items[0].code} → {@code f-contract-items-0-code}). */
    public String id(String name) {
        return "f-" + name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }
}
