package tw.yanshou.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** The names the code uses ({@link ProcessModel}) are the names of {@code bpmn/contract-acceptance.bpmn}, both ways. */
class ProcessModelNamesTest {
    static final Path MODEL = Path.of("bpmn/contract-acceptance.bpmn");
    final BpmnModelInstance model = Bpmn.readModelFromFile(MODEL.toFile());

    @Test
    void theProcessKeyIsTheModels() {
        assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId)
                .containsExactly(ProcessModel.PROCESS);
    }

    @Test
    void theOfficerTasksAreTheModelsUserTasks() {
        assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getId)
                .containsExactlyInAnyOrderElementsOf(ProcessModel.Tasks.ALL);
    }

    @Test
    void theMessagesAreTheModels() {
        assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactlyInAnyOrderElementsOf(ProcessModel.Messages.ALL);
        assertThat(ProcessModel.Messages.tendered("STAGE2")).isEqualTo(
                ProcessModel.Messages.TENDERED_TEMPLATE.replace("${" + ProcessModel.Variables.MILESTONE_ID + "}", "STAGE2"));
    }

    /** Every variable the model's expressions, conditions and timers read is one the code sets. */
    @Test
    void theVariablesTheModelReadsAreTheCodes() throws IOException {
        String xml = Files.readString(MODEL);
        Matcher expressions = Pattern.compile("\\$\\{([^}]*)}").matcher(xml);
        java.util.Set<String> identifiers = new java.util.TreeSet<>();
        while (expressions.find()) {
            // identifiers that are not a bean call (name followed by a dot), a literal or an operator word
            Matcher names = Pattern.compile("(?<![.\\w'\"])([a-zA-Z_]\\w*)(?![\\w.(])").matcher(
                    expressions.group(1).replaceAll("&quot;[^&]*&quot;|'[^']*'", ""));
            while (names.find()) identifiers.add(names.group(1));
        }
        identifiers.removeAll(java.util.Set.of("null", "true", "false", "execution", "task", "amp", "quot", "x27"));
        assertThat(identifiers).containsExactlyInAnyOrderElementsOf(ProcessModel.Variables.READ_BY_MODEL);
    }

    /**
     * The daily accrual is the {@link NightlyAccrual}'s, not a timer of every instance (10,000 of them falling due
     * in the same minute): no timer of the model is a date computed for all, and nothing in it recomputes daily.
     */
    @Test
    void noTimerOfTheModelFallsDueForEveryContractAtOnce() throws IOException {
        String xml = Files.readString(MODEL);
        assertThat(xml).doesNotContain("accrual.nextRun").doesNotContain("&quot;DAILY&quot;");
        for (org.camunda.bpm.model.bpmn.instance.TimerEventDefinition timer
                : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class)) {
            String due = timer.getTimeDate() != null ? timer.getTimeDate().getTextContent()
                    : timer.getTimeCycle() != null ? timer.getTimeCycle().getTextContent() : timer.getTimeDuration().getTextContent();
            assertThat(due).as("timer %s", ((org.camunda.bpm.model.xml.instance.ModelElementInstance) timer.getParentElement())
                    .getAttributeValue("id")).matches("\\$\\{(dueTimer|cureTimer)}");
        }
    }
}
