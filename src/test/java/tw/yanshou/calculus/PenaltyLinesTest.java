package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.yanshou.calculus.Fixtures.CALCULATOR;
import static tw.yanshou.calculus.Fixtures.amount;
import static tw.yanshou.calculus.Fixtures.d;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.Statement.Line;

/**
 * Penalty lines and formulas under both rounding modes ({@link PenaltyLines}, {@link Formulas}). Every expected
 * figure is computed by hand in the row's text.
 */
class PenaltyLinesTest {

    /**
     * Items A 1,223,000 and B 1,000,000 (total 2,223,000), 1.5‰ a day on the contract total, signed 2019-01-01.
     * M1 (A) and M2 (B) due 30 days later on 2019-01-31, M3 (A) due 42 days later on Tuesday 2019-02-12. A is
     * tendered for M1 on 02-05 and for M3 on 02-13, B on 02-14, so the late items are A+B 02-01..02-05 (5 days),
     * B 02-06..02-12 (7), A+B 02-13 (1), B 02-14 (1): four lines of 14 days on one basis.
     */
    private static Contract fourLines(Rounding rounding) {
        Contract c = Fixtures.simple("2019-01-01",
                List.of(new Item("A", "a", amount(1_223_000)), new Item("B", "b", amount(1_000_000))),
                List.of(new Milestone("M1", "m1", List.of("A"), new DueRule.Relative(30, Anchor.SIGNED)),
                        new Milestone("M2", "m2", List.of("B"), new DueRule.Relative(30, Anchor.SIGNED)),
                        new Milestone("M3", "m3", List.of("A"), new DueRule.Relative(42, Anchor.SIGNED))),
                PenaltyBasis.CONTRACT_TOTAL,
                new Tendered(d("2019-02-05"), "M1", null, null), new Tendered(d("2019-02-13"), "M3", null, null),
                new Tendered(d("2019-02-14"), "M2", null, null));
        return Fixtures.withTerms(c, new Terms("TW", null, DeadlineDays.CALENDAR, true,
                new PenaltyTerms(new BigDecimal("1.5"), PenaltyBasis.CONTRACT_TOTAL, null, null, rounding), null));
    }

