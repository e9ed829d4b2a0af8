package tw.yanshou.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.MessageSource;

import tw.yanshou.calculus.Violation;

/**
 * The problems of one submitted form, by field name, in the user's language: the desk's own checks (a missing
 * value, a date that is no date) say it in the user's words; a rule of the services is shown with its own text
 * (the rule's wording, as the API gives it) after a localised lead. A problem whose path names no field of the form
 * is shown at the top with its path.
 */
public final class FormErrors {
    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();
    private final MessageSource messages;
    private final Locale locale;

    FormErrors(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public boolean has(String field) { return byField.containsKey(field); }

    public List<String> of(String field) { return byField.getOrDefault(field, List.of()); }

    public List<String> general() { return general; }

    public boolean any() { return !byField.isEmpty() || !general.isEmpty(); }

    /** Every problem with the field it belongs to, for the summary at the top of the form. */
    public Map<String, List<String>> fields() { return byField; }

    /** A problem in the user's words: {@code key} from the messages. */
    public FormErrors add(String field, String key, Object... args) {
        byField.computeIfAbsent(field, f -> new ArrayList<>()).add(messages.getMessage(key, args, locale));
        return this;
    }

    public FormErrors addGeneral(String key, Object... args) {
        general.add(messages.getMessage(key, args, locale));
        return this;
    }

    /**
     * The services' violations: {@code toField} maps a violation path to a field of the form (null: none), the
     * rest go to the top, with their path.
     */
    public FormErrors addAll(List<Violation> violations, Function<String, String> toField, Set<String> fields) {
        for (Violation v : violations) {
            String field = toField.apply(v.path());
            String text = messages.getMessage("error.rule", new Object[] {v.message()}, locale);
            if (field != null && fields.contains(field)) byField.computeIfAbsent(field, f -> new ArrayList<>()).add(text);
            else general.add(messages.getMessage("error.at", new Object[] {v.path(), v.message()}, locale));
        }
        return this;
    }
}
