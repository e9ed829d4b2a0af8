package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened to a contract, with its effective (legal) date. Events are applied in
 * effective-date order whatever order they were recorded in.
 */
public sealed interface ContractEvent {

    /** The effective date. */
    LocalDate date();

    /** The type as written in a contract file. */
    String type();

    /** A milestone event: a tender, a failed inspection or an acceptance. */
    sealed interface MilestoneEvent extends ContractEvent {
        String milestone();

        /** The items the event is about; empty means all of the milestone's (or of the pending tender's) items. */
        List<String> items();
    }

    /** The vendor declares the milestone (or some of its items) ready. */
    record Tendered(LocalDate date, String milestone, List<String> items, String note) implements MilestoneEvent {
        public Tendered {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(milestone, "milestone");
            items = items == null ? List.of() : List.copyOf(items);
        }

        @Override public String type() { return "TENDERED"; }
    }

    /** An inspection result with its record: the results per checklist item and the inspectors (may be empty). */
    sealed interface InspectionResult extends MilestoneEvent {
        InspectionRecord record();
    }

    /**
     * An inspection or review failed; the vendor must cure and re-tender by {@code cureBy} (default: the same day).
     * The record's failed items are what the vendor must fix.
     */
    record InspectionFailed(LocalDate date, String milestone, List<String> items, LocalDate cureBy, String note,
                            InspectionRecord record) implements InspectionResult {
        public InspectionFailed {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(milestone, "milestone");
            items = items == null ? List.of() : List.copyOf(items);
            if (cureBy == null) cureBy = date;
            if (record == null) record = InspectionRecord.NONE;
        }

        public InspectionFailed(LocalDate date, String milestone, List<String> items, LocalDate cureBy, String note) {
            this(date, milestone, items, cureBy, note, InspectionRecord.NONE);
        }

        @Override public String type() { return "INSPECTION_FAILED"; }
    }

    /** The inspection or review passed (for the named items only, if any are named). */
    record Accepted(LocalDate date, String milestone, List<String> items, String note, InspectionRecord record)
            implements InspectionResult {
        public Accepted {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(milestone, "milestone");
            items = items == null ? List.of() : List.copyOf(items);
            if (record == null) record = InspectionRecord.NONE;
        }

        public Accepted(LocalDate date, String milestone, List<String> items, String note) {
            this(date, milestone, items, note, InspectionRecord.NONE);
        }

        @Override public String type() { return "ACCEPTED"; }
    }

    /** Days not counted (不計工期): buyer suspension, force majeure, a typhoon closure. */
    record Excused(LocalDate date, DateRange range, String reason) implements ContractEvent {
        public Excused {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(range, "range");
        }

        @Override public String type() { return "EXCUSED"; }
    }

    /** A mediation was applied for (履約爭議調解); later days are provisional until it concludes. */
    record MediationFiled(LocalDate date, String note) implements ContractEvent {
        public MediationFiled { Objects.requireNonNull(date, "date"); }

        @Override public String type() { return "MEDIATION_FILED"; }
    }

    /** How a mediation ended. */
    enum Outcome { SETTLED, FAILED }

    /**
     * A mediation concluded; its terms apply from {@code date}, the day the result was served.
     *
     * @param excused            days not counted, or null
     * @param completionDeadline everything must be finished by then (calendar days, working days or a date), or null
     * @param resetDue           the completion deadline becomes the due date of every item still open on {@code date}
     *                           (no tender made by then that stands); the others keep their due dates and late days
     * @param capWaived          the penalty cap no longer applies
     */
    record MediationConcluded(LocalDate date, Outcome outcome, DateRange excused, Period completionDeadline,
                              boolean resetDue, boolean capWaived, String note) implements ContractEvent {
        public MediationConcluded {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(outcome, "outcome");
        }

        @Override public String type() { return "MEDIATION_CONCLUDED"; }
    }

    /**
     * A changed, added or price-reduced (減價收受) item, in force from the amendment's date.
     *
     * @param milestone for an item the amendment adds: the milestone it joins from the amendment's date (it is then
     *                  due with that milestone, docs/calculus.md section 5a); null for a price change or an item that
     *                  belongs to no milestone
     */
    record ItemChange(String code, String name, BigDecimal amount, String milestone) {
        public ItemChange {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(amount, "amount");
        }

        /** A change of an item that joins no milestone. */
        public ItemChange(String code, String name, BigDecimal amount) { this(code, name, amount, null); }
    }

    /** A price or quantity change (incl. price-reduced acceptance 減價收受) from {@code date}. */
    record Amended(LocalDate date, List<ItemChange> items, String reason) implements ContractEvent {
        public Amended {
            Objects.requireNonNull(date, "date");
            items = List.copyOf(items);
        }

        @Override public String type() { return "AMENDED"; }
    }

    /**
     * The buyer extends a milestone's due date (展延履約期限), from {@code date} on: by {@code days} more calendar days
     * counted from the day after the due date in force, or to the day {@code to}; excused days push the new due date
     * and §122 applies as for every due date. An extension never shortens a due date, and it moves the deadline itself:
     * once known, the days up to the new due date are not late, even when it was granted after the old one had passed
     * (docs/calculus.md, section 1a). Exactly one of {@code days} and {@code to} is given.
     */
    record Extended(LocalDate date, String milestone, Integer days, LocalDate to, String reason) implements ContractEvent {
        public Extended {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(milestone, "milestone");
            if ((days == null) == (to == null)) throw new IllegalArgumentException("an extension has either days or a date to");
            if (days != null && days < 1) throw new IllegalArgumentException("an extension grants at least one day");
        }

        public static Extended byDays(LocalDate date, String milestone, int days, String reason) {
            return new Extended(date, milestone, days, null, reason);
        }

        public static Extended to(LocalDate date, String milestone, LocalDate to, String reason) {
            return new Extended(date, milestone, null, to, reason);
        }

        @Override public String type() { return "EXTENDED"; }
    }

    /** The contract ends (解除/終止); no more days accrue after {@code date}. */
    record Terminated(LocalDate date, String ground, String note) implements ContractEvent {
        public Terminated { Objects.requireNonNull(date, "date"); }

        @Override public String type() { return "TERMINATED"; }
    }

    /**
     * The buyer delivered what a duty of the contract asks (協力義務: an interface document, test cards, a manual):
     * evidence only, the calculus's figures ignore it.
     */
    record Delivered(LocalDate date, String duty, String note) implements ContractEvent {
        public Delivered {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(duty, "duty");
        }

        @Override public String type() { return "DELIVERED"; }
    }

    /**
     * The vendor acknowledges receipt of what the buyer delivered for a duty on {@code delivered} (the DELIVERED
     * event of that duty and day): evidence only, the calculus's figures ignore it. A delivery is acknowledged once;
     * the acknowledgement is dated the day the vendor gives it, not before the delivery.
     */
    record DeliveryAcknowledged(LocalDate date, String duty, LocalDate delivered, String note) implements ContractEvent {
        public DeliveryAcknowledged {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(duty, "duty");
            Objects.requireNonNull(delivered, "delivered");
        }

        @Override public String type() { return "DELIVERY_ACKNOWLEDGED"; }
    }
}
