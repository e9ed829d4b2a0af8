package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tw.yanshou.calculus.Statement.Cap;
import tw.yanshou.calculus.Statement.ClaimStatement;
import tw.yanshou.calculus.Statement.ExcusedDays;
import tw.yanshou.calculus.Statement.Line;
import tw.yanshou.calculus.Statement.MilestoneStatus;
import tw.yanshou.calculus.Statement.Projection;
import tw.yanshou.calculus.Statement.Status;
import tw.yanshou.calculus.Tenders.Completion;
import tw.yanshou.calculus.Timeline.MilestoneState;
import tw.yanshou.calculus.calendar.OfficeCalendar;

/**
 * Computes a contract's {@link Statement} as of a day. Stateless and thread-safe; see {@code docs/calculus.md}
 * for the rules and their legal sources.
 *
 * <p>The work is done by named parts, each with its own tests: {@link Timeline} (the known events),
 * {@link Tenders} (which tender stands, late days), {@link DueDates} (due dates, settlements' deadlines),
 * {@link PenaltyLines} and {@link Formulas} (lines, formulas, rounding), {@link CapAndTermination} and
 * {@link Claims}. This class puts them together.
 */
public final class StatementCalculator {
    /** How far a projection looks ahead. */
    static final int PROJECTION_YEARS = 10;

    private final ContractValidator validator;

    public StatementCalculator(CalendarSource calendars) {
        this.validator = new ContractValidator(calendars);
    }

    /**
     * The statement of {@code contract} as of {@code asOf}.
     *
     * @throws InvalidContractException with every violation, if the contract cannot be computed
     */
    public Statement statement(Contract contract, LocalDate asOf) {
        List<Violation> violations = validator.staticViolations(contract);
        if (!violations.isEmpty()) throw new InvalidContractException(violations);
        Timeline timeline = Timeline.replay(contract, asOf);
        if (!timeline.violations.isEmpty()) throw new InvalidContractException(timeline.violations);
        OfficeCalendar calendar = validator.calendarOf(contract).orElseThrow();
        return new Computation(contract, timeline, calendar, asOf).statement();
    }

    /** One computation: the known events, the calendar and the day. */
    private static final class Computation {
        private final Contract contract;
        private final Timeline timeline;
        private final LocalDate asOf;
        private final LocalDate accruedThrough;
        private final PenaltyTerms terms;
        private final AmountSchedule amounts;
        private final Map<String, Completion> completions = new LinkedHashMap<>();
        private final DueDates dueDates;

        Computation(Contract contract, Timeline timeline, OfficeCalendar calendar, LocalDate asOf) {
            this.contract = contract;
            this.timeline = timeline;
            this.asOf = asOf;
            this.accruedThrough = timeline.terminatedOn != null && timeline.terminatedOn.isBefore(asOf)
                    ? timeline.terminatedOn : asOf;
            this.terms = contract.terms().penalty();
            this.amounts = new AmountSchedule(contract, timeline.amendments);
            for (MilestoneState state : timeline.milestones.values())
                completions.put(state.milestone.id(), Tenders.completion(state, asOf, timeline.terminatedOn, false));
            this.dueDates = new DueDates(contract, timeline, calendar, completions);
        }

