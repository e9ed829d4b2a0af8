package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tw.yanshou.calculus.ChecklistItem.Kind;
import tw.yanshou.calculus.ChecklistItem.Part;

/** The tolerance-stacking check, figures computed by hand beside each row. */
class ToleranceStackTest {

    private static ChecklistItem m(String id, String nominal, String tol, Part... parts) {
        return ChecklistItem.measure(id, null, nominal, tol, "mm", parts);
    }

    private static ChecklistItem limits(String id, String min, String max, Part... parts) {
        return new ChecklistItem(id, null, Kind.MEASURE, null, null, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), "mm", null, null, List.of(parts));
    }

    /** The court case: main 600 ± 10, B and C 490 ± 20 each, two of each, against 2560 ± 20 (採購規範第19、22頁). */
    static List<ChecklistItem> courtCase() {
        return List.of(m("W_MAIN", "600", "10"), m("W_B", "490", "20"), m("W_C", "490", "20"),
                m("W_ALL", "2560", "20", new Part("W_MAIN", 1), new Part("W_B", 2), new Part("W_C", 2)));
    }

    static Stream<Arguments> stacks() {
        return Stream.of(
                // nominal 600 + 2×490 + 2×490 = 2560; worst 10 + 2×20 + 2×20 = 90; limits 590 + 4×470 = 2470, 610 + 4×510 = 2650;
                // RSS √(10² + 4×20²) = √1700 = 41.231…
                Arguments.of("court case", courtCase(), "2560", "2470", "2650", "90", "41.2"),
                // 3 × 100 ± 1 against 300 ± 5: nominal 300; worst 3; limits 297 – 303; RSS √(3 × 1²) = √3 = 1.732…
                Arguments.of("fits", List.of(m("P", "100", "1"), m("A", "300", "5", new Part("P", 3))),
                        "300", "297", "303", "3", "1.7"),
                // part 99 – 101 (middle 100, ±1) twice, against 190 – 210: nominal 200; limits 198 – 202; worst 2; RSS √(2 × 1²) = 1.414…
                Arguments.of("limits", List.of(limits("P", "99", "101"), limits("A", "190", "210", new Part("P", 2))),
                        "200", "198", "202", "2", "1.4"),
                // 0.5 ± 0.05 ten times against 5 ± 0.2: worst 10 × 0.05 = 0.5; limits 4.5 – 5.5; RSS √(10 × 0.0025) = √0.025 = 0.158…
                Arguments.of("decimals", List.of(m("S", "0.5", "0.05"), m("A", "5", "0.2", new Part("S", 10))),
                        "5", "4.5", "5.5", "0.5", "0.2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void addsUpThePartsByHand(String name, List<ChecklistItem> checklist, String nominal, String lower, String upper,
                              String worst, String rss) {
        Map<String, ChecklistItem> byId = checklist.stream().collect(Collectors.toMap(ChecklistItem::id, Function.identity()));
        ToleranceStack.Stack s = ToleranceStack.stack(checklist.get(checklist.size() - 1), byId);

        assertThat(s.nominalSum()).isEqualByComparingTo(nominal);
        assertThat(s.lowerSum()).isEqualByComparingTo(lower);
        assertThat(s.upperSum()).isEqualByComparingTo(upper);
        assertThat(s.worstCase()).isEqualByComparingTo(worst);
        assertThat(s.rootSumSquare().setScale(1, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo(rss);
    }

    @Test
    void theCourtCasesWidthsAreFlaggedNamingTheItems() {
        List<ToleranceStack.Warning> warnings = ToleranceStack.check(courtCase(), "milestones[0].checklist");

        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("milestones[0].checklist[3]");
            assertThat(w.message()).contains("W_ALL = W_MAIN + 2 × W_B + 2 × W_C")
                    .contains("worst case 10 + 4 × 20 = ±90 mm (2470 – 2650 mm)")
                    .contains("root-sum-square √(10² + 4 × 20²) ≈ ±41.2 mm")
                    .contains("against W_ALL 2560 ± 20 mm (2540 – 2580 mm)");
        });
    }

    static Stream<Arguments> warnings() {
        return Stream.of(
                // 3 × (100 ± 1) = 300 ± 3 within 300 ± 5: no warning
                Arguments.of("parts that fit", List.of(m("P", "100", "1"), m("A", "300", "5", new Part("P", 3))), List.of()),
                // 3 × (100 ± 1) = 300 ± 3 against 300 ± 3: the limits meet, no warning (limits are included)
                Arguments.of("parts that just fit", List.of(m("P", "100", "1"), m("A", "300", "3", new Part("P", 3))), List.of()),
                // 2 × 100 = 200, not 210; 198 – 202 lies within 205 – 215? no: 198 < 205, so the tolerance warning too
                Arguments.of("nominal off", List.of(m("P", "100", "1"), m("A", "210", "5", new Part("P", 2))),
                        List.of("add up to 2 × 100 = 200 mm, not 210 mm", "can add up beyond its own")),
                // 2 × (100 ± 1) = 200 ± 2 against 201 ± 5 (196 – 206): nominal off by 1, limits inside: only the nominal warning
                Arguments.of("nominal off within the tolerance", List.of(m("P", "100", "1"), m("A", "201", "5", new Part("P", 2))),
                        List.of("add up to 2 × 100 = 200 mm, not 201 mm")),
                // a pass/fail item and a measure without parts are not assemblies
                Arguments.of("no assembly", List.of(m("P", "100", "1"),
                        new ChecklistItem("OK", null, Kind.PASS_FAIL, null, null, null, null, null, null, null, null)), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void warnsOnlyWhenThePartsCannotFit(String name, List<ChecklistItem> checklist, List<String> expected) {
        List<String> messages = ToleranceStack.check(checklist, "c").stream().map(ToleranceStack.Warning::message).toList();

        assertThat(messages).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) assertThat(messages.get(i)).contains(expected.get(i));
    }
}
