package tw.yanshou.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tw.yanshou.calculus.Statement;

/**
 * The names of {@code bpmn/contract-acceptance.bpmn} that the code relies on, in one place: the process key, the
 * officer tasks, the messages and the variables. {@code ProcessModelNamesTest} checks each against the model, so a
 * rename in the Modeler breaks a test, not production. The daily recomputation of the statement is not in the model:
 * the {@link NightlyAccrual} does it for all open contracts in chunks (the model's timers are each contract's own
 * due dates and cure deadlines, never one that falls due for every contract at once).
 */
public final class ProcessModel {
    private ProcessModel() { }

    /** The process definition key: one instance per contract, its business key the contract number. */
    public static final String PROCESS = "contract-acceptance";

    /** The officer tasks (user task ids). */
    public static final class Tasks {
        private Tasks() { }
        public static final String SCHEDULE_INSPECTION = "ScheduleInspection";
        public static final String RECORD_INSPECTION_RESULT = "RecordInspectionResult";
        public static final String DECIDE_TERMINATION = "DecideTermination";
        public static final String REVIEW_SETTLEMENT = "ReviewSettlement";
        public static final List<String> ALL = List.of(SCHEDULE_INSPECTION, RECORD_INSPECTION_RESULT, DECIDE_TERMINATION,
                REVIEW_SETTLEMENT);
    }

    /** The messages the process waits for (message names; a tender's carries its milestone). */
    public static final class Messages {
        private Messages() { }
        static final String TENDERED_PREFIX = "Tendered_";
        public static final String MILESTONE_CHANGED = "MilestoneChanged";
        public static final String MEDIATION_FILED = "MediationFiled";
        public static final String MEDIATION_CONCLUDED = "MediationConcluded";
        public static final String TERMINATED = "Terminated";
        /** As written in the model: {@code Tendered_${milestoneId}}. */
        public static final String TENDERED_TEMPLATE = TENDERED_PREFIX + "${" + Variables.MILESTONE_ID + "}";
        public static final List<String> ALL = List.of(TENDERED_TEMPLATE, MILESTONE_CHANGED, MEDIATION_FILED,
                MEDIATION_CONCLUDED, TERMINATED);

        public static String tendered(String milestone) { return TENDERED_PREFIX + milestone; }
    }

    /** The variables: the process instance's, a milestone branch's, and the transient answers of a task. */
    public static final class Variables {
        private Variables() { }
        // the process instance
        public static final String CONTRACT_ID = "contractId";
        public static final String TERMINATION_RIGHT_ON = "terminationRightOn";
        public static final String MEDIATION_PENDING = "mediationPending";
        public static final String PENALTY = "penalty";
        // a milestone branch
        public static final String MILESTONE_ID = "milestoneId";
        public static final String DUE_ON = "dueOn";
        public static final String DUE_TIMER = "dueTimer";
        public static final String MILESTONE_ACCEPTED = "milestoneAccepted";
        public static final String CURE_TIMER = "cureTimer";
        public static final String OUTCOME = "outcome";
        // task answers (transient)
        public static final String RESULT = "result";
        public static final String RESULT_ON = "resultOn";
        public static final String CURE_BY = "cureBy";
        public static final String INSPECTION_ON = "inspectionOn";
        public static final String DECISION = "decision";
        public static final String DECIDED_ON = "decidedOn";
        public static final String NOTE = "note";
        /** The variables the model's expressions and timers read. */
        public static final List<String> READ_BY_MODEL = List.of(TERMINATION_RIGHT_ON, MEDIATION_PENDING, MILESTONE_ID,
                DUE_TIMER, MILESTONE_ACCEPTED, CURE_TIMER, OUTCOME);
    }

    /** The process variables that escalations depend on, from a statement. */
    public static Map<String, Object> escalationVariables(Statement statement) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.TERMINATION_RIGHT_ON,
                statement.terminationRightOn() == null ? null : statement.terminationRightOn().toString());
        variables.put(Variables.MEDIATION_PENDING, statement.mediationPendingSince() != null);
        variables.put(Variables.PENALTY, statement.penalty().longValueExact());
        return variables;
    }
}
