package tw.yanshou.contract.file;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tw.yanshou.calculus.RocDates;
import tw.yanshou.calculus.Violation;

/**
 * Reads typed values out of a YAML or JSON tree and collects a violation, with its field path, for every value
 * that is missing or wrong, so that one reading reports every problem of a file.
 *
 * <p>Every method takes the parent mapping and returns null when the value is absent or wrong; a null parent (one
 * that was itself absent or wrong, and already reported) gives null without a further violation.
 */
final class Fields {

    /** Whether a field must be present. */
    enum Presence { REQUIRED, OPTIONAL }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern QUOTED_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED_NUMBER = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private final List<Violation> violations = new ArrayList<>();

    List<Violation> violations() { return violations; }

    int count() { return violations.size(); }

    void add(String path, String message) { violations.add(new Violation(path, message)); }

    static String at(String path, String key) { return path.isEmpty() ? key : path + "." + key; }

    static String at(String path, int index) { return path + "[" + index + "]"; }

    /** The node as a mapping, or null (reported) if it is something else; its keys are not checked. */
    ObjectNode object(JsonNode node, String path) {
        if (node == null) return null;
        if (!node.isObject()) {
            add(path, "must be a mapping of fields (key: value), was " + describe(node));
            return null;
        }
        return (ObjectNode) node;
    }

    /** The node as a mapping whose keys are all {@code known}, or null (reported) if it is something else. */
    ObjectNode object(JsonNode node, String path, Collection<String> known) {
        ObjectNode object = object(node, path);
        if (object != null) onlyKnown(object, path, known);
        return object;
    }

    ObjectNode object(ObjectNode parent, String path, String key, Presence presence, Collection<String> known) {
        return object(value(parent, path, key, presence), at(path, key), known);
    }

