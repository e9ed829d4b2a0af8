package tw.yanshou.contract.api;

import java.time.LocalDate;
import java.util.List;

import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.RocDates;
import tw.yanshou.calculus.Violation;

/** Dates in request parameters: ISO or 民國. */
final class Dates {
    private Dates() { }

    static LocalDate parse(String field, String value) {
        try {
            return RocDates.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidContractException(List.of(new Violation(field, e.getMessage())));
        }
    }
}
