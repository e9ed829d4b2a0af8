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

import tw.yanshou.calculus.ContractEvent.Accepted;
import tw.yanshou.calculus.ContractEvent.Amended;
import tw.yanshou.calculus.ContractEvent.Excused;
import tw.yanshou.calculus.ContractEvent.Extended;
import tw.yanshou.calculus.ContractEvent.ItemChange;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.ContractEvent.Terminated;
import tw.yanshou.calculus.Statement.Line;
import tw.yanshou.calculus.Statement.Status;

/**
 * Extensions (展延, {@link Extended}) and items added to milestones by amendments (docs/calculus.md, sections 1a and
 * 5a). Signed 2019-01-01; item A 1,000,000 (1‰: 1,000 a day) in milestone M, due 30 days from the signing: Thursday
 * 2019-01-31. The 2019 calendar: Lunar New Year off Monday 02-04 – Friday 02-08, 02-28 and Friday 03-01 off.
 */
class ExtensionsTest {
    private static final ContractValidator VALIDATOR = new ContractValidator(CalendarSource.shipped());

    // ---- extensions ---------------------------------------------------------------------------------------------

    static Stream<Arguments> extensions() {
        return Stream.of(
                Arguments.of("granted before the due date, 10 days: 02-01 (1) … Sunday 02-10 (10) → §122 Monday 2019-02-11; "
                                + "tendered 02-15: late 02-12..02-15 = 4 × 1,000",
                        List.of(Extended.byDays(d("2019-01-20"), "M", 10, "颱風"), tender("2019-02-15")),
                        "2019-03-01", "2019-02-11", 4L, 4_000L),
                Arguments.of("granted before, to Wednesday 2019-02-20: tendered 02-25, late 02-21..02-25 = 5 × 1,000",
                        List.of(Extended.to(d("2019-01-20"), "M", d("2019-02-20"), null), tender("2019-02-25")),
                        "2019-03-01", "2019-02-20", 5L, 5_000L),
                Arguments.of("granted on 02-10, after the old due date passed, 20 days: 01-31 + 20 = Wednesday 02-20; the "
                                + "days 02-01..02-10 are no longer late; tendered 02-25: 02-21..02-25 = 5",
                        List.of(Extended.byDays(d("2019-02-10"), "M", 20, "變更設計"), tender("2019-02-25")),
                        "2019-03-01", "2019-02-20", 5L, 5_000L),
                Arguments.of("the same as of 2019-02-09, before the extension is known: due 01-31, late 02-01..02-09 = 9",
                        List.of(Extended.byDays(d("2019-02-10"), "M", 20, "變更設計"), tender("2019-02-25")),
                        "2019-02-09", "2019-01-31", 9L, 9_000L),
                Arguments.of("granted on 02-20 to a day already past, Friday 02-15: due 02-15; tendered 02-25: 02-16..02-25 = 10 "
                                + "(against the old due date 25)",
                        List.of(Extended.to(d("2019-02-20"), "M", d("2019-02-15"), null), tender("2019-02-25")),
                        "2019-03-01", "2019-02-15", 10L, 10_000L),
                Arguments.of("10 days with 02-05..02-07 excused after the old due date: skipped while counting — 02-01 … 02-04 (4), "
                                + "02-08 … 02-13 (10): Wednesday 2019-02-13; tendered 02-15: 02-14..02-15 = 2",
                        List.of(Extended.byDays(d("2019-01-20"), "M", 10, null), excused("2019-02-05", "2019-02-07"),
                                tender("2019-02-15")),
                        "2019-03-01", "2019-02-13", 2L, 2_000L),
                Arguments.of("to 2019-02-10 (21 days after the extension's 01-20) with 02-05..02-07 excused: pushed 3 days, "
                                + "counted again: 01-21 … 02-04 (15), 02-08 … 02-13 (21) → 2019-02-13; tendered 02-15: 2",
                        List.of(Extended.to(d("2019-01-20"), "M", d("2019-02-10"), null), excused("2019-02-05", "2019-02-07"),
                                tender("2019-02-15")),
                        "2019-03-01", "2019-02-13", 2L, 2_000L),
                Arguments.of("two extensions: 10 days → 02-11 (as above), then 5 more from 02-11: Saturday 02-16 → Monday 2019-02-18; "
                                + "tendered 02-20: 02-19..02-20 = 2",
                        List.of(Extended.byDays(d("2019-01-20"), "M", 10, null), Extended.byDays(d("2019-02-05"), "M", 5, null),
                                tender("2019-02-20")),
                        "2019-03-01", "2019-02-18", 2L, 2_000L),
                Arguments.of("to Friday 2019-03-01, a day off: §122 past the weekend → Monday 2019-03-04; tendered 03-06: 2",
                        List.of(Extended.to(d("2019-01-20"), "M", d("2019-03-01"), null), tender("2019-03-06")),
                        "2019-03-10", "2019-03-04", 2L, 2_000L),
                Arguments.of("to the day in force itself (01-31): changes nothing; tendered 02-05: 02-01..02-05 = 5",
                        List.of(Extended.to(d("2019-01-20"), "M", d("2019-01-31"), null), tender("2019-02-05")),
                        "2019-03-01", "2019-01-31", 5L, 5_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extensions")
    void movesTheDueDateFromTheExtensionsDate(String reason, List<ContractEvent> events, String asOf, String due,
                                              long lateDays, long penalty) {
        Contract c = Fixtures.simple("2019-01-01", 1_000_000, 30, events.toArray(ContractEvent[]::new));
        assertThat(VALIDATOR.validate(c)).isEmpty();
        Statement s = CALCULATOR.statement(c, d(asOf));
        assertThat(s.milestones().get(0).dueOn()).isEqualTo(d(due));
        assertThat(s.lateDays()).isEqualTo(lateDays);
        assertThat(s.penalty()).isEqualByComparingTo(amount(penalty));
    }

    static Stream<Arguments> refusedExtensions() {
        return Stream.of(
                Arguments.of("to a day before the due date in force: never shortens",
                        List.of(Extended.to(d("2019-01-20"), "M", d("2019-01-25"), null)), "events[0].to",
                        "2019-01-25 is before the due date of milestone M in force on 2019-01-20 (2019-01-31): an extension "
                                + "cannot shorten it", Violation.Kind.INVALID),
                Arguments.of("to a day before a due date already extended to 02-11",
                        List.of(Extended.byDays(d("2019-01-20"), "M", 10, null), Extended.to(d("2019-01-25"), "M", d("2019-02-01"), null)),
                        "events[1].to", "(2019-02-11): an extension cannot shorten it", Violation.Kind.INVALID),
                Arguments.of("an unknown milestone", List.of(Extended.byDays(d("2019-01-20"), "X", 10, null)),
                        "events[0].milestone", "no milestone X", Violation.Kind.INVALID),
                Arguments.of("after the tender (awaiting its inspection)",
                        List.of(tender("2019-01-25"), Extended.byDays(d("2019-01-28"), "M", 10, null)), "events[1]",
                        "milestone M is complete on 2019-01-28 (every item accepted or awaiting its inspection): there is nothing "
                                + "left to extend; to excuse days after the fact, record EXCUSED", Violation.Kind.CONFLICT),
                Arguments.of("after the acceptance",
                        List.of(tender("2019-01-25"), new Accepted(d("2019-01-26"), "M", null, null),
                                Extended.byDays(d("2019-01-28"), "M", 10, null)), "events[2]",
                        "milestone M is complete on 2019-01-28", Violation.Kind.CONFLICT),
                Arguments.of("after the termination",
                        List.of(new Terminated(d("2019-02-10"), "VENDOR_DEFAULT", null), Extended.byDays(d("2019-02-11"), "M", 10, null)),
                        "events[1]", "the contract was terminated on 2019-02-10", Violation.Kind.CONFLICT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedExtensions")
    void refusesExtensionsThatMakeNoSense(String reason, List<ContractEvent> events, String path, String message,
                                          Violation.Kind kind) {
        Contract c = Fixtures.simple("2019-01-01", 1_000_000, 30, events.toArray(ContractEvent[]::new));
        assertThat(VALIDATOR.validate(c)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo(path);
            assertThat(v.message()).contains(message);
            assertThat(v.kind()).isEqualTo(kind);
        });
    }

    @org.junit.jupiter.api.Test
    void refusesAnExtensionOfAMilestoneWithoutADueDateYet() {
        // N is due 20 days from M.ACCEPTED; on 01-20 M is not accepted, so N has no due date to extend
        Contract c = Fixtures.simple("2019-01-01", List.of(new Item("A", "a", amount(1_000_000)), new Item("B", "b", amount(500_000))),
                List.of(new Milestone("M", "m", List.of("A"), new DueRule.Relative(30, Anchor.SIGNED)),
                        new Milestone("N", "n", List.of("B"), new DueRule.Relative(20, Anchor.accepted("M")))),
                PenaltyBasis.LATE_ITEMS, Extended.byDays(d("2019-01-20"), "N", 10, null));
        assertThat(VALIDATOR.validate(c)).singleElement().satisfies(v -> {
            assertThat(v.toString()).isEqualTo("events[0]: milestone N has no due date yet on 2019-01-20 (it is due 20 days "
                    + "from M.ACCEPTED, which has not happened by then): an extension needs a due date in force");
            assertThat(v.kind()).isEqualTo(Violation.Kind.CONFLICT);
        });
        // accepted 01-25: N due 20 days later, Thursday 02-14; extended on 02-01 by 10 → Sunday 02-24 → Monday 2019-02-25
        Contract accepted = Fixtures.withEvents(c, List.of(new Tendered(d("2019-01-20"), "M", null, null),
                new Accepted(d("2019-01-25"), "M", null, null), Extended.byDays(d("2019-02-01"), "N", 10, null)));
        assertThat(VALIDATOR.validate(accepted)).isEmpty();
        assertThat(CALCULATOR.statement(accepted, d("2019-03-01")).milestones().get(1).dueOn()).isEqualTo(d("2019-02-25"));
    }

    // ---- items added to milestones ------------------------------------------------------------------------------

    /** A 1,000,000 in M (due 2019-01-31); an amendment adds B 500,000 (500 a day) to M. */
    static Stream<Arguments> addedItems() {
        return Stream.of(
                Arguments.of("added 01-10, before M's due date: B is due with M on 01-31; M tendered whole on 02-05: A and B late "
                                + "02-01..02-05 = 5 × 1,500",
                        List.of(adds("2019-01-10", "M"), tender("2019-02-05")), "2019-03-01", "2019-01-31",
                        List.of(line("2019-02-01", "2019-02-05", 5, "A B", 1_500_000)), 7_500L),
                Arguments.of("the same amendment without a milestone: B belongs to none and is never late, 5 × 1,000",
                        List.of(adds("2019-01-10", null), tender("2019-02-05")), "2019-03-01", "2019-01-31",
                        List.of(line("2019-02-01", "2019-02-05", 5, "A", 1_000_000)), 5_000L),
                Arguments.of("added 02-10, after M's due date passed: B gets M's own 30 days from 02-11: 02-11..02-28 (18), "
                                + "03-01..03-12 (30), Tuesday 2019-03-12; A tendered 02-15: 02-01..02-15 = 15 × 1,000; B tendered "
                                + "03-15: 03-13..03-15 = 3 × 500",
                        List.of(adds("2019-02-10", "M"), tender("2019-02-15", "A"), tender("2019-03-15", "B")), "2019-03-20",
                        "2019-03-12",
                        List.of(line("2019-02-01", "2019-02-15", 15, "A", 1_000_000), line("2019-03-13", "2019-03-15", 3, "B", 500_000)),
                        16_500L),
                Arguments.of("added 01-25 while A's early tender of 01-20 awaits its inspection (M complete, not yet due): B needs "
                                + "its own tender and is due with M on 01-31; A accepted 01-28, B tendered 02-03: 3 × 500",
                        List.of(tender("2019-01-20"), adds("2019-01-25", "M"), new Accepted(d("2019-01-28"), "M", null, null),
                                tender("2019-02-03")), "2019-03-01", "2019-01-31",
                        List.of(line("2019-02-01", "2019-02-03", 3, "B", 500_000)), 1_500L),
                Arguments.of("added 02-10 while A's late tender of 02-05 awaits its inspection: M's due date has passed, B is due "
                                + "2019-03-12 (as above); A keeps 02-01..02-05 = 5 × 1,000; B not tendered as of 03-20: 03-13..03-20 = 8 × 500",
                        List.of(tender("2019-02-05"), adds("2019-02-10", "M")), "2019-03-20", "2019-03-12",
                        List.of(line("2019-02-01", "2019-02-05", 5, "A", 1_000_000), line("2019-03-13", "2019-03-20", 8, "B", 500_000)),
                        9_000L),
                Arguments.of("added 01-10 and M extended by 10 days on 01-20: both due Monday 2019-02-11; tendered 02-13: 2 × 1,500",
                        List.of(adds("2019-01-10", "M"), Extended.byDays(d("2019-01-20"), "M", 10, null), tender("2019-02-13")),
                        "2019-03-01", "2019-02-11", List.of(line("2019-02-12", "2019-02-13", 2, "A B", 1_500_000)), 3_000L),
                Arguments.of("as of 01-09, before the amendment: B is not part of M yet, A alone is late 0 days",
                        List.of(adds("2019-01-10", "M")), "2019-01-09", "2019-01-31", List.of(), 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addedItems")
    void makesAnAddedItemDueWithItsMilestone(String reason, List<ContractEvent> events, String asOf, String due,
                                             List<Line> lines, long penalty) {
        Contract c = Fixtures.simple("2019-01-01", 1_000_000, 30, events.toArray(ContractEvent[]::new));
        assertThat(VALIDATOR.validate(c)).isEmpty();
        Statement s = CALCULATOR.statement(c, d(asOf));
        assertThat(s.milestones().get(0).dueOn()).as("the latest of the items' due dates").isEqualTo(d(due));
        assertThat(s.lines()).containsExactlyElementsOf(lines);
        assertThat(s.penalty()).isEqualByComparingTo(amount(penalty));
    }

    @org.junit.jupiter.api.Test
    void acceptsTheMilestoneOnlyWithTheAddedItem() {
        Contract c = Fixtures.simple("2019-01-01", 1_000_000, 30, tender("2019-01-20"), adds("2019-01-25", "M"),
                new Accepted(d("2019-01-28"), "M", null, null));
        assertThat(CALCULATOR.statement(c, d("2019-01-29")).milestones().get(0).status()).isEqualTo(Status.OPEN);
        Contract done = Fixtures.withEvents(c, List.of(tender("2019-01-20"), adds("2019-01-25", "M"),
                new Accepted(d("2019-01-28"), "M", null, null), tender("2019-01-29"), new Accepted(d("2019-01-30"), "M", null, null)));
        Statement s = CALCULATOR.statement(done, d("2019-02-01"));
        assertThat(s.milestones().get(0).status()).isEqualTo(Status.ACCEPTED);
        assertThat(s.milestones().get(0).completedOn()).isEqualTo(d("2019-01-29"));
    }

    @org.junit.jupiter.api.Test
    void givesAFixedDateMilestonesDaysToAnItemAddedAfterIt() {
        // M fixed on 2019-01-31 (30 days after the signing); B added 02-10 gets 30 calendar days: Tuesday 2019-03-12
        Contract c = Fixtures.simple("2019-01-01", List.of(new Item("A", "a", amount(1_000_000))),
                List.of(new Milestone("M", "m", List.of("A"), new DueRule.Fixed(d("2019-01-31")))), PenaltyBasis.LATE_ITEMS,
                tender("2019-01-30", "A"), adds("2019-02-10", "M"));
        assertThat(CALCULATOR.statement(c, d("2019-03-01")).milestones().get(0).dueOn()).isEqualTo(d("2019-03-12"));
    }

    static Stream<Arguments> refusedAdditions() {
        return Stream.of(
                Arguments.of("a tender naming B before it joins M",
                        List.of(new Tendered(d("2019-01-05"), "M", List.of("B"), null), adds("2019-01-10", "M")), "events[0]",
                        "item B is not yet part of milestone M: it joins with the amendment of 2019-01-10", Violation.Kind.CONFLICT),
                Arguments.of("an item of the contract given a milestone",
                        List.of(new Amended(d("2019-01-10"), List.of(new ItemChange("A", null, amount(900_000), "M")), null)),
                        "events[0].items[0].milestone", "item A is an item of the contract; only an item the amendment adds joins a "
                                + "milestone", Violation.Kind.INVALID),
                Arguments.of("an unknown milestone", List.of(adds("2019-01-10", "X")), "events[0].items[0].milestone",
                        "no milestone X", Violation.Kind.INVALID),
                Arguments.of("a milestone already accepted",
                        List.of(tender("2019-01-20"), new Accepted(d("2019-01-25"), "M", null, null), adds("2019-02-01", "M")),
                        "events[2]", "milestone M is already accepted; an added item joins a milestone that is still open",
                        Violation.Kind.CONFLICT),
                Arguments.of("an item added twice, the second time into a milestone",
                        List.of(adds("2019-01-10", null), adds("2019-01-15", "M")), "events[1]",
                        "item B was added by an earlier amendment; an item joins a milestone when it is added", Violation.Kind.CONFLICT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAdditions")
    void refusesAdditionsThatMakeNoSense(String reason, List<ContractEvent> events, String path, String message,
                                         Violation.Kind kind) {
        Contract c = Fixtures.simple("2019-01-01", 1_000_000, 30, events.toArray(ContractEvent[]::new));
        assertThat(VALIDATOR.validate(c)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo(path);
            assertThat(v.message()).contains(message);
            assertThat(v.kind()).isEqualTo(kind);
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Tendered tender(String on, String... items) {
        return new Tendered(d(on), "M", List.of(items), null);
    }

    private static Amended adds(String on, String milestone) {
        return new Amended(d(on), List.of(new ItemChange("B", "item B", amount(500_000), milestone)), "追加");
    }

    private static Excused excused(String from, String to) {
        return new Excused(d(from), new DateRange(d(from), d(to)), "停工");
    }

    private static Line line(String from, String to, long days, String items, long basis) {
        return new Line(d(from), d(to), days, List.of(items.split(" ")), amount(basis), BigDecimal.ONE,
                amount(basis / 1000 * days));
    }
}
