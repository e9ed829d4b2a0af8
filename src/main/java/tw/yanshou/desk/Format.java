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
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ZoneId zone;
    private final org.springframework.context.MessageSource messages;

    Format(@Value("${yanshou.zone:Asia/Taipei}") String zone, org.springframework.context.MessageSource messages) {
        this.zone = ZoneId.of(zone);
        this.messages = messages;
    }

    /** A due rule in the reader's words: "60 days from SIGNED" / "簽約（SIGNED）起 60 日". */
    public String rule(tw.yanshou.calculus.DueRule rule) {
        Locale locale = LocaleContextHolder.getLocale();
        if (rule instanceof tw.yanshou.calculus.DueRule.Fixed f)
            return messages.getMessage("milestone.ruleFixed", new Object[] {longDate(f.date())}, locale);
        tw.yanshou.calculus.DueRule.Relative r = (tw.yanshou.calculus.DueRule.Relative) rule;
        return messages.getMessage("milestone.ruleRelative", new Object[] {r.days(), r.from().toString()}, locale);
    }

    /** A value of an event as stored (JSON): dates as the reader writes them, lists and objects spelled out. */
    public String value(Object v) {
        if (v == null) return "";
        if (v instanceof String s && ISO_DATE.matcher(s).matches()) return date(LocalDate.parse(s));
        if (v instanceof java.util.Map<?, ?> m) {
            StringBuilder b = new StringBuilder();
            m.forEach((k, x) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(value(x)));
            return b.toString();
        }
        if (v instanceof java.util.List<?> l) return String.join(", ", l.stream().map(this::value).toList());
        return String.valueOf(v);
    }

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
