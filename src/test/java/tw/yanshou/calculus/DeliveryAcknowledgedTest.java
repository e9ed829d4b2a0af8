package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.yanshou.calculus.Fixtures.d;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tw.yanshou.calculus.ContractEvent.Delivered;
import tw.yanshou.calculus.ContractEvent.DeliveryAcknowledged;

/**
 * The vendor's acknowledgement of a delivery (協力義務) in the calculus: it names a delivery of the contract, comes
 * on or after it, once; it is evidence only (no figure moves) and may come after the termination.
 */
class DeliveryAcknowledgedTest {
    private static final ContractValidator VALIDATOR = new ContractValidator(CalendarSource.shipped());

    /** Item A of 1,000,000, due 30 days after 2019-01-01 (2019-01-31); the manual due 10 days after the signing. */
    private static Contract contract(ContractEvent... events) {
        Contract c = Fixtures.simple("2019-01-01", 1_000_000, 30);
        return new Contract(c.number(), c.signedOn(), c.items(), c.terms(), c.milestones(), new ArrayList<>(List.of(events)),
                c.claims(), List.of(new BuyerDuty("MANUAL", "手冊", new DueRule.Relative(10, Anchor.SIGNED))));
    }

    private static final Delivered MANUAL = new Delivered(d("2019-01-05"), "MANUAL", null);

    @Test
    void anAcknowledgementOfADeliveryIsValidAndMovesNoFigure() {
        Contract with = contract(MANUAL, new DeliveryAcknowledged(d("2019-01-07"), "MANUAL", d("2019-01-05"), null));
        assertThat(VALIDATOR.validate(with)).isEmpty();
        // nothing tendered: 1,000,000 × 1‰ × 10 days late (2019-02-01 … 2019-02-10) = 10,000, with or without it
        assertThat(Fixtures.CALCULATOR.statement(with, d("2019-02-10")).penalty())
                .isEqualByComparingTo(Fixtures.CALCULATOR.statement(contract(MANUAL), d("2019-02-10")).penalty())
                .isEqualByComparingTo("10000");
    }

    @Test
    void anAcknowledgementNamesADeliveryComesAfterItAndOnlyOnce() {
        assertThat(VALIDATOR.validate(contract(MANUAL, new DeliveryAcknowledged(d("2019-01-07"), "MANUAL", d("2019-01-06"), null))))
                .extracting(Violation::path, Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("events[1].delivered",
                        "no delivery of duty MANUAL on 2019-01-06 to acknowledge"));
        assertThat(VALIDATOR.validate(contract(MANUAL, new DeliveryAcknowledged(d("2019-01-04"), "MANUAL", d("2019-01-05"), null))))
                .extracting(Violation::path).containsExactly("events[1].date");
        List<Violation> twice = VALIDATOR.validate(contract(MANUAL,
                new DeliveryAcknowledged(d("2019-01-07"), "MANUAL", d("2019-01-05"), null),
                new DeliveryAcknowledged(d("2019-01-09"), "MANUAL", d("2019-01-05"), "again")));
        assertThat(twice).extracting(Violation::path).containsExactly("events[2]");
        assertThat(twice.get(0).kind()).isEqualTo(Violation.Kind.CONFLICT);
        assertThat(twice.get(0).message()).contains("acknowledged already (on 2019-01-07)");
    }

    @Test
    void aDeliveryMadeBeforeTheTerminationMayBeAcknowledgedAfterIt() {
        Contract c = contract(MANUAL, new ContractEvent.Terminated(d("2019-03-01"), "VENDOR_DEFAULT", null),
                new DeliveryAcknowledged(d("2019-03-05"), "MANUAL", d("2019-01-05"), null));
        assertThat(VALIDATOR.validate(c)).isEmpty();
        // a delivery after the termination is still refused, as every other event
        Contract late = contract(MANUAL, new ContractEvent.Terminated(d("2019-03-01"), "VENDOR_DEFAULT", null),
                new Delivered(d("2019-03-05"), "MANUAL", null));
        assertThat(VALIDATOR.validate(late)).extracting(Violation::path).containsExactly("events[2]");
    }
}
