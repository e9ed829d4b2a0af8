package tw.yanshou.calculus;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongPredicate;

import tw.yanshou.calculus.ContractEvent.Amended;
import tw.yanshou.calculus.ContractEvent.Extended;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.Tenders.Completion;
import tw.yanshou.calculus.Timeline.MilestoneState;
import tw.yanshou.calculus.calendar.OfficeCalendar;

/**
 * Due dates (docs/calculus.md, sections 1, 1a, 5a and 7): of each milestone by its due rule, of each item after a
 * settlement with {@code resetDue}, an extension or the amendment that added it, and the settlements' completion
 * deadlines. Remembers the years whose office calendar the
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
    /** Whether a known settlement resets, an extension moves or an amendment adds to due dates (most contracts: no). */
    private final boolean anyChange;

    /** @param completions what each milestone's tenders come to, as known on the statement day */
    DueDates(Contract contract, Timeline timeline, OfficeCalendar calendar, Map<String, Completion> completions) {
        this.contract = contract;
        this.timeline = timeline;
        this.calendar = calendar;
        this.rule = new Periods.Rule(contract.terms().deadlineDays(), contract.terms().lastDayRollover(), calendar);
        this.completions = completions;
        this.excused = timeline.excusedDays::contains;
        this.anyChange = timeline.dueChanges.stream()
                .anyMatch(c -> !(c instanceof MediationConcluded s) || s.resetDue() && s.completionDeadline() != null);
    }

    /**
     * The due date of one item of a milestone: the milestone's due rule, then the events that set or move due dates
     * in effective order — the completion deadline of a settlement with {@code resetDue} at whose date the item was
     * still open (no tender made on or before that date stands), an extension of the milestone, and for an item an
     * amendment added, its joining (it is due with the milestone, or the milestone's own number of days after the
     * amendment when the milestone's due date has passed by then). Null while the rule's anchor has not happened.
     */
    LocalDate itemDue(MilestoneState state, String item) {
        if (!anyChange) return ruleDue(state.milestone.id());
        return itemDue(state, item, null);
    }

    /** The item's due date in force just before {@code stop} (null: after every known change). */
    private LocalDate itemDue(MilestoneState state, String item, ContractEvent stop) {
        String id = state.milestone.id();
        LocalDate due = ruleDue(id);
        Amended joinedBy = state.joinedBy.get(item);
        boolean present = joinedBy == null;
        LocalDate standing = completions.get(id).itemCompletedOn().get(item);
        for (ContractEvent change : timeline.dueChanges) {
            if (change == stop) break;
            if (change instanceof MediationConcluded s) {
                if (!present || !s.resetDue() || s.completionDeadline() == null) continue;
                if (standing != null && !standing.isAfter(s.date())) continue;
                due = deadline(s);
            } else if (change instanceof Extended x) {
                if (x.milestone().equals(id) && due != null) due = StatementCalculator.later(due, extended(due, x));
            } else if (change == joinedBy) {
                present = true;
                if (due != null && !due.isAfter(joinedBy.date())) due = joinDue(state.milestone, joinedBy.date());
            }
        }
        return due;
    }

    /**
     * The due date of the milestone in force just before {@code extension} (the latest of its items'), or null if it
     * has none yet.
     */
    LocalDate dueBefore(MilestoneState state, Extended extension) {
        LocalDate due = null;
        for (String item : state.tenders.keySet()) due = StatementCalculator.later(due, itemDue(state, item, extension));
        return due;
    }

    /**
     * The due date an extension gives, from the due date in force: {@code days} more calendar days counted from the
     * day after it (excused days skipped, §122), or the day {@code to}, pushed by the excused days after the
     * extension's date and on or before it, then §122. The caller keeps the later of the two: an extension never
     * shortens a due date.
     */
    LocalDate extended(LocalDate inForce, Extended x) {
        boolean rollover = rule.lastDayRollover();
        LocalDate day;
        if (x.days() != null) {
            day = Periods.lastDay(inForce, x.days(), new Periods.Rule(DeadlineDays.CALENDAR, rollover, calendar), excused);
            if (rollover) used(inForce, day);
        } else if (x.to().isAfter(x.date())) {
            day = Periods.fixedDay(x.date(), x.to(), rule, excused);
            if (rollover) used(x.to(), day);
        } else {
            day = rollover ? Periods.rollOver(x.to(), calendar, excused) : x.to();
            if (rollover) used(x.to(), day);
        }
        return day;
    }

    /**
     * The due date of an item added to a milestone whose due date had passed by the amendment's date: the
     * milestone's own number of days from the day after the amendment — as its rule counts them, or for a fixed
     * date the calendar days from the signing to it — with excused days skipped and §122.
     */
    private LocalDate joinDue(Milestone milestone, LocalDate joined) {
        LocalDate day;
        if (milestone.due() instanceof DueRule.Relative relative) {
            day = Periods.lastDay(joined, relative.days(), rule, excused);
            if (rule.days() == DeadlineDays.WORKING || rule.lastDayRollover()) used(joined, day);
        } else {
            long days = java.time.temporal.ChronoUnit.DAYS.between(contract.signedOn(), ((DueRule.Fixed) milestone.due()).date());
            day = Periods.lastDay(joined, (int) Math.max(0, days),
                    new Periods.Rule(DeadlineDays.CALENDAR, rule.lastDayRollover(), calendar), excused);
            if (rule.lastDayRollover()) used(joined, day);
        }
        return day;
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
