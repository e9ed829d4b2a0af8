package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.util.Objects;

/** A priced item of a contract; the contract total is the sum of the item amounts. */
public record Item(String code, String name, BigDecimal amount) {
    public Item {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) throw new IllegalArgumentException("item " + code + ": amount must not be negative");
    }
}