    static Stream<Arguments> roundings() {
        return Stream.of(
                Arguments.of("FORMULA: 2,223,000 × 1.5‰ = 3,334.5 a day, exact; × 14 = 46,683 (rounded once); "
                                + "the lines carry their exact shares 5 × 3,334.5 = 16,672.5, 7 × = 23,341.5, 3,334.5, 3,334.5",
                        Rounding.FORMULA, List.of("16672.5", "23341.5", "3334.5", "3334.5"),
                        List.of("2,223,000 × 1.5‰ × (5 + 7 + 1 + 1) = 46,683"), 46_683),
                Arguments.of("DAY: 3,334.5 a day → 3,335 first; 3,335 × 14 = 46,690; lines 16,675, 23,345, 3,335, 3,335",
                        Rounding.DAY, List.of("16675", "23345", "3335", "3335"),
                        List.of("2,223,000 × 1.5‰ = 3,335; 3,335 × (5 + 7 + 1 + 1) = 46,690"), 46_690));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundings")
    void roundsWhereTheModeSays(String reason, Rounding rounding, List<String> lineAmounts, List<String> formulas,
                                long penalty) {
        Statement s = CALCULATOR.statement(fourLines(rounding), d("2019-03-31"));
        assertThat(s.lines()).extracting(Line::days).containsExactly(5L, 7L, 1L, 1L);
        assertThat(s.lines()).extracting(Line::lateItems)
                .containsExactly(List.of("A", "B"), List.of("B"), List.of("A", "B"), List.of("B"));
        assertThat(s.lines()).extracting(Line::amount).containsExactlyElementsOf(lineAmounts.stream().map(BigDecimal::new).toList());
        assertThat(s.formulas()).containsExactlyElementsOf(formulas);
        assertThat(s.penaltyBeforeCap()).isEqualByComparingTo(BigDecimal.valueOf(penalty));
        assertThat(s.penalty()).isEqualByComparingTo(BigDecimal.valueOf(penalty));
    }

    static Stream<Arguments> formulas() {
        return Stream.of(
                Arguments.of("one line: 990,000 × 4‰ × 56 = 3,960 × 56 = 221,760 in both modes",
                        List.of(line("2019-01-15", "2019-03-11", 990_000, "4")),
                        List.of("990,000 × 4‰ × 56 = 221,760"), List.of("990,000 × 4‰ = 3,960; 3,960 × 56 = 221,760"), 221_760, 221_760),
                Arguments.of("the court's group: 10,380,000 × 4‰ = 41,520 a day × (28 + 7 + 60 = 95) = 3,944,400; "
                                + "990,000 × 4‰ × 56 = 221,760; 4,166,160 in all",
                        List.of(line("2018-12-18", "2019-01-14", 10_380_000, "4"), line("2019-01-15", "2019-03-11", 990_000, "4"),
                                line("2019-03-12", "2019-03-18", 10_380_000, "4"), line("2019-09-03", "2019-11-01", 10_380_000, "4")),
                        List.of("10,380,000 × 4‰ × (28 + 7 + 60) = 3,944,400", "990,000 × 4‰ × 56 = 221,760"),
                        List.of("10,380,000 × 4‰ = 41,520; 41,520 × (28 + 7 + 60) = 3,944,400", "990,000 × 4‰ = 3,960; 3,960 × 56 = 221,760"),
                        4_166_160, 4_166_160),
                Arguments.of("two 3-day lines at 123,457 × 1.5‰ = 185.1855: FORMULA 185.1855 × 6 = 1,111.113 → 1,111 "
                                + "(not 556 + 556 = 1,112); DAY 185 × 6 = 1,110",
                        List.of(line("2019-02-01", "2019-02-03", 123_457, "1.5"), line("2019-02-10", "2019-02-12", 123_457, "1.5")),
                        List.of("123,457 × 1.5‰ × (3 + 3) = 1,111"), List.of("123,457 × 1.5‰ = 185; 185 × (3 + 3) = 1,110"),
                        1_111, 1_110),
                Arguments.of("half up: 1,001 × 0.5‰ = 0.5005 a day; FORMULA × 1,000 days = 500.5 → 501; DAY 1 × 1,000 = 1,000",
                        List.of(line("2019-01-01", "2021-09-26", 1_001, "0.5")),
                        List.of("1,001 × 0.5‰ × 1000 = 501"), List.of("1,001 × 0.5‰ = 1; 1 × 1000 = 1,000"), 501, 1_000),
                Arguments.of("a new basis is a new formula: 1,000,000 × 1‰ × 10 = 10,000 and 800,000 × 1‰ × 10 = 8,000",
                        List.of(line("2019-02-01", "2019-02-10", 1_000_000, "1"), line("2019-02-11", "2019-02-20", 800_000, "1")),
                        List.of("1,000,000 × 1‰ × 10 = 10,000", "800,000 × 1‰ × 10 = 8,000"),
                        List.of("1,000,000 × 1‰ = 1,000; 1,000 × 10 = 10,000", "800,000 × 1‰ = 800; 800 × 10 = 8,000"),
                        18_000, 18_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formulas")
    void writesTheFormulasAndTheirTotal(String reason, List<Line> lines, List<String> formula, List<String> day,
                                        long formulaTotal, long dayTotal) {
        assertThat(Formulas.of(lines, Rounding.FORMULA)).containsExactlyElementsOf(formula);
        assertThat(Formulas.of(lines)).containsExactlyElementsOf(formula);
        assertThat(Formulas.total(lines, Rounding.FORMULA)).isEqualByComparingTo(BigDecimal.valueOf(formulaTotal));
        List<Line> dayLines = lines.stream().map(l -> PenaltyLines.line(l.from(), l.to(), l.lateItems(), l.basisAmount(),
                l.ratePerMille(), Rounding.DAY)).toList();
        assertThat(Formulas.of(dayLines, Rounding.DAY)).containsExactlyElementsOf(day);
        assertThat(Formulas.total(dayLines, Rounding.DAY)).isEqualByComparingTo(BigDecimal.valueOf(dayTotal));
        assertThat(dayLines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("DAY: the lines add up to the formulas").isEqualByComparingTo(BigDecimal.valueOf(dayTotal));
    }

    private static Line line(String from, String to, long basis, String rate) {
        return PenaltyLines.line(d(from), d(to), List.of("A"), amount(basis), new BigDecimal(rate), Rounding.FORMULA);
    }
}
