package tw.yanshou.calculus;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A milestone: the items it delivers, when it is due, and the specification's checklist its inspection goes by
 * (empty if the file gives none; the calculus's figures do not use it).
 */
public record Milestone(String id, String name, List<String> items, DueRule due, List<ChecklistItem> checklist) {
    public Milestone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(due, "due");
        items = List.copyOf(items);
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }

    /** A milestone without a checklist. */
    public Milestone(String id, String name, List<String> items, DueRule due) {
        this(id, name, items, due, List.of());
    }

    public Optional<ChecklistItem> checklistItem(String itemId) {
        return checklist.stream().filter(c -> c.id().equals(itemId)).findFirst();
    }
}
