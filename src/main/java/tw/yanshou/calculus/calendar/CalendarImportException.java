package tw.yanshou.calculus.calendar;

import java.util.List;

/** An office calendar file was rejected; {@link #problems()} lists everything found wrong with it. */
public class CalendarImportException extends RuntimeException {

    private final List<String> problems;

    CalendarImportException(List<String> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " in office calendar file:\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in file order, each like {@code line 5: 是否放假 must be 0 or 2, was "1"}. */
    public List<String> problems() {
        return problems;
    }
}
