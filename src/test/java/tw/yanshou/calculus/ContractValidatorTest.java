package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tw.yanshou.calculus.Fixtures.CALCULATOR;
import static tw.yanshou.calculus.Fixtures.amount;
import static tw.yanshou.calculus.Fixtures.d;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tw.yanshou.calculus.ContractEvent.Accepted;
import tw.yanshou.calculus.ContractEvent.InspectionFailed;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.ContractEvent.MediationFiled;
import tw.yanshou.calculus.ContractEvent.Outcome;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.ContractEvent.Terminated;

class ContractValidatorTest {
    private static final ContractValidator VALIDATOR = new ContractValidator(CalendarSource.shipped());

    static Stream<Arguments> brokenEvents() {
        return Stream.of(
                Arguments.of("an acceptance without a tender", List.of(new Accepted(d("2019-02-01"), "M", null, null)),
                        "events[0]", "an acceptance needs a tender first"),
                Arguments.of("a failed inspection without a tender", List.of(new InspectionFailed(d("2019-02-01"), "M", null, null, null)),
                        "events[0]", "a failed inspection needs a tender first"),
                Arguments.of("an event before the signing", List.of(new Tendered(d("2018-12-31"), "M", null, null)),
                        "events[0].date", "before the contract was signed (2019-01-01)"),
                Arguments.of("an unknown milestone", List.of(new Tendered(d("2019-02-01"), "NOPE", null, null)),
                        "events[0].milestone", "no milestone NOPE"),
                Arguments.of("an item the milestone does not deliver", List.of(new Tendered(d("2019-02-01"), "M", List.of("Z"), null)),
                        "events[0].items[0]", "item Z is not part of milestone M"),
                Arguments.of("a second tender while the first awaits its result", List.of(
                        new Tendered(d("2019-02-01"), "M", null, null), new Tendered(d("2019-02-03"), "M", null, null)),
                        "events[1]", "still awaiting its inspection result"),
                Arguments.of("a tender after the acceptance", List.of(new Tendered(d("2019-02-01"), "M", null, null),
                        new Accepted(d("2019-02-02"), "M", null, null), new Tendered(d("2019-02-03"), "M", null, null)),
                        "events[2]", "already accepted"),
                Arguments.of("anything after the termination", List.of(new Terminated(d("2019-02-01"), "VENDOR_DEFAULT", null),
                        new Tendered(d("2019-02-03"), "M", null, null)),
                        "events[1]", "the contract was terminated on 2019-02-01"),
                Arguments.of("a cure deadline before the inspection", List.of(new Tendered(d("2019-02-01"), "M", null, null),
                        new InspectionFailed(d("2019-02-05"), "M", null, d("2019-02-04"), null)),
                        "events[1].cureBy", "before the inspection"),
                Arguments.of("a settlement without a mediation", List.of(
                        new MediationConcluded(d("2019-02-05"), Outcome.SETTLED, null, null, false, true, null)),
                        "events[0]", "no mediation is pending"),
                Arguments.of("a second mediation while one is pending", List.of(new MediationFiled(d("2019-02-01"), null),
                        new MediationFiled(d("2019-02-05"), null)),
                        "events[1]", "still pending"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEvents")
    void refusesEventsThatMakeNoSense(String reason, List<ContractEvent> events, String path, String message) {
        Contract c = Fixtures.simple("2019-01-01", 1_000, 30, events.toArray(ContractEvent[]::new));
        assertThat(VALIDATOR.validate(c)).anySatisfy(v -> {
            assertThat(v.path()).isEqualTo(path);
            assertThat(v.message()).contains(message);
        });
        assertThatThrownBy(() -> CALCULATOR.statement(c, d("2019-12-31"))).isInstanceOf(InvalidContractException.class);
    }

    @Test
    void collectsEveryViolationInsteadOfStoppingAtTheFirst() {
        List<Milestone> milestones = List.of(
                new Milestone("M", "m", List.of("A", "Q"), new DueRule.Relative(30, Anchor.SIGNED)),
                new Milestone("N", "n", List.of("A"), new DueRule.Relative(10, Anchor.accepted("NOPE"))),
                new Milestone("P", "p", List.of("A"), new DueRule.Fixed(d("2018-01-01"))));
        Contract c = Fixtures.simple("2019-01-01", List.of(new Item("A", "a", amount(1)), new Item("A", "again", amount(2))),
                milestones, PenaltyBasis.LATE_ITEMS,
                new Accepted(d("2019-02-01"), "M", null, null), new Tendered(d("2018-01-01"), "N", null, null));
        assertThat(VALIDATOR.validate(c)).extracting(Violation::toString).containsExactly(
                "items[1].code: item A is listed twice",
                "milestones[0].items[1]: no item Q",
                "milestones[1].due.from: no milestone NOPE",
                "milestones[2].due.date: 2018-01-01 is before the contract was signed (2019-01-01)");
        // the events are checked once the structure holds
        Contract fixed = Fixtures.simple("2019-01-01", 1, 30,
                new Accepted(d("2019-02-01"), "M", null, null), new Tendered(d("2018-01-01"), "M", null, null),
                new Tendered(d("2019-03-01"), "NOPE", null, null));
        assertThat(VALIDATOR.validate(fixed)).extracting(Violation::path)
                .containsExactlyInAnyOrder("events[0]", "events[1].date", "events[2].milestone");
    }

    @Test
    void findsMilestonesThatCountFromEachOther() {
        List<Milestone> milestones = List.of(
                new Milestone("A1", "a1", List.of("A"), new DueRule.Relative(10, Anchor.accepted("B1"))),
                new Milestone("B1", "b1", List.of("A"), new DueRule.Relative(10, Anchor.tendered("A1"))));
        Contract c = Fixtures.simple("2019-01-01", List.of(new Item("A", "a", amount(1))), milestones, PenaltyBasis.LATE_ITEMS);
        assertThat(VALIDATOR.validate(c)).extracting(Violation::toString).containsExactly(
                "milestones[0].due.from: milestone A1 counts from a milestone that counts from it: A1 → B1 → A1",
                "milestones[1].due.from: milestone B1 counts from a milestone that counts from it: B1 → A1 → B1");
    }

    @Test
    void ordersTheEventsOfOneDayByWhatTheyMean() {
        // tender, failed inspection and re-tender on one day, recorded backwards: applied as tender, fail, re-tender
        List<ContractEvent> events = new ArrayList<>(List.of(
                new Accepted(d("2019-02-05"), "M", null, null),
                new Tendered(d("2019-02-01"), "M", null, "re-tender"),
                new InspectionFailed(d("2019-02-01"), "M", null, null, null),
                new Tendered(d("2019-02-01"), "M", null, "first")));
        Contract c = Fixtures.simple("2019-01-01", 1_000_000, 30, events.toArray(ContractEvent[]::new));
        assertThat(VALIDATOR.validate(c)).isEmpty();
        // both tenders on 02-01, the first failed and was cured the same day: completed 02-01, 1 late day
        assertThat(CALCULATOR.statement(c, d("2019-03-01")).lateDays()).isEqualTo(1);
    }

    @Test
    void failsTheEarlierTenderBeforeTheRetenderOfTheSameDay() {
        // M delivers A and B, due 2019-01-31; A tendered 01-20; on 01-25 "failed" (cure the same day) and a tender,
        // neither naming items: A's tender failed and A and B were tendered on 01-25, on time, so nothing is late
        List<Milestone> milestones = List.of(new Milestone("M", "m", List.of("A", "B"), new DueRule.Relative(30, Anchor.SIGNED)));
        List<Item> items = List.of(new Item("A", "a", amount(1_000_000)), new Item("B", "b", amount(500_000)));
        Contract c = Fixtures.simple("2019-01-01", items, milestones, PenaltyBasis.LATE_ITEMS,
                new Tendered(d("2019-01-25"), "M", null, null),
                new InspectionFailed(d("2019-01-25"), "M", null, null, null),
                new Tendered(d("2019-01-20"), "M", List.of("A"), null),
                new Accepted(d("2019-02-10"), "M", null, null));
        assertThat(VALIDATOR.validate(c)).isEmpty();
        Statement s = CALCULATOR.statement(c, d("2019-03-01"));
        assertThat(s.lateDays()).isZero();
        assertThat(s.milestones().get(0).status()).isEqualTo(Statement.Status.ACCEPTED);
    }

    @Test
    void checksAnEventAgainstTheRecordedHistory() {
        Contract c = Fixtures.simple("2019-01-01", 1_000, 30, new Tendered(d("2019-02-01"), "M", null, null));
        assertThat(VALIDATOR.validateEvent(c, new Accepted(d("2019-02-03"), "M", null, null))).isEmpty();
        assertThat(VALIDATOR.validateEvent(c, new Tendered(d("2019-02-03"), "M", null, null)))
                .extracting(Violation::path).containsExactly("event");
        assertThat(VALIDATOR.validateEvent(c, new Tendered(d("2019-02-03"), "X", null, null)))
                .extracting(Violation::toString).containsExactly("event.milestone: no milestone X");
    }
}
