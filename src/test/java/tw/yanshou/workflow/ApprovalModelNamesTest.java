package tw.yanshou.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.junit.jupiter.api.Test;

/**
 * The names the code uses ({@link ApprovalModel}) are the names of {@code bpmn/decision-approval.bpmn}, both ways; its
 * one user task is for supervisors and guarded; the officer tasks' candidate groups are the groups of the roles.
 */
class ApprovalModelNamesTest {
    static final Path MODEL = Path.of("bpmn/decision-approval.bpmn");
    final BpmnModelInstance model = Bpmn.readModelFromFile(MODEL.toFile());

    @Test
    void theProcessKeyTaskAndEndsAreTheModels() {
        assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId).containsExactly(ApprovalModel.PROCESS);
        assertThat(model.getModelElementsByType(Process.class).iterator().next().getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
        assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getId)
                .containsExactly(ApprovalModel.APPROVE_DECISION);
        assertThat(model.getModelElementsByType(EndEvent.class)).extracting(EndEvent::getId)
                .containsExactlyInAnyOrder(ApprovalModel.TAKEN_EFFECT, ApprovalModel.REJECTED);
    }

    @Test
    void theSupervisorsDecideAndTheCompletionIsGuarded() {
        UserTask task = model.getModelElementById(ApprovalModel.APPROVE_DECISION);
        assertThat(task.getCamundaCandidateGroups()).isEqualTo(tw.yanshou.security.Actor.GROUP_SUPERVISORS);
        assertThat(task.getExtensionElements().getElementsQuery().filterByType(
                org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class).list())
                .extracting(l -> l.getCamundaEvent() + " " + l.getCamundaExpression())
                .containsExactly("complete ${decisionApprovals.checkCompletion(task)}");
        assertThat(model.getModelElementsByType(CamundaFormField.class)).extracting(CamundaFormField::getCamundaId)
                .containsExactly(ApprovalModel.Variables.DECISION, ApprovalModel.Variables.ANSWER_REASON);
    }

    /** Every variable the model's expressions read is one the code sets. */
    @Test
    void theVariablesTheModelReadsAreTheCodes() throws IOException {
        Matcher expressions = Pattern.compile("\\$\\{([^}]*)}").matcher(Files.readString(MODEL));
        java.util.Set<String> identifiers = new java.util.TreeSet<>();
        while (expressions.find()) {
            Matcher names = Pattern.compile("(?<![.\\w'\"])([a-zA-Z_]\\w*)(?![\\w.(])").matcher(
                    expressions.group(1).replaceAll("&quot;[^&]*&quot;|'[^']*'", ""));
            while (names.find()) identifiers.add(names.group(1));
        }
        identifiers.removeAll(java.util.Set.of("null", "true", "false", "execution", "task"));
        assertThat(identifiers).containsExactlyInAnyOrderElementsOf(ApprovalModel.Variables.READ_BY_MODEL);
    }

    /** The officer tasks' candidate groups are groups of roles: officers everywhere, inspectors for results too. */
    @Test
    void theOfficerTasksCandidateGroupsAreTheRolesGroups() {
        BpmnModelInstance main = Bpmn.readModelFromFile(ProcessModelNamesTest.MODEL.toFile());
        java.util.Map<String, String> groups = new java.util.TreeMap<>();
        for (UserTask t : main.getModelElementsByType(UserTask.class)) groups.put(t.getId(), t.getCamundaCandidateGroups());
        assertThat(groups).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                ProcessModel.Tasks.SCHEDULE_INSPECTION, "officers",
                ProcessModel.Tasks.RECORD_INSPECTION_RESULT, "officers,inspectors",
                ProcessModel.Tasks.DECIDE_TERMINATION, "officers",
                ProcessModel.Tasks.REVIEW_SETTLEMENT, "officers"));
        assertThat(new tw.yanshou.security.Actor("x", java.util.Set.of("INSPECTOR"), null).groups()).containsExactly("inspectors");
    }
}
