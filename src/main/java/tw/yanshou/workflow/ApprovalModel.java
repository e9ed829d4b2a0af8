package tw.yanshou.workflow;

import java.util.List;

/**
 * The names of {@code bpmn/decision-approval.bpmn} (four eyes) that the code relies on; {@code ApprovalModelNamesTest}
 * checks each against the model.
 */
public final class ApprovalModel {
    private ApprovalModel() { }

    /** The process definition key: one instance per proposal, its business key the proposal's id. */
    public static final String PROCESS = "decision-approval";
    /** The supervisor's task. */
    public static final String APPROVE_DECISION = "ApproveDecision";
    /** The end events: approved (the event recorded), rejected. */
    public static final String TAKEN_EFFECT = "DecisionTakenEffect";
    public static final String REJECTED = "DecisionRejected";

    /** The answers of the supervisor's task. */
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    /** The variables. */
    public static final class Variables {
        private Variables() { }
        public static final String CONTRACT_ID = "contractId";
        public static final String CONTRACT_NUMBER = "contractNumber";
        public static final String EVENT_TYPE = "eventType";
        public static final String EVENT_DATE = "eventDate";
        /** The event as the contract file writes it (JSON, UTF-8 bytes: no length limit of the engine's strings). */
        public static final String EVENT = "event";
        public static final String PROPOSED_BY = "proposedBy";
        public static final String PROPOSER_ROLES = "proposerRoles";
        public static final String REASON = "reason";
        public static final String PROPOSED_AT = "proposedAt";
        // the supervisor's answer (transient when the task completes: the gateway reads the decision) …
        public static final String DECISION = "decision";
        public static final String ANSWER_REASON = "answerReason";
        public static final String ANSWER_BY = "answerBy";
        // … and as the steps after it keep it
        public static final String DECISION_REASON = "decisionReason";
        public static final String DECIDED_BY = "decidedBy";
        public static final String DECIDED_AT = "decidedAt";
        /** APPROVED or REJECTED, set by the step that ends the proposal. */
        public static final String OUTCOME = "outcome";
        /** The event's id in the contract's log, once recorded. */
        public static final String EVENT_ID = "eventId";
        /** The variables the model's expressions read. */
        public static final List<String> READ_BY_MODEL = List.of(DECISION);
    }
}
