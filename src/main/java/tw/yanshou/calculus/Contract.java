package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the calculus needs of a contract: when it was signed, its items, terms, milestones, events (in the
 * order they were recorded; the calculus orders them by effective date), claims, and the buyer's duties (evidence
 * only: the calculus's figures do not use them).
 */
public record Contract(String number, LocalDate signedOn, List<Item> items, Terms terms, List<Milestone> milestones,
                       List<ContractEvent> events, List<Claim> claims, List<BuyerDuty> buyerDuties) {
    public Contract {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(signedOn, "signedOn");
        Objects.requireNonNull(terms, "terms");
        items = List.copyOf(items);
        milestones = List.copyOf(milestones);
        events = events == null ? List.of() : List.copyOf(events);
        claims = claims == null ? List.of() : List.copyOf(claims);
        buyerDuties = buyerDuties == null ? List.of() : List.copyOf(buyerDuties);
    }

    /** A contract without buyer's duties. */
    public Contract(String number, LocalDate signedOn, List<Item> items, Terms terms, List<Milestone> milestones,
                    List<ContractEvent> events, List<Claim> claims) {
        this(number, signedOn, items, terms, milestones, events, claims, List.of());
    }

    public Optional<BuyerDuty> buyerDuty(String id) {
        return buyerDuties.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The contract total as signed: the sum of the item amounts. */
    public BigDecimal total() {
        return items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Optional<Milestone> milestone(String id) {
        return milestones.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<Item> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The same contract with one more event recorded. */
    public Contract withEvent(ContractEvent event) {
        var all = new java.util.ArrayList<>(events);
        all.add(event);
        return new Contract(number, signedOn, items, terms, milestones, all, claims, buyerDuties);
    }
}
