package tw.yanshou.desk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import tw.yanshou.calculus.RocDates;

/** Reading typed-in values of a form: each problem goes to its field, in the user's language. */
@Component
public class Forms {
    private final MessageSource messages;

    Forms(MessageSource messages) { this.messages = messages; }

    public FormErrors errors() { return new FormErrors(messages, LocaleContextHolder.getLocale()); }

    public String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    public static String text(Map<String, String> form, String field) {
        String v = form.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A date typed as ISO or 民國 ({@code 113/06/25}, {@code 113年6月25日}); null if empty or wrong (then noted). */
    public static LocalDate date(Map<String, String> form, String field, boolean required, FormErrors errors) {
        String v = text(form, field);
        if (v == null) {
            if (required) errors.add(field, "error.required");
            return null;
        }
        try {
            return RocDates.parse(v);
        } catch (IllegalArgumentException e) {
            errors.add(field, "error.date", v);
            return null;
        }
    }

    /** A whole number ≥ 0 (commas allowed); null if empty or wrong (then noted). */
    public static BigDecimal amount(Map<String, String> form, String field, boolean required, FormErrors errors) {
        String v = text(form, field);
        if (v == null) {
            if (required) errors.add(field, "error.required");
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(v.replace(",", "").replace("，", ""));
            if (n.signum() < 0) {
                errors.add(field, "error.negative");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(field, "error.number", v);
            return null;
        }
    }

    /** A whole number of days ≥ 0; null if empty or wrong (then noted). */
    public static Integer days(Map<String, String> form, String field, boolean required, FormErrors errors) {
        String v = text(form, field);
        if (v == null) {
            if (required) errors.add(field, "error.required");
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                errors.add(field, "error.negative");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(field, "error.days", v);
            return null;
        }
    }
}
