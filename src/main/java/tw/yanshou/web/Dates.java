package tw.yanshou.web;

import java.time.LocalDate;

import tw.yanshou.calculus.RocDates;

/** Dates typed into requests (parameters, task answers, closures): ISO or 民國; a bad one is a violation of {@code field}. */
public final class Dates {
    private Dates() { }

    public static LocalDate parse(String field, String value) {
        try {
            return RocDates.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }
}
