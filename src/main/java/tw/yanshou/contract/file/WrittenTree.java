package tw.yanshou.contract.file;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Builds the tree of a YAML or JSON text from the parser's tokens, keeping numbers as written: a scalar the YAML
 * parser takes for a number is a number node only when it is written as plain decimal digits ({@code 9390000},
 * {@code 4.5}, {@code 9.39e6}); every other form YAML 1.1 reads as a number — a leading zero ({@code 03614260}, octal),
 * hex ({@code 0xF1B30}), {@code _} separators, sexagesimal ({@code 1:30}), {@code .inf}, {@code .nan}, a sign {@code +}
 * — stays as its text, in a {@link WrittenNumber}, so that no field ever gets a reinterpreted value: an amount
 * refuses it, a date or text field reads the text as written ({@code 0771231} is 民國77年12月31日).
 */
final class WrittenTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Plain decimal digits, with an optional fraction and exponent, and no leading zero (but {@code 0} and {@code 0.5}). */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]{1,9})?");
    private static final Pattern PLAIN_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private WrittenTree() { }

    /** A number written in a form other than plain decimal digits; its text as written. */
    static final class WrittenNumber extends TextNode {
        private static final long serialVersionUID = 1L;

        WrittenNumber(String text) { super(text); }
    }

    /** The next value of the parser (which is at its first token, or before it) as a tree; null at the end. */
    static JsonNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken() == null ? parser.nextToken() : parser.currentToken();
        if (token == null) return null;
        return value(parser, token);
    }

    private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    if (t != JsonToken.FIELD_NAME) throw new JsonParseException(p, "expected a field name, was " + t);
                    String name = p.currentName();
                    JsonNode v = value(p, p.nextToken());
                    if (object.has(name)) throw new JsonParseException(p, "duplicate field \"" + name + "\"");
                    object.set(name, v);
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) array.add(value(p, t));
                return array;
            }
            case VALUE_STRING -> { return NODES.textNode(p.getText()); }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> { return number(p.getText()); }
            case VALUE_TRUE -> { return NODES.booleanNode(true); }
            case VALUE_FALSE -> { return NODES.booleanNode(false); }
            case VALUE_NULL -> { return NODES.nullNode(); }
            case VALUE_EMBEDDED_OBJECT -> { return NODES.textNode(p.getText()); }
            default -> throw new JsonParseException(p, "unexpected " + token);
        }
    }

    /**
     * A number node for plain decimal digits, else the text as written. Making the {@link BigDecimal} of the text is
     * cheap whatever its exponent ({@code 1e10000000} is the digit 1 and a scale); nothing here scales it.
     */
    private static JsonNode number(String text) {
        String t = text.strip();
        if (PLAIN_INTEGER.matcher(t).matches()) return NODES.numberNode(new BigInteger(t));
        if (PLAIN_DECIMAL.matcher(t).matches()) {
            try {
                return NODES.numberNode(new BigDecimal(t));
            } catch (NumberFormatException | ArithmeticException outOfRange) {
                return new WrittenNumber(text);
            }
        }
        return new WrittenNumber(text);
    }
}
