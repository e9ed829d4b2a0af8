package tw.yanshou.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import tw.yanshou.calculus.Amounts;
import tw.yanshou.calculus.RocDates;

/**
 * Dates and amounts for the statement templates: 民國 first for Chinese readers ({@code 108年1月25日}, the ISO date
 * beside it on screen), ISO first in English (民國 beside it).
 */
public final class StatementFormat {
    private final Locale locale;

    StatementFormat(Locale locale) { this.locale = locale; }

    /** The date as the reader reads it: {@code 108年1月25日} or {@code 2019-01-25}. */
    public String date(LocalDate date) {
        if (date == null) return "";
        return Labels.chinese(locale) ? RocDates.format(date) : date.toString();
    }

    /** The other form, shown beside it on screen: {@code 2019-01-25} or {@code 民國108/01/25}. */
    public String other(LocalDate date) {
        if (date == null) return "";
        return Labels.chinese(locale) ? date.toString() : "民國" + RocDates.formatSlashed(date);
    }

    /** {@code 10,380,000}. */
    public String amount(BigDecimal amount) { return amount == null ? "" : Amounts.grouped(amount); }

    /** {@code 4‰}, {@code 20%}: a rate without trailing zeros. */
    public String plain(BigDecimal number) { return number == null ? "" : Amounts.plain(number); }

    /** {@code 1,477}. */
    public String count(long n) { return Amounts.grouped(BigDecimal.valueOf(n)); }
}
