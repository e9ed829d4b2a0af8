package tw.yanshou.contract.file;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import tw.yanshou.calculus.Contract;

/**
 * One contract file of format {@value #FORMAT}: what the file says about the contract beyond the calculus (title,
 * parties, currency, linked contracts) and the {@link Contract} the calculus computes with.
 *
 * @param format          the format of the file; always {@value #FORMAT}
 * @param number          the procurement case number, the same as {@code contract.number()}
 * @param title           the contract title; may be null
 * @param buyer           the buying agency; may be null
 * @param vendor          the vendor; may be null
 * @param currency        the currency of every amount; {@value #CURRENCY}
 * @param linkedContracts contracts bound to this one (maintenance, options), in file order
 * @param contract        the contract as the calculus reads it
 */
public record ContractFile(int format, String number, String title, String buyer, Vendor vendor, String currency,
                           List<LinkedContract> linkedContracts, Contract contract) {

    /** The format this version of the server reads and writes. */
    public static final int FORMAT = 1;

    /** The only currency of format 1: New Taiwan dollars, whole amounts. */
    public static final String CURRENCY = "TWD";

    public ContractFile {
        Objects.requireNonNull(contract, "contract");
        if (format != FORMAT)
            throw new IllegalArgumentException("unsupported format " + format + "; this server reads format " + FORMAT);
        if (number == null) number = contract.number();
        if (!number.equals(contract.number()))
            throw new IllegalArgumentException("number " + number + " differs from the contract's " + contract.number());
        if (currency == null) currency = CURRENCY;
        linkedContracts = linkedContracts == null ? List.of() : List.copyOf(linkedContracts);
    }

    /**
     * The vendor (廠商).
     *
     * @param id   the vendor's id in the server; may be null
     * @param name the vendor's registered name
     */
    public record Vendor(String id, String name) {
        public Vendor {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A contract bound to this one, such as the maintenance contract of the equipment.
     *
     * @param number             its procurement case number
     * @param kind               what it is, e.g. {@code MAINTENANCE}
     * @param amount             its price in whole TWD
     * @param performanceBond    its performance bond in whole TWD; may be null
     * @param terminatesWithThis it ends when this contract is terminated
     */
    public record LinkedContract(String number, String kind, BigDecimal amount, BigDecimal performanceBond,
                                 boolean terminatesWithThis) {
        public LinkedContract {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(amount, "amount");
            if (amount.signum() < 0) throw new IllegalArgumentException("amount must not be negative");
            if (performanceBond != null && performanceBond.signum() < 0)
                throw new IllegalArgumentException("performanceBond must not be negative");
        }
    }
}