    /** Reports every key of the mapping that is not one of {@code known}. */
    void onlyKnown(ObjectNode object, String path, Collection<String> known) {
        for (Iterator<String> keys = object.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) add(at(path, key), unknownField(key, known));
        }
    }

    static String unknownField(String key, Collection<String> known) {
        String message = "unknown field \"" + key + "\"";
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(key.toLowerCase(), candidate.toLowerCase());
            if (distance < best) {
                best = distance;
                closest = candidate;
            }
        }
        if (closest != null && best <= Math.max(1, Math.min(2, key.length() / 3)))
            return message + "; did you mean \"" + closest + "\"?";
        return message + "; known fields: " + String.join(", ", known);
    }

    /** The node of a field, or null if it is absent or null (reported if required). */
    JsonNode value(ObjectNode parent, String path, String key, Presence presence) {
        if (parent == null) return null;
        JsonNode node = parent.get(key);
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (presence == Presence.REQUIRED) add(at(path, key), "is required");
            return null;
        }
        return node;
    }

    ArrayNode list(ObjectNode parent, String path, String key, Presence presence) {
        JsonNode node = value(parent, path, key, presence);
        if (node == null) return null;
        if (!node.isArray()) {
            add(at(path, key), "must be a list, was " + describe(node));
            return null;
        }
        return (ArrayNode) node;
    }

    /** Text; numbers are read as their digits, blank optional text as absent. */
    String text(ObjectNode parent, String path, String key, Presence presence) {
        JsonNode node = value(parent, path, key, presence);
        if (node == null) return null;
        String text = text(node, at(path, key));
        if (text != null && text.isBlank()) {
            if (presence == Presence.REQUIRED) add(at(path, key), "must not be empty");
            return null;
        }
        return text;
    }

    String text(JsonNode node, String path) {
        if (node.isTextual() || node.isNumber()) return node.asText();
        add(path, "must be text, was " + describe(node));
        return null;
    }

    /** A list of codes (item codes), each entry checked. */
    List<String> codes(ObjectNode parent, String path, String key, Presence presence) {
        ArrayNode list = list(parent, path, key, presence);
        if (list == null) return null;
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String code = text(list.get(i), at(at(path, key), i));
            codes.add(code == null ? at(at(path, key), i) : code);
        }
        return codes;
    }

    /** A date in ISO form or one of the ROC forms {@link RocDates#parse} reads. */
    LocalDate date(ObjectNode parent, String path, String key, Presence presence) {
        JsonNode node = value(parent, path, key, presence);
        if (node == null) return null;
        if (!node.isTextual() && !node.isIntegralNumber()) {
            add(at(path, key), "must be a date such as 2019-01-14 or 108/01/14, was " + describe(node));
            return null;
        }
        try {
            return RocDates.parse(node.asText());
        } catch (IllegalArgumentException e) {
            add(at(path, key), e.getMessage());
            return null;
        }
    }

    private static final BigDecimal MAX_DAYS = BigDecimal.valueOf(36_500);

    /** An amount of money: a whole number of TWD, 0 or more. */
    BigDecimal amount(ObjectNode parent, String path, String key, Presence presence) {
        return decimal(parent, path, key, presence, v -> v.signum() >= 0 && v.scale() <= 0, "a whole amount ≥ 0");
    }

    /** A number 0 or more, decimals allowed (a rate). */
    BigDecimal number(ObjectNode parent, String path, String key, Presence presence) {
        return decimal(parent, path, key, presence, v -> v.signum() >= 0, "a number ≥ 0");
    }

    /** A percentage from 0 to 100, decimals allowed. */
    BigDecimal percent(ObjectNode parent, String path, String key, Presence presence) {
        return decimal(parent, path, key, presence, v -> v.signum() >= 0 && v.compareTo(HUNDRED) <= 0,
                "a number from 0 to 100");
    }

    /** A whole number of days from 0 to 36,500 (a hundred years: no contract period is longer). */
    Integer days(ObjectNode parent, String path, String key, Presence presence) {
        BigDecimal value = decimal(parent, path, key, presence,
                v -> v.signum() >= 0 && v.scale() <= 0 && v.compareTo(MAX_DAYS) <= 0, "a whole number of days from 0 to 36500");
        return value == null ? null : value.intValueExact();
    }

    /** A number that must pass {@code valid}; otherwise a violation saying it must be {@code expected}. */
    private BigDecimal decimal(ObjectNode parent, String path, String key, Presence presence,
                               java.util.function.Predicate<BigDecimal> valid, String expected) {
        JsonNode node = value(parent, path, key, presence);
        if (node == null) return null;
        BigDecimal value = decimal(node);
        if (value == null || !valid.test(value)) {
            add(at(path, key), "must be " + expected + ", was " + describe(node) + hint(node));
            return null;
        }
        return value;
    }

    /** A whole number (the format). */
    Integer integer(ObjectNode parent, String path, String key, Presence presence) {
        JsonNode node = value(parent, path, key, presence);
        if (node == null) return null;
        BigDecimal value = decimal(node);
        if (value == null || value.scale() > 0 || value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            add(at(path, key), "must be a whole number, was " + describe(node));
            return null;
        }
        return value.intValueExact();
    }

    Boolean bool(ObjectNode parent, String path, String key, Presence presence) {
        JsonNode node = value(parent, path, key, presence);
        if (node == null) return null;
        if (!node.isBoolean()) {
            add(at(path, key), "must be true or false, was " + describe(node));
            return null;
        }
        return node.booleanValue();
    }

    /** One of the constants of an enum, written exactly as declared. */
    <E extends Enum<E>> E choice(ObjectNode parent, String path, String key, Class<E> type, Presence presence) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) names.add(constant.name());
        String name = choice(parent, path, key, names, presence);
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** One of the given words, written exactly. */
    String choice(ObjectNode parent, String path, String key, List<String> allowed, Presence presence) {
        JsonNode node = value(parent, path, key, presence);
        if (node == null) return null;
        if (node.isTextual() && allowed.contains(node.asText())) return node.asText();
        add(at(path, key), "must be one of " + String.join(", ", allowed) + ", was " + describe(node));
        return null;
    }

    /** The number of a numeric node, without trailing zeros and with scale 0 or more; null if not a number. */
    private static BigDecimal decimal(JsonNode node) {
        if (!node.isNumber()) return null;
        try {
            BigDecimal value = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
            return canonical(value);
        } catch (NumberFormatException notFinite) {
            return null;
        }
    }

    /** {@code 4.0} → {@code 4}, {@code 1E+1} → {@code 10}: one form for every value, so that equal files compare equal. */
    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String hint(JsonNode node) {
        if (!node.isTextual()) return "";
        String text = node.asText().strip();
        if (QUOTED_NUMBER.matcher(text).matches()) return " (write the number without quotes)";
        if (GROUPED_NUMBER.matcher(text).matches())
            return " (write the number without separators: " + text.replace(",", "") + ")";
        return "";
    }

    /** How a value reads in a message: text in quotes, numbers and booleans as written. */
    static String describe(JsonNode node) {
        if (node.isTextual()) return "\"" + node.asText() + "\"";
        if (node.isObject()) return "a mapping";
        if (node.isArray()) return "a list";
        return node.asText();
    }

    /** Levenshtein distance, for "did you mean". */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
