package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static tw.yanshou.calculus.Fixtures.CALCULATOR;
import static tw.yanshou.calculus.Fixtures.d;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tw.yanshou.calculus.ContractEvent.Accepted;
import tw.yanshou.calculus.ContractEvent.Excused;
import tw.yanshou.calculus.ContractEvent.InspectionFailed;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.ContractEvent.Terminated;

/**
 * Invariants of the calculus over generated contracts: 1–3 items, 1–3 milestones counting from the signing or from
 * the previous milestone, tenders on time or late, failed inspections cured in time or not, excused intervals and
 * terminations. The seed of a failing contract is reported; the run itself is repeatable (fixed seed).
 */
class StatementProperties {
    private static final LocalDate SIGNED = d("2019-01-01");
    private static final int EXAMPLES = 400;

    private record Scenario(Contract contract, LocalDate asOf, Random random) { }

    private static Scenario scenario(long seed) {
        Random r = new Random(seed);
        int itemCount = 1 + r.nextInt(3);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < itemCount; i++) items.add(new Item("I" + i, "item " + i, BigDecimal.valueOf(10_000 + r.nextInt(2_000_000))));
        int milestoneCount = 1 + r.nextInt(3);
        List<Milestone> milestones = new ArrayList<>();
        for (int m = 0; m < milestoneCount; m++) {
            List<String> codes = new ArrayList<>();
            for (Item item : items) if (r.nextBoolean()) codes.add(item.code());
            if (codes.isEmpty()) codes.add(items.get(r.nextInt(itemCount)).code());
            DueRule due = m == 0 || r.nextBoolean() ? new DueRule.Relative(10 + r.nextInt(80), Anchor.SIGNED)
                    : new DueRule.Relative(5 + r.nextInt(30), r.nextBoolean() ? Anchor.accepted("M" + (m - 1)) : Anchor.tendered("M" + (m - 1)));
            milestones.add(new Milestone("M" + m, "milestone " + m, codes, due));
        }
        List<ContractEvent> events = new ArrayList<>();
        for (Milestone m : milestones) {
            LocalDate day = SIGNED.plusDays(5 + r.nextInt(150));
            events.add(new Tendered(day, m.id(), null, null));
            if (r.nextInt(3) == 0) {
                LocalDate failed = day.plusDays(r.nextInt(10));
                LocalDate cureBy = failed.plusDays(r.nextInt(20));
                events.add(new InspectionFailed(failed, m.id(), null, cureBy, null));
                if (r.nextBoolean()) {
                    LocalDate again = failed.plusDays(r.nextInt(40));
                    events.add(new Tendered(again, m.id(), null, null));
                    if (r.nextBoolean()) events.add(new Accepted(again.plusDays(r.nextInt(10)), m.id(), null, null));
                }
            } else if (r.nextBoolean()) {
                events.add(new Accepted(day.plusDays(r.nextInt(10)), m.id(), null, null));
            }
        }
        if (r.nextBoolean()) events.add(excused(r));
        if (r.nextInt(4) == 0) {
            LocalDate last = events.stream().map(ContractEvent::date).max(LocalDate::compareTo).orElse(SIGNED);
            events.add(new Terminated(last.plusDays(r.nextInt(30)), "VENDOR_DEFAULT", null));
        }
        BigDecimal cap = r.nextBoolean() ? BigDecimal.valueOf(5 + r.nextInt(20)) : null;
        Terms terms = new Terms("TW", null, r.nextBoolean() ? DeadlineDays.CALENDAR : DeadlineDays.WORKING, r.nextBoolean(),
                new PenaltyTerms(BigDecimal.valueOf(1 + r.nextInt(5)), r.nextBoolean() ? PenaltyBasis.LATE_ITEMS : PenaltyBasis.CONTRACT_TOTAL,
                        cap, cap), null);
        Contract c = new Contract("P-" + seed, SIGNED, items, terms, milestones, events, List.of());
        return new Scenario(c, SIGNED.plusDays(30 + r.nextInt(400)), r);
    }

    /** Excused days anywhere in the first 260 days, recorded (known) the day after the signing. */
    private static Excused excused(Random r) {
        LocalDate from = SIGNED.plusDays(r.nextInt(200));
        return new Excused(SIGNED.plusDays(1), new DateRange(from, from.plusDays(r.nextInt(60))), "excused");
    }

    @Test
    void addingAnExcusedIntervalNeverRaisesThePenalty() {
        qt().withFixedSeed(20181018L).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Scenario s = scenario(seed);
            Statement before = CALCULATOR.statement(s.contract(), s.asOf());
            Statement after = CALCULATOR.statement(s.contract().withEvent(excused(s.random())), s.asOf());
            assertThat(after.penaltyBeforeCap()).as("seed %d", seed).isLessThanOrEqualTo(before.penaltyBeforeCap());
            assertThat(after.lateDays()).as("seed %d", seed).isLessThanOrEqualTo(before.lateDays());
        });
    }

    @Test
    void thePenaltyNeverExceedsAnUnwaivedCap() {
        qt().withFixedSeed(20190911L).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Scenario s = scenario(seed);
            Statement st = CALCULATOR.statement(s.contract(), s.asOf());
            if (st.cap() != null && !st.cap().waived())
                assertThat(st.penalty()).as("seed %d", seed).isLessThanOrEqualTo(st.cap().amount());
            assertThat(st.penalty()).isLessThanOrEqualTo(st.penaltyBeforeCap());
        });
    }

    @Test
    void lateItemsNeverCostMoreThanTheContractTotal() {
        qt().withFixedSeed(20191101L).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Scenario s = scenario(seed);
            Terms t = s.contract().terms();
            Statement lateItems = CALCULATOR.statement(Fixtures.withTerms(s.contract(), withBasis(t, PenaltyBasis.LATE_ITEMS)), s.asOf());
            Statement total = CALCULATOR.statement(Fixtures.withTerms(s.contract(), withBasis(t, PenaltyBasis.CONTRACT_TOTAL)), s.asOf());
            assertThat(lateItems.penaltyBeforeCap()).as("seed %d", seed).isLessThanOrEqualTo(total.penaltyBeforeCap());
        });
    }

    @Test
    void lineDaysAddUpToTheLateDays() {
        qt().withFixedSeed(20191230L).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Scenario s = scenario(seed);
            Statement st = CALCULATOR.statement(s.contract(), s.asOf());
            long lineDays = st.lines().stream().mapToLong(Statement.Line::days).sum();
            assertThat(lineDays).as("seed %d", seed).isEqualTo(st.lateDays());
            long longestMilestone = st.milestones().stream().mapToLong(Statement.MilestoneStatus::lateDays).max().orElse(0);
            assertThat(st.lateDays()).as("seed %d", seed).isGreaterThanOrEqualTo(longestMilestone);
            for (Statement.Line line : st.lines())
                assertThat(line.days()).isEqualTo(line.to().toEpochDay() - line.from().toEpochDay() + 1);
        });
    }

    @Test
    void theOrderOfEventsInTheInputDoesNotMatter() {
        qt().withFixedSeed(20200610L).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Scenario s = scenario(seed);
            List<ContractEvent> shuffled = new ArrayList<>(s.contract().events());
            Collections.shuffle(shuffled, s.random());
            Statement original = CALCULATOR.statement(s.contract(), s.asOf());
            Statement reordered = CALCULATOR.statement(Fixtures.withEvents(s.contract(), shuffled), s.asOf());
            assertThat(reordered).as("seed %d", seed).isEqualTo(original);
        });
    }

    private static Terms withBasis(Terms t, PenaltyBasis basis) {
        PenaltyTerms p = t.penalty();
        return new Terms(t.calendar(), t.site(), t.deadlineDays(), t.lastDayRollover(),
                new PenaltyTerms(p.ratePerMille(), basis, p.capPercent(), p.terminationRightAtPercent()), t.performanceBond());
    }
}
