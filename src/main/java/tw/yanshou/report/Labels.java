package tw.yanshou.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import tw.yanshou.calculus.Amounts;
import tw.yanshou.calculus.RocDates;

/** How the report writes dates and amounts: 民國 for Chinese readers (ISO beside them on screen), ISO in English. */
final class Labels {
    private Labels() { }

    static boolean chinese(Locale locale) { return "zh".equals(locale.getLanguage()); }

    /** {@code 108/01/25} in Chinese, {@code 2019-01-25} in English: short dates for the chart. */
    static String shortDate(LocalDate date, Locale locale) {
        return chinese(locale) ? RocDates.formatSlashed(date) : date.toString();
    }

    /** {@code 10,380,000}. */
    static String amount(BigDecimal amount) { return Amounts.grouped(amount); }

    /** Text as XML 1.0 allows: no control characters, no lone surrogates, no U+FFFE/U+FFFF. */
    static String xmlSafe(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