        Statement statement() {
            Rounding rounding = terms.rounding();
            List<Line> lines = lines(accruedThrough, completions);
            BigDecimal total = amounts.finalTotal();
            List<Formulas.Formula> formulas = Formulas.formulas(lines, rounding);
            BigDecimal beforeCap = Formulas.total(formulas);
            BigDecimal capAmount = CapAndTermination.capAmount(total, terms.capPercent());
            BigDecimal capThreshold = CapAndTermination.threshold(total, terms.capPercent());
            BigDecimal threshold = CapAndTermination.threshold(total, terms.terminationRightAtPercent());
            Cap cap = capAmount == null ? null : new Cap(terms.capPercent(), capAmount, timeline.capWaived,
                    CapAndTermination.firstDayReaching(lines, capThreshold, rounding));
            BigDecimal penalty = CapAndTermination.capped(beforeCap, capAmount, timeline.capWaived);
            LocalDate terminationRightOn = earlier(CapAndTermination.firstDayReaching(lines, threshold, rounding),
                    CapAndTermination.missedDeadlineDay(dueDates.deadlines(), completions.values(), asOf, timeline.terminatedOn));

            List<MilestoneStatus> milestones = new ArrayList<>();
            for (MilestoneState state : timeline.milestones.values()) milestones.add(status(state));
            boolean open = timeline.terminatedOn == null
                    && milestones.stream().anyMatch(m -> m.status() != Status.ACCEPTED);
            Projection projection = open ? projection(capThreshold, threshold) : null;

            List<ClaimStatement> claims = new ArrayList<>();
            for (Claim claim : contract.claims())
                claims.add(Claims.claim(claim, lines, accruedThrough, asOf, capAmount, timeline.capWaived, rounding));

            List<ExcusedDays> excused = timeline.excused.stream()
                    .sorted(Comparator.comparing(x -> x.range().from()))
                    .map(x -> new ExcusedDays(x.range().from(), x.range().to(), x.reason())).toList();
            return new Statement(asOf, accruedThrough, milestones, lines, excused, Formulas.texts(formulas),
                    lines.stream().mapToLong(Line::days).sum(), total, beforeCap, cap, penalty, terminationRightOn,
                    timeline.terminatedOn, timeline.mediationPendingSince, projection, claims,
                    dueDates.calendarWarnings());
        }

        /** The late days of every item of every milestone through {@code through}, given what the tenders come to. */
        private List<Map.Entry<String, DaySet>> lateDays(LocalDate through, Map<String, Completion> completions) {
            List<Map.Entry<String, DaySet>> result = new ArrayList<>();
            for (MilestoneState state : timeline.milestones.values()) result.addAll(lateDays(state, completions, through));
            return result;
        }

        private List<Map.Entry<String, DaySet>> lateDays(MilestoneState state, Map<String, Completion> completions,
                                                         LocalDate through) {
            Completion c = completions.get(state.milestone.id());
            List<Map.Entry<String, DaySet>> result = new ArrayList<>();
            state.tenders.forEach((item, tenders) -> result.add(new AbstractMap.SimpleImmutableEntry<>(item,
                    Tenders.lateDays(tenders, dueDates.itemDue(state, item), c.itemCompletedOn().get(item), through,
                            timeline.excusedDays))));
            return result;
        }

        private List<Line> lines(LocalDate through, Map<String, Completion> completions) {
            return PenaltyLines.lines(lateDays(through, completions), amounts,
                    terms.basis() == PenaltyBasis.CONTRACT_TOTAL, terms.ratePerMille(), terms.rounding());
        }

        private MilestoneStatus status(MilestoneState state) {
            Completion c = completions.get(state.milestone.id());
            LocalDate due = dueDates.milestoneDue(state);
            DaySet all = DaySet.EMPTY;
            for (Map.Entry<String, DaySet> e : lateDays(state, completions, accruedThrough)) all = all.union(e.getValue());
            Status status = Tenders.status(state, c, due, asOf, timeline.terminatedOn);
            return new MilestoneStatus(state.milestone.id(), state.milestone.name(), due, status, c.completedOn(), all.size());
        }

        /** If nothing changes: cure periods running out without a re-tender, days accruing for ten years. */
        private Projection projection(BigDecimal capThreshold, BigDecimal threshold) {
            LocalDate horizon = asOf.plusYears(PROJECTION_YEARS);
            Map<String, Completion> ifNothingChanges = new LinkedHashMap<>();
            for (MilestoneState state : timeline.milestones.values())
                ifNothingChanges.put(state.milestone.id(), Tenders.completion(state, asOf, timeline.terminatedOn, true));
            List<Line> lines = lines(horizon, ifNothingChanges);
            Rounding rounding = terms.rounding();
            return new Projection(CapAndTermination.firstDayReaching(lines, capThreshold, rounding),
                    earlier(CapAndTermination.firstDayReaching(lines, threshold, rounding),
                            CapAndTermination.missedDeadlineDay(dueDates.deadlines(), ifNothingChanges.values(), horizon,
                                    timeline.terminatedOn)));
        }
    }

    static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }
}
