package tw.yanshou.contract;

/**
 * What submitting an event came to: recorded at once ({@code recorded}), or, for an event that needs a supervisor's
 * approval, proposed ({@code proposal}: nothing in the log yet).
 */
public record Submission(StoredEvent recorded, DecisionProposed proposal) {
    public boolean pending() { return proposal != null; }
}
