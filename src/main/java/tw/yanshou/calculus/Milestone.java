package tw.yanshou.calculus;

import java.util.List;
import java.util.Objects;

/** A milestone: the items it delivers and when it is due. */
public record Milestone(String id, String name, List<String> items, DueRule due) {
    public Milestone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(due, "due");
        items = List.copyOf(items);
    }
}
