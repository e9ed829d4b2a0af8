package tw.yanshou.contract.file;

import java.math.BigDecimal;
import java.text.Normalizer;
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

    /**
     * What a text is, and so how long it may be and which characters it may hold. Every text is NFC-normalised and
     * may hold no control character (notes: except tab and line breaks) and no unpaired surrogate; identifiers are
     * trimmed and hold no bidi control or zero-width character. The lengths agree with the database's columns
     * ({@code StorageLimits}): case numbers, ids and milestone ids 100, item codes and kinds 50.
     */
    enum Text {
        /** A case number, vendor id, milestone id, calendar id. */
        ID(100, true, false),
        /** An item code or a linked contract's kind. */
        CODE(50, true, false),
        /** A name, title, agency, site, ground. */
        NAME(500, false, false),
        /** A note or reason: tab and line breaks allowed. */
        NOTE(2_000, false, true);

        final int maxLength;
        final boolean identifier;
        final boolean lines;

        Text(int maxLength, boolean identifier, boolean lines) {
            this.maxLength = maxLength;
            this.identifier = identifier;
            this.lines = lines;
        }
    }

    /**
     * The range of a number, checked on its digits before any arithmetic: at most {@code integerDigits} digits before
     * the point and {@code decimals} after it (so {@code 1e10000000} is refused without ever being scaled), then
     * {@code min} (exclusive when {@code minExclusive}) to {@code max}.
     */
    record Range(int integerDigits, int decimals, BigDecimal min, boolean minExclusive, BigDecimal max, String expected) {
        boolean allows(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            long integer = (long) stripped.precision() - stripped.scale();
            if (integer > integerDigits || Math.max(0, stripped.scale()) > decimals) return false;
            int low = stripped.compareTo(min);
            return (minExclusive ? low > 0 : low >= 0) && stripped.compareTo(max) <= 0;
        }
    }

    static final Range AMOUNT = new Range(15, 0, BigDecimal.ZERO, false, new BigDecimal("999999999999999"),
            "a whole amount ≥ 0 of at most 15 digits");
    static final Range RATE = new Range(4, 4, BigDecimal.ZERO, true, BigDecimal.valueOf(1000),
            "a rate above 0 and at most 1000 (‰), with at most 4 decimals");
    static final Range PERCENT = new Range(3, 2, BigDecimal.ZERO, false, BigDecimal.valueOf(100),
            "a number from 0 to 100 with at most 2 decimals");
    static final Range DAYS = new Range(5, 0, BigDecimal.ZERO, false, BigDecimal.valueOf(36_500),
            "a whole number of days from 0 to 36500");
    static final Range MEASURE = new Range(12, 6, new BigDecimal("-999999999999"), false, new BigDecimal("999999999999"),
            "a number of at most 12 digits before the point and 6 after it");
    static final Range TOLERANCE = new Range(12, 6, BigDecimal.ZERO, false, new BigDecimal("999999999999"),
            "a number ≥ 0 of at most 12 digits before the point and 6 after it");
    static final Range COUNT = new Range(5, 0, BigDecimal.ONE, false, BigDecimal.valueOf(10_000),
            "a whole number from 1 to 10000");
    static final Range WHOLE = new Range(9, 0, BigDecimal.valueOf(-999_999_999), false, BigDecimal.valueOf(999_999_999),
            "a whole number");

    private static final Pattern QUOTED_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** Text YAML 1.1 reads as a number though Jackson gives it as text: sexagesimal, infinity, not-a-number. */
    private static final Pattern YAML11_NUMBER =
            Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
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

    /** Text; numbers are read as written, blank optional text as absent. */
    String text(ObjectNode parent, String path, String key, Presence presence, Text kind) {
        JsonNode node = value(parent, path, key, presence);
        if (node == null) return null;
        String text = text(node, at(path, key), kind);
        if (text != null && text.isBlank()) {
            if (presence == Presence.REQUIRED) add(at(path, key), "must not be empty");
            return null;
        }
        return text;
    }

    /** The text of a node as {@link Text} says, or null (reported). */
    String text(JsonNode node, String path, Text kind) {
        if (!node.isTextual() && !node.isNumber()) {
            add(path, "must be text, was " + describe(node));
            return null;
        }
        String raw = node.asText();
        if (raw.length() > 4 * kind.maxLength + 64) {
            add(path, "must be at most " + kind.maxLength + " characters, was " + raw.length());
            return null;
        }
        String problem = characterProblem(raw, kind);
        if (problem != null) {
            add(path, problem);
            return null;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (kind.identifier) text = text.strip();
        if (text.length() > kind.maxLength) {
            add(path, "must be at most " + kind.maxLength + " characters, was " + text.length());
            return null;
        }
        return text;
    }

    /** What is wrong with the characters of a text, or null (the one check, {@link tw.yanshou.web.Texts}; and invisible ones in identifiers). */
    private static String characterProblem(String text, Text kind) {
        String problem = tw.yanshou.web.Texts.characterProblem(text, kind.lines);
        if (problem != null || !kind.identifier) return problem;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (invisible(c))
                return "holds the invisible character U+" + hex(c) + " at character " + (i + 1)
                        + " (a bidi control or zero-width character); an identifier is written in visible characters only";
        }
        return null;
    }

    /** Bidi controls and zero-width characters: they make two identifiers look alike. */
    private static boolean invisible(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
    }

    private static String hex(char c) { return String.format("%04X", (int) c); }

    /** A list of item codes, each entry checked. */
    List<String> codes(ObjectNode parent, String path, String key, Presence presence) {
        ArrayNode list = list(parent, path, key, presence);
        if (list == null) return null;
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String code = text(list.get(i), at(at(path, key), i), Text.CODE);
            codes.add(code == null ? at(at(path, key), i) : code);
        }
        return codes;
    }

    /** The key identifiers are compared by for uniqueness: regardless of letter case. */
    static String caseless(String identifier) {
        return identifier.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A date in ISO form or one of the ROC forms {@link RocDates#parse} reads, from its text as written (an unquoted
     * {@code 0771231} is 民國77年12月31日, not an octal number).
     */
    LocalDate date(ObjectNode parent, String path, String key, Presence presence) {
        JsonNode node = value(parent, path, key, presence);
        if (node == null) return null;
        if ((!node.isTextual() && !node.isIntegralNumber()) || node.asText().length() > 40) {
            add(at(path, key), "must be a date such as 2019-01-14 or 108/01/14, was " + describe(node));
            return null;
        }
        LocalDate date;
        try {
            date = RocDates.parse(node.asText());
        } catch (IllegalArgumentException e) {
            add(at(path, key), e.getMessage());
            return null;
        }
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            add(at(path, key), "must be a date from " + EARLIEST_DATE + " (民國元年) to " + LATEST_DATE + ", was " + date);
            return null;
        }
        return date;
    }

    /** The dates a procurement contract can carry: from 民國元年 to far beyond any contract's life. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1912, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    /** An amount of money: a whole number of TWD from 0 to 999,999,999,999,999 (the database's numeric(15,0)). */
    BigDecimal amount(ObjectNode parent, String path, String key, Presence presence) {
        return decimal(parent, path, key, presence, AMOUNT);
    }

    /** A penalty rate per mille: above 0, at most 1000, at most 4 decimals. */
    BigDecimal rate(ObjectNode parent, String path, String key, Presence presence) {
        return decimal(parent, path, key, presence, RATE);
    }

    /** A percentage from 0 to 100, at most 2 decimals. */
    BigDecimal percent(ObjectNode parent, String path, String key, Presence presence) {
        return decimal(parent, path, key, presence, PERCENT);
    }

    /** A whole number of days from 0 to 36,500 (a hundred years: no contract period is longer). */
    Integer days(ObjectNode parent, String path, String key, Presence presence) {
        BigDecimal value = decimal(parent, path, key, presence, DAYS);
        return value == null ? null : value.intValueExact();
    }

    /**
     * A number within {@code range}, checked on its digits before anything is computed with it; otherwise a
     * violation saying what it must be.
     */
    private BigDecimal decimal(ObjectNode parent, String path, String key, Presence presence, Range range) {
        JsonNode node = value(parent, path, key, presence);
        if (node == null) return null;
        BigDecimal value = decimal(node);
        if (value == null || !range.allows(value)) {
            add(at(path, key), "must be " + range.expected() + ", was " + describe(node) + hint(node, range));
            return null;
        }
        return canonical(value);
    }

    /** A measured or specified value (a checklist's nominal, limits, a measured value): decimals allowed. */
    BigDecimal measure(ObjectNode parent, String path, String key, Presence presence) {
        return decimal(parent, path, key, presence, MEASURE);
    }

    /** A tolerance: ≥ 0, decimals allowed. */
    BigDecimal tolerance(ObjectNode parent, String path, String key, Presence presence) {
        return decimal(parent, path, key, presence, TOLERANCE);
    }

    /** How many times a part counts in an assembly: 1 to 10,000. */
    Integer count(ObjectNode parent, String path, String key, Presence presence) {
        BigDecimal value = decimal(parent, path, key, presence, COUNT);
        return value == null ? null : value.intValueExact();
    }

    /** A list of texts of one kind, each entry checked; wrong entries are left out (and reported). */
    List<String> texts(ObjectNode parent, String path, String key, Presence presence, Text kind) {
        ArrayNode list = list(parent, path, key, presence);
        if (list == null) return null;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String text = text(list.get(i), at(at(path, key), i), kind);
            if (text != null && text.isBlank()) add(at(at(path, key), i), "must not be empty");
            else if (text != null) texts.add(text);
        }
        return texts;
    }

    /** A whole number (the format). */
    Integer integer(ObjectNode parent, String path, String key, Presence presence) {
        BigDecimal value = decimal(parent, path, key, presence, WHOLE);
        return value == null ? null : value.intValueExact();
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

    /** The number of a numeric node as it was written, not yet scaled; null if not a number. */
    private static BigDecimal decimal(JsonNode node) {
        if (!node.isNumber()) return null;
        try {
            return node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        } catch (NumberFormatException notFinite) {
            return null;
        }
    }

    /** {@code 4.0} → {@code 4}, {@code 1E+1} → {@code 10}: one form for every value, so that equal files compare equal. */
    static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String hint(JsonNode node, Range range) {
        if (node instanceof WrittenTree.WrittenNumber) {
            String what = range == AMOUNT ? "amounts" : "numbers";
            return " (write " + what + " as plain decimal digits; YAML 1.1 would read " + node.asText() + " as "
                    + yamlReading(node.asText()) + ")";
        }
        if (!node.isTextual()) return "";
        String text = node.asText().strip();
        if (YAML11_NUMBER.matcher(text).matches())
            return " (write " + (range == AMOUNT ? "amounts" : "numbers") + " as plain decimal digits; YAML 1.1 would read "
                    + text + " as " + yamlReading(text) + ")";
        if (QUOTED_NUMBER.matcher(text).matches()) return " (write the number without quotes)";
        if (GROUPED_NUMBER.matcher(text).matches())
            return " (write the number without separators: " + text.replace(",", "") + ")";
        return "";
    }

    /** What YAML 1.1 makes of a number that is not written in plain decimal digits. */
    private static String yamlReading(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("0x") || t.startsWith("-0x") || t.startsWith("+0x")) return "a hexadecimal number";
        if (t.contains(":")) return "a sexagesimal (base 60) number";
        if (t.contains("inf") || t.contains("nan")) return "a value that is not a number";
        if (t.contains("_")) return "a number with separators";
        if (t.matches("[-+]?0[0-7]+|[-+]?0o[0-7]+")) return "an octal number";
        if (t.startsWith("+")) return "a number with a sign";
        return "a number in another form";
    }

    /** How a value reads in a message: text in quotes, numbers and booleans as written. */
    static String describe(JsonNode node) {
        if (node instanceof WrittenTree.WrittenNumber) return shorten(node.asText());
        if (node.isTextual()) return "\"" + shorten(node.asText()) + "\"";
        if (node.isObject()) return "a mapping";
        if (node.isArray()) return "a list";
        return node.asText();
    }

    /** A value in a message: at most 60 characters of it. */
    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
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
