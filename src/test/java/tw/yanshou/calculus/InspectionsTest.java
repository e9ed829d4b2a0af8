package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tw.yanshou.calculus.ChecklistItem.Kind;
import tw.yanshou.calculus.InspectionRecord.Result;

/** Judging each checklist item against its requirement; the limits worked out beside each row. */
class InspectionsTest {

    private static final ChecklistItem MAIN = ChecklistItem.measure("W_MAIN", "主櫃寬度", "600", "10", "mm");
    private static final ChecklistItem DEPTH = new ChecklistItem("DEPTH", null, Kind.MEASURE, null, null,
            new BigDecimal("450.5"), new BigDecimal("460"), "mm", null, null, null);
    private static final ChecklistItem FLOOR = new ChecklistItem("LOAD", null, Kind.MEASURE, null, null,
            new BigDecimal("5"), null, "kg", null, null, null);
    private static final ChecklistItem LOCK = new ChecklistItem("LOCK", "門鎖", Kind.PASS_FAIL, null, null, null, null,
            null, null, "規範 3.2.1", null);
    private static final ChecklistItem COLOUR = new ChecklistItem("COLOUR", "顏色", Kind.CHOICE, null, null, null, null,
            null, List.of("銀灰", "白"), null, null);
    private static final List<ChecklistItem> CHECKLIST = List.of(MAIN, DEPTH, FLOOR, LOCK, COLOUR);

    static Stream<Arguments> results() {
        return Stream.of(
                // 600 ± 10 → 590 … 610, both included
                Arguments.of(Result.measured("W_MAIN", "590"), true),
                Arguments.of(Result.measured("W_MAIN", "610"), true),
                Arguments.of(Result.measured("W_MAIN", "610.01"), false),
                Arguments.of(Result.measured("W_MAIN", "589.9"), false),
                Arguments.of(Result.measured("W_MAIN", "612"), false),
                // min 450.5, max 460
                Arguments.of(Result.measured("DEPTH", "450.5"), true),
                Arguments.of(Result.measured("DEPTH", "450.4"), false),
                Arguments.of(Result.measured("DEPTH", "460"), true),
                // min 5, no max
                Arguments.of(Result.measured("LOAD", "1000"), true),
                Arguments.of(Result.measured("LOAD", "4.99"), false),
                Arguments.of(Result.verdict("LOCK", "PASS"), true),
                Arguments.of(Result.verdict("LOCK", "FAIL"), false),
                Arguments.of(Result.verdict("COLOUR", "白"), true),
                Arguments.of(Result.verdict("COLOUR", "黑"), false));
    }

    @ParameterizedTest(name = "{0} passes: {1}")
    @MethodSource("results")
    void judgesEachItemAgainstItsRequirement(Result result, boolean passes) {
        Inspections.Judgement j = Inspections.judge(CHECKLIST, List.of(result));

        assertThat(j.problems()).isEmpty();
        assertThat(j.items()).singleElement().extracting(Inspections.Judged::passed).isEqualTo(passes);
        assertThat(j.proposal()).isEqualTo(passes ? Inspections.Proposal.ACCEPTED : Inspections.Proposal.FAILED);
    }

    @Test
    void proposesFailedWithTheFailedItemsAndListsWhatWasNotInspected() {
        Inspections.Judgement j = Inspections.judge(CHECKLIST, List.of(Result.measured("W_MAIN", "612"),
                Result.verdict("LOCK", "PASS"), Result.verdict("COLOUR", "黑")));

        assertThat(j.proposal()).isEqualTo(Inspections.Proposal.FAILED);
        assertThat(j.failedItems()).containsExactly("W_MAIN", "COLOUR");
        assertThat(j.failed().get(0).requirement()).isEqualTo("600 ± 10 mm");
        assertThat(j.failed().get(0).found()).isEqualTo("612 mm");
        assertThat(j.notInspected()).containsExactly("DEPTH", "LOAD");
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of(Result.measured("W_NOPE", "600"), "item", "no checklist item W_NOPE"),
                Arguments.of(Result.verdict("W_MAIN", "PASS"), "verdict", "is a measure: give its value"),
                Arguments.of(Result.measured("LOCK", "1"), "value", "is not a measure: give its verdict (PASS or FAIL)"),
                Arguments.of(Result.verdict("LOCK", "OK"), "verdict", "must be PASS or FAIL, was \"OK\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void refusesResultsItCannotJudge(Result result, String field, String message) {
        Inspections.Judgement j = Inspections.judge(CHECKLIST, List.of(result));

        assertThat(j.items()).isEmpty();
        assertThat(j.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains(message);
        });
    }
}
