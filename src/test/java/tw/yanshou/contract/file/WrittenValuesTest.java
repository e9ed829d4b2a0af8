package tw.yanshou.contract.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static tw.yanshou.contract.file.ContractFiles.READER;
import static tw.yanshou.contract.file.ContractFiles.WRITER;
import static tw.yanshou.contract.file.ContractFiles.small;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Violation;

/**
 * Numbers and text as written, and cheap refusals (issue 11, items 1 and 2): YAML 1.1 number forms are refused,
 * never reinterpreted; numbers are range-checked on their digits before anything is computed with them; text is
 * NFC-normalised, free of control characters, and identifiers of invisible ones, trimmed and unique regardless of
 * case; every text has a length bound; the parsers have size and nesting limits.
 */
class WrittenValuesTest {

    private static List<Violation> violationsOf(String text) {
        InvalidContractException e = catchThrowableOfType(InvalidContractException.class, () -> READER.read(text));
        assertThat(e).as("the file is refused").isNotNull();
        return e.violations();
    }

    private static Violation violationAt(String text, String path) {
        return violationsOf(text).stream().filter(v -> v.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no violation at " + path + ": " + violationsOf(text)));
    }

    private static List<Violation> eventViolations(String text) {
        InvalidContractException e = catchThrowableOfType(InvalidContractException.class, () -> READER.readEvent(text));
        assertThat(e).as("the event is refused").isNotNull();
        return e.violations();
    }

    // ---- numbers as written ------------------------------------------------------------------------------------

    /** The software item's amount of {@link ContractFiles#SMALL} written in block style, as the value given. */
    private static String amount(String written) {
        return small("    - { code: SW, name: \"Software\", amount: 200000 }\n",
                "    - code: SW\n      name: \"Software\"\n      amount: " + written + "\n");
    }

    static Stream<Arguments> yamlNumberForms() {
        String digits = "must be a whole amount ≥ 0 of at most 15 digits, was %s (write amounts as plain decimal digits; "
                + "YAML 1.1 would read %s as %s)";
        return Stream.of(
                Arguments.of("03614260", digits.formatted("03614260", "03614260", "an octal number")),
                Arguments.of("0xF1B30", digits.formatted("0xF1B30", "0xF1B30", "a hexadecimal number")),
                Arguments.of("0o17", "must be a whole amount ≥ 0 of at most 15 digits, was \"0o17\""), // text in YAML 1.1
                Arguments.of("990_000", digits.formatted("990_000", "990_000", "a number with separators")),
                Arguments.of("1:30", digits.formatted("\"1:30\"", "1:30", "a sexagesimal (base 60) number")),
                Arguments.of(".inf", digits.formatted(".inf", ".inf", "a value that is not a number")),
                Arguments.of(".nan", digits.formatted(".nan", ".nan", "a value that is not a number")),
                Arguments.of("+5", digits.formatted("+5", "+5", "a number with a sign")));
    }

    @ParameterizedTest(name = "amount: {0}")
    @MethodSource("yamlNumberForms")
    void refusesYamlNumberFormsOtherThanPlainDigits(String written, String message) {
        Violation v = violationAt(amount(written), "contract.items[1].amount");
        assertThat(v.message()).isEqualTo(message);
        assertThat(v.kind()).isEqualTo(Violation.Kind.INVALID);
    }

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("amount: 1e10000000", "amount: 200000", "contract.items[1].amount",
                        "must be a whole amount ≥ 0 of at most 15 digits, was 1E+10000000"),
                Arguments.of("amount: 1000000000000000 (16 digits)", "amount: 200000", "contract.items[1].amount",
                        "must be a whole amount ≥ 0 of at most 15 digits, was 1000000000000000"),
                Arguments.of("amount: 1e30", "amount: 200000", "contract.items[1].amount",
                        "must be a whole amount ≥ 0 of at most 15 digits, was 1E+30"),
                Arguments.of("amount: 0.5", "amount: 200000", "contract.items[1].amount",
                        "must be a whole amount ≥ 0 of at most 15 digits, was 0.5"),
                Arguments.of("ratePerMille: 1e30", "ratePerMille: 1", "terms.penalty.ratePerMille",
                        "must be a rate above 0 and at most 1000 (‰), with at most 4 decimals, was 1E+30"),
                Arguments.of("ratePerMille: 1e-30", "ratePerMille: 1", "terms.penalty.ratePerMille",
                        "must be a rate above 0 and at most 1000 (‰), with at most 4 decimals, was 1E-30"),
                Arguments.of("ratePerMille: 0", "ratePerMille: 1", "terms.penalty.ratePerMille",
                        "must be a rate above 0 and at most 1000 (‰), with at most 4 decimals, was 0"),
                Arguments.of("ratePerMille: 1.23456", "ratePerMille: 1", "terms.penalty.ratePerMille",
                        "must be a rate above 0 and at most 1000 (‰), with at most 4 decimals, was 1.23456"),
                Arguments.of("ratePerMille: 1000.5", "ratePerMille: 1", "terms.penalty.ratePerMille",
                        "must be a rate above 0 and at most 1000 (‰), with at most 4 decimals, was 1000.5"),
                Arguments.of("capPercent: 100.5", "capPercent: 20", "terms.penalty.capPercent",
                        "must be a number from 0 to 100 with at most 2 decimals, was 100.5"),
                Arguments.of("capPercent: 33.333", "capPercent: 20", "terms.penalty.capPercent",
                        "must be a number from 0 to 100 with at most 2 decimals, was 33.333"),
                Arguments.of("days: 36501", "days: 30", "milestones[0].due.days",
                        "must be a whole number of days from 0 to 36500, was 36501"),
                Arguments.of("days: 1e10000000", "days: 30", "milestones[0].due.days",
                        "must be a whole number of days from 0 to 36500, was 1E+10000000"),
                Arguments.of("format: 1e100000000", "format: 1", "format", "must be a whole number, was 1E+100000000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void checksTheRangeOfANumberOnItsDigitsBeforeComputing(String written, String target, String path, String message) {
        String value = written.replaceAll(" \\(.*\\)$", "");
        assertThat(violationAt(small(target, value), path).message()).isEqualTo(message);
    }

    static Stream<Arguments> acceptedNumbers() {
        return Stream.of(
                Arguments.of("999999999999999", "999999999999999"),
                Arguments.of("9.39e6", "9390000"),
                Arguments.of("9390000.0", "9390000"),
                Arguments.of("0", "0"));
    }

    @ParameterizedTest(name = "amount: {0}")
    @MethodSource("acceptedNumbers")
    void takesPlainDigitsAndASmallExponent(String written, String value) {
        BigDecimal amount = READER.read(amount(written)).contract().items().get(1).amount();
        assertThat(amount).isEqualByComparingTo(value);
        assertThat(amount.scale()).isZero();
    }

    @Test
    void takesRatesAndPercentsAtTheirBounds() {
        ContractFile file = READER.read(small("penalty: { ratePerMille: 1, capPercent: 20 }",
                "penalty: { ratePerMille: 0.0001, capPercent: 99.99, terminationRightAtPercent: 100 }"));
        assertThat(file.contract().terms().penalty().ratePerMille()).isEqualByComparingTo("0.0001");
        assertThat(file.contract().terms().penalty().capPercent()).isEqualByComparingTo("99.99");
    }

    /** The exact body of issue 11: refused as a violation, and the number is never scaled (it would take seconds). */
    @Test
    void refusesTheHugeExponentOfASingleEvent() {
        String body = "{\"date\":\"2026-12-01\",\"type\":\"MEDIATION_CONCLUDED\",\"outcome\":\"SETTLED\","
                + "\"completionDeadline\":{\"days\":1e10000000}}";
        assertThat(eventViolations(body)).singleElement().hasToString(
                "event.completionDeadline.days: must be a whole number of days from 0 to 36500, was 1E+10000000");
        assertThat(eventViolations(body.replace("1e10000000", "1e100000000"))).singleElement()
                .extracting(Violation::path).isEqualTo("event.completionDeadline.days");
        assertThat(eventViolations("{ date: 2026-12-01, type: MEDIATION_CONCLUDED, outcome: SETTLED, "
                + "completionDeadline: { workingDays: 1e10000000 } }")).singleElement()
                .extracting(Violation::path).isEqualTo("event.completionDeadline.workingDays");
        assertThat(eventViolations("{\"date\":\"2026-12-01\",\"type\":\"AMENDED\",\"items\":[{\"code\":\"A\",\"amount\":1e400}]}"))
                .singleElement().hasToString("event.items[0].amount: must be a whole amount ≥ 0 of at most 15 digits, was 1E+400");
        assertThat(eventViolations("{\"date\":\"2026-12-01\",\"type\":\"AMENDED\",\"items\":[{\"code\":\"A\",\"amount\":"
                + "1000000000000000000000000000000}]}")).singleElement().extracting(Violation::path).isEqualTo("event.items[0].amount");
        MediationConcluded fine = (MediationConcluded) READER.readEvent(body.replace("1e10000000", "6e1"));
        assertThat(fine.completionDeadline().days()).isEqualTo(60);
    }

    static Stream<Arguments> dates() {
        return Stream.of(
                Arguments.of("0771231", "1988-12-31"), // 民國77 = 1988; unquoted, YAML 1.1 would read octal 261785
                Arguments.of("1080102", "2019-01-02"),
                Arguments.of("108/01/02", "2019-01-02"),
                Arguments.of("108年1月2日", "2019-01-02"),
                Arguments.of("2019-01-02", "2019-01-02"));
    }

    @ParameterizedTest(name = "signedOn: {0}")
    @MethodSource("dates")
    void readsDatesFromTheirText(String written, String date) {
        ContractFile file = READER.read(small("signedOn: 2019-01-02", "signedOn: " + written));
        assertThat(file.contract().signedOn()).isEqualTo(LocalDate.parse(date));
    }

    @Test
    void keepsCodesWrittenWithALeadingZeroAsWritten() {
        ContractFile file = READER.read(small("code: SW", "code: 007").replace("items: [SW]", "items: [007]"));
        assertThat(file.contract().items().get(1).code()).isEqualTo("007");
        assertThat(file.contract().milestones().get(1).items()).containsExactly("007");
    }

    /** Amounts written as plain digits read back exactly, and so does the file the writer makes of them. */
    @Test
    void amountsWrittenAsPlainDigitsRoundTripExactly() {
        qt().withExamples(500).forAll(longs().between(0, 999_999_999_999_999L)).checkAssert(value -> {
            ContractFile file = READER.read(amount(Long.toString(value)));
            assertThat(file.contract().items().get(1).amount()).isEqualByComparingTo(BigDecimal.valueOf(value));
            assertThat(READER.read(WRITER.toYaml(file))).isEqualTo(file);
            assertThat(READER.read(WRITER.toJson(file))).isEqualTo(file);
        });
    }

    // ---- text --------------------------------------------------------------------------------------------------

    static Stream<Arguments> badTexts() {
        return Stream.of(
                Arguments.of("a NUL in a note", "type: TENDERED, milestone: DELIVERY }", "type: TENDERED, milestone: DELIVERY, note: \"a\\0b\" }",
                        "events[0].note", "holds the control character U+0000 at character 2; remove it"),
                Arguments.of("an escape character in a title", "title: \"Test contract\"", "title: \"Test\\e contract\"",
                        "contract.title", "holds the control character U+001B at character 5; remove it"),
                Arguments.of("a tab in a name", "name: \"Hardware\"", "name: \"Hard\\tware\"", "contract.items[0].name",
                        "must be one line without tabs (a tab at character 5)"),
                Arguments.of("a right-to-left override in the number", "number: \"T-1\"", "number: \"T-1\\u202E\"",
                        "contract.number", "holds the invisible character U+202E at character 4 (a bidi control or zero-width "
                                + "character); an identifier is written in visible characters only"),
                Arguments.of("a zero-width space in an item code", "code: HW", "code: \"H\\u200BW\"", "contract.items[0].code",
                        "holds the invisible character U+200B at character 2 (a bidi control or zero-width character); an "
                                + "identifier is written in visible characters only"),
                Arguments.of("a byte-order mark in a milestone id", "id: DELIVERY,", "id: \"DELIVERY\\uFEFF\",",
                        "milestones[0].id", "holds the invisible character U+FEFF at character 9"),
                Arguments.of("a vendor id of 101 characters", "id: \"v-1\"", "id: \"" + "v".repeat(101) + "\"",
                        "contract.vendor.id", "must be at most 100 characters, was 101"),
                Arguments.of("a number of 101 characters", "number: \"T-1\"", "number: \"" + "1".repeat(101) + "\"",
                        "contract.number", "must be at most 100 characters, was 101"),
                Arguments.of("an item code of 51 characters", "code: HW", "code: " + "H".repeat(51), "contract.items[0].code",
                        "must be at most 50 characters, was 51"),
                Arguments.of("a title of 501 characters", "title: \"Test contract\"", "title: \"" + "題".repeat(501) + "\"",
                        "contract.title", "must be at most 500 characters, was 501"),
                Arguments.of("a title of 90,000 characters", "title: \"Test contract\"", "title: \"" + "x".repeat(90_000) + "\"",
                        "contract.title", "must be at most 500 characters, was 90000"),
                Arguments.of("a note of 2,001 characters", "type: TENDERED, milestone: DELIVERY }",
                        "type: TENDERED, milestone: DELIVERY, note: \"" + "n".repeat(2_001) + "\" }", "events[0].note",
                        "must be at most 2000 characters, was 2001"),
                Arguments.of("item codes that differ only in case", "code: SW", "code: hw", "contract.items[1].code",
                        "item hw differs from item HW only in letter case; identifiers must differ regardless of case"),
                Arguments.of("milestone ids that differ only in case", "id: SOFTWARE,", "id: delivery,", "milestones[1].id",
                        "milestone delivery differs from milestone DELIVERY only in letter case; identifiers must differ "
                                + "regardless of case"),
                Arguments.of("a linked contract with this number in another case", "penalty: { ratePerMille: 1, capPercent: 20 }",
                        "penalty: { ratePerMille: 1, capPercent: 20 }\n  linkedContracts: [ { number: \"t-1\", kind: M, amount: 1 } ]",
                        "terms.linkedContracts[0].number", "is the number of this contract; a linked contract is another one"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTexts")
    void refusesTextThatIsNotAsItLooks(String problem, String target, String replacement, String path, String message) {
        Violation v = violationAt(small(target, replacement), path);
        assertThat(v.message()).startsWith(message);
    }

    @Test
    void refusesAnUnpairedSurrogateAndANulInASingleEvent() {
        assertThat(eventViolations("{\"date\":\"2019-02-01\",\"type\":\"TENDERED\",\"milestone\":\"M\",\"note\":\"x\\ud800\"}"))
                .singleElement().hasToString("event.note: holds an unpaired surrogate (U+D800 at character 2): the text is not "
                        + "valid Unicode");
        assertThat(eventViolations("{\"date\":\"2019-02-01\",\"type\":\"TENDERED\",\"milestone\":\"M\",\"note\":\"\\u0000\"}"))
                .singleElement().hasToString("event.note: holds the control character U+0000 at character 1; remove it");
        assertThat(eventViolations("{\"date\":\"2019-02-01\",\"type\":\"TENDERED\",\"milestone\":\"M\\u202e\"}"))
                .singleElement().extracting(Violation::path).isEqualTo("event.milestone");
    }

    @Test
    void normalisesTextAndTrimsIdentifiers() {
        ContractFile file = READER.read(small("number: \"T-1\"", "number: \"  T-1 \"")
                .replace("title: \"Test contract\"", "title: \"Cafe\u0301\"")
                .replace("type: TENDERED, milestone: DELIVERY }", "type: TENDERED, milestone: \" DELIVERY\", note: \"line 1\\nline 2\\tend\" }"));
        assertThat(file.number()).isEqualTo("T-1");
        assertThat(file.title()).isEqualTo("Caf\u00e9").hasSize(4);
        ContractEvent.Tendered tender = (ContractEvent.Tendered) file.contract().events().get(0);
        assertThat(tender.milestone()).isEqualTo("DELIVERY");
        assertThat(tender.note()).isEqualTo("line 1\nline 2\tend");
    }

    // ---- parse limits ------------------------------------------------------------------------------------------

    static Stream<Arguments> oversized() {
        String nestedYaml = "format: 1\nx: " + "[".repeat(1_000) + "]".repeat(1_000) + "\n";
        String nestedJson = "{\"format\": 1, \"x\": " + "[".repeat(1_000) + "]".repeat(1_000) + "}";
        return Stream.of(
                Arguments.of("a 3 MB scalar", "format: 1\nx: \"" + "x".repeat(3_000_000) + "\"\n",
                        "the text is longer than the limit of 2000000 characters"),
                Arguments.of("1,000 nested YAML lists", nestedYaml,
                        "the text exceeds a limit of the reader: mappings and lists nest deeper than 20 levels"),
                Arguments.of("1,000 nested JSON lists", nestedJson, "the text exceeds a limit of the reader: mappings and lists nest deeper than 20 levels"),
                Arguments.of("a JSON string of 100,001 characters", "{\"format\": 1, \"x\": \"" + "x".repeat(100_001) + "\"}",
                        "the text exceeds a limit of the reader: a text is longer than 100000 characters"),
                Arguments.of("a JSON number of 101 digits", "{\"format\": 1, \"x\": " + "1".repeat(101) + "}",
                        "the text exceeds a limit of the reader: a number is longer than 100 digits"),
                Arguments.of("1.9 MB of YAML in one long scalar", "format: 1\nx: \"" + "x".repeat(1_900_000) + "\"\n",
                        "line 2 is longer than the limit of 100000 characters; write long YAML over several lines"),
                Arguments.of("1.9 MB of JSON in one string", "{\"format\": 1, \"x\": \"" + "x".repeat(1_900_000) + "\"}",
                        "the text exceeds a limit of the reader: a text is longer than 100000 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversized")
    void refusesTextBeyondTheParsersLimits(String problem, String text, String message) {
        List<Violation> violations = violationsOf(text);
        Violation v = violations.stream().filter(x -> x.path().equals("$") || x.path().equals("x")).findFirst().orElseThrow();
        assertThat(v.message()).startsWith(message);
        if (v.path().equals("$")) assertThat(v.kind()).isEqualTo(Violation.Kind.UNREADABLE);
    }
}
