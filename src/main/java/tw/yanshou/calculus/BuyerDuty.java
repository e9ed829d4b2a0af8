package tw.yanshou.calculus;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the buyer must deliver to the vendor (機關協力義務): interface documents, test cards, a sample machine,
 * manuals. The calculus does not count late days for the buyer; it keeps the duty and its due date as evidence, and
 * {@link ContractEvent.Delivered} events record each delivery.
 *
 * @param id   unique among the duties; {@code DELIVERED} events name it
 * @param name what is to be delivered; may be null
 * @param due  a fixed date, or calendar days counted from the day after an anchor (the signing, a milestone's first
 *             tender or acceptance)
 */
public record BuyerDuty(String id, String name, DueRule due) {
    public BuyerDuty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(due, "due");
    }

    /**
     * The due date as known from the contract's events: a fixed date; N calendar days after the signing; N calendar
     * days after the first tender or acceptance of the anchor milestone, empty while that has not happened. No rest
     * day moves it (the buyer's duties are evidence, not a deadline the calculus enforces).
     */
    public Optional<LocalDate> dueOn(Contract contract) {
        if (due instanceof DueRule.Fixed f) return Optional.of(f.date());
        DueRule.Relative r = (DueRule.Relative) due;
        if (r.from().kind() == Anchor.Kind.SIGNED) return Optional.of(contract.signedOn().plusDays(r.days()));
        return contract.events().stream()
                .filter(e -> e instanceof ContractEvent.MilestoneEvent m && m.milestone().equals(r.from().milestone())
                        && (r.from().kind() == Anchor.Kind.TENDERED ? e instanceof ContractEvent.Tendered
                        : e instanceof ContractEvent.Accepted))
                .map(ContractEvent::date).min(LocalDate::compareTo)
                .map(d -> d.plusDays(r.days()));
    }
}
