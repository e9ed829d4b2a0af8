package tw.yanshou.contract;

import java.time.LocalDate;
import java.util.List;

import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.RocDates;
import tw.yanshou.calculus.Violation;

/** Dates typed into requests (parameters, task answers, closures): ISO or 民國; a bad one is a violation of {@code field}. */
public final class Dates {
    private Dates() { }

    public static LocalDate parse(String field, String value) {
        try {
            return RocDates.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidContractException(List.of(new Violation(field, e.getMessage())));
        }
    }
}
