package tw.yanshou.calculus;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongPredicate;

import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.Tenders.Completion;
import tw.yanshou.calculus.Timeline.MilestoneState;
import tw.yanshou.calculus.calendar.OfficeCalendar;

/**
 * Due dates (docs/calculus.md, sections 1 and 7): of each milestone by its due rule, of each item after a settlement
 * with {@code resetDue}, and the settlements' completion deadlines. Remembers the years whose office calendar the
 * counting consulted, so that the statement can warn about years without data. One instance per computation.
 */
final class DueDates {
    private final Contract contract;
    private final Timeline timeline;
    private final Periods.Rule rule;
    private final OfficeCalendar calendar;
    private final Map<String, Completion> completions;
    private final LongPredicate excused;
    private final Map<String, LocalDate> ruleDue = new HashMap<>();
    private final Map<MediationConcluded, LocalDate> deadlines = new HashMap<>();
    private final TreeSet<Integer> yearsUsed = new TreeSet<>();
    /** Whether a known settlement resets due dates at all (most contracts: no). */
    private final boolean anyReset;

    /** @param completions what each milestone's tenders come to, as known on the statement day */
    DueDates(Contract contract, Timeline timeline, OfficeCalendar calendar, Map<String, Completion> completions) {
        this.contract = contract;
        this.timeline = timeline;
        this.calendar = calendar;
        this.rule = new Periods.Rule(contract.terms().deadlineDays(), contract.terms().lastDayRollover(), calendar);
        this.completions = completions;
        this.excused = timeline.excusedDays::contains;
        this.anyReset = timeline.settlements.stream().anyMatch(s -> s.resetDue() && s.completionDeadline() != null);
    }

    /**
     * The due date of one item of a milestone: the completion deadline of the latest settlement with
     * {@code resetDue} at whose date the item was still open (no tender made on or before that date stands),
     * otherwise the milestone's due rule. Null while the rule's anchor has not happened.
     */
    LocalDate itemDue(MilestoneState state, String item) {
        if (!anyReset) return ruleDue(state.milestone.id());
        LocalDate due = null;
        boolean reset = false;
        LocalDate standing = completions.get(state.milestone.id()).itemCompletedOn().get(item);
        for (MediationConcluded s : timeline.settlements) {
            if (!s.resetDue() || s.completionDeadline() == null) continue;
            if (standing != null && !standing.isAfter(s.date())) continue;
            due = deadline(s);
            reset = true;
        }
        return reset ? due : ruleDue(state.milestone.id());
    }

    /** The due date shown for a milestone: the latest of its items' due dates, or null if none has one. */
    LocalDate milestoneDue(MilestoneState state) {
        LocalDate due = null;
        for (String item : state.tenders.keySet()) due = StatementCalculator.later(due, itemDue(state, item));
        return due;
    }

    /** The due date by the milestone's rule: a fixed date, or N days from its anchor (null while it has not happened). */
    LocalDate ruleDue(String milestoneId) {
        if (ruleDue.containsKey(milestoneId)) return ruleDue.get(milestoneId);
        DueRule dueRule = timeline.milestones.get(milestoneId).milestone.due();
        LocalDate due;
        if (dueRule instanceof DueRule.Fixed fixed) {
            due = Periods.fixedDay(contract.signedOn(), fixed.date(), rule, excused);
            if (rule.lastDayRollover()) used(fixed.date(), due);
        } else {
            DueRule.Relative relative = (DueRule.Relative) dueRule;
            LocalDate from = anchorDay(relative.from());
            due = from == null ? null : Periods.lastDay(from, relative.days(), rule, excused);
            if (due != null && (rule.days() == DeadlineDays.WORKING || rule.lastDayRollover())) used(from, due);
        }
        ruleDue.put(milestoneId, due);
        return due;
    }

    /** The day a relative due rule counts from: the signing, X's standing tender or X's acceptance; null if not yet. */
    private LocalDate anchorDay(Anchor anchor) {
        if (anchor.kind() == Anchor.Kind.SIGNED) return contract.signedOn();
        Completion c = completions.get(anchor.milestone());
        return anchor.kind() == Anchor.Kind.TENDERED ? c.completedOn() : c.acceptedOn();
    }

    /**
     * A settlement's completion deadline: {@code days} calendar days or {@code workingDays} office days from the
     * day after the served date, or a fixed date; excused days after the served date push it, and §122 applies
     * where the contract keeps it.
     */
    LocalDate deadline(MediationConcluded settlement) {
        LocalDate known = deadlines.get(settlement);
        if (known != null) return known;
        Period p = settlement.completionDeadline();
        boolean rollover = rule.lastDayRollover();
        LocalDate day;
        if (p.days() != null) {
            day = Periods.lastDay(settlement.date(), p.days(), new Periods.Rule(DeadlineDays.CALENDAR, rollover, calendar), excused);
            if (rollover) used(settlement.date(), day);
        } else if (p.workingDays() != null) {
            day = Periods.lastDay(settlement.date(), p.workingDays(), new Periods.Rule(DeadlineDays.WORKING, rollover, calendar), excused);
            used(settlement.date(), day);
        } else if (p.date().isAfter(settlement.date())) {
            day = Periods.fixedDay(settlement.date(), p.date(), rule, excused);
            if (rollover) used(p.date(), day);
        } else {
            day = rollover ? Periods.rollOver(p.date(), calendar, excused) : p.date();
            if (rollover) used(p.date(), day);
        }
        deadlines.put(settlement, day);
        return day;
    }

    /** The completion deadlines of the known settlements that set one, in effective order. */
    List<LocalDate> deadlines() {
        return timeline.settlements.stream().filter(s -> s.completionDeadline() != null).map(this::deadline).toList();
    }

    /** The years from {@code from} to {@code to} were looked up in the office calendar. */
    private void used(LocalDate from, LocalDate to) {
        for (int y = from.getYear(); y <= to.getYear(); y++) yearsUsed.add(y);
    }

    /** One warning for each year the counting looked up that the office calendar has no data for. */
    List<String> calendarWarnings() {
        return yearsUsed.stream().filter(year -> !calendar.covers(year))
                .map(year -> "the office calendar " + contract.terms().calendar() + " has no data for " + year
                        + ": only Saturdays and Sundays count as rest days there; import the official calendar")
                .toList();
    }
}
