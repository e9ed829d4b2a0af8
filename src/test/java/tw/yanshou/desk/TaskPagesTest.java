package tw.yanshou.desk;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import tw.yanshou.calculus.Violation;
import tw.yanshou.contract.ContractBoard;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.workflow.OfficerTasks;

@WebMvcTest(controllers = TaskPages.class)
@WithMockUser(username = "lin", roles = "OFFICER")
class TaskPagesTest extends DeskSlice {
    @MockitoBean OfficerTasks tasks;
    @MockitoBean ContractBoard board;
    @MockitoBean tw.yanshou.contract.InspectionRecords inspections;

    static final UUID C1 = UUID.randomUUID();
    static final UUID C2 = UUID.randomUUID();
    static final OfficerTasks.OfficerTask SCHEDULE = new OfficerTasks.OfficerTask("t1", "ScheduleInspection", "Schedule",
            C1, "C-1", "M", new Date(1_000));
    static final OfficerTasks.OfficerTask DECIDE = new OfficerTasks.OfficerTask("t2", "DecideTermination", "Decide",
            C2, "C-2", null, new Date(2_000));

    @BeforeEach
    void open() {
        // an officer acts on each of these tasks (their candidate groups)
        when(tasks.mayAct(any(), any())).thenReturn(true);
        when(tasks.open(null)).thenReturn(List.of(SCHEDULE, DECIDE));
        when(tasks.find("t1")).thenReturn(Optional.of(SCHEDULE));
        when(board.rows(any(), any())).thenReturn(List.of());
    }

    @Test
    void theTerminationDecisionComesFirstEachWithItsForm() throws Exception {
        mvc.perform(get("/tasks")).andExpect(status().isOk())
                .andExpect(content().string(stringContainsInOrder("決定是否解約", "C-2", "name=\"decision\"",
                        "排定驗收日期", "C-1", "name=\"inspectionOn\"")));
    }

    @Test
    void completingGoesThroughOfficerTasksWithTheDateAsIso() throws Exception {
        mvc.perform(post("/tasks/t1/complete").with(csrf()).param("inspectionOn", "113年6月25日"))
                .andExpect(redirectedUrl("/tasks?completed=ScheduleInspection"));
        verify(tasks).complete(eq("t1"), eq(Map.of("inspectionOn", "2024-06-25")), any());
    }

    @Test
    void problemsAreShownAtTheirFieldAndNothingIsCompleted() throws Exception {
        mvc.perform(post("/tasks/t1/complete").with(csrf()).param("inspectionOn", "下週"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"f-t1-inspectionOn-error\"")))
                .andExpect(content().string(containsString("value=\"下週\"")));
        verify(tasks, never()).complete(any(), anyMap(), any());
        doThrow(new InvalidInputException(List.of(new Violation("inspectionOn", "is required"))))
                .when(tasks).complete(eq("t1"), anyMap(), any());
        mvc.perform(post("/tasks/t1/complete").with(csrf()))
                .andExpect(content().string(containsString("不符規則：is required")));
    }

    @Test
    void aTaskCompletedMeanwhileSaysSo() throws Exception {
        when(tasks.find("gone")).thenReturn(Optional.empty());
        mvc.perform(post("/tasks/gone/complete").with(csrf()).param("note", "x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("此待辦已由他人完成")));
    }

    @Test
    @WithMockUser(username = "chen", roles = "VENDOR")
    void vendorsHaveNoTasksHere() throws Exception {
        mvc.perform(get("/tasks")).andExpect(status().isForbidden());
        mvc.perform(post("/tasks/t1/complete").with(csrf())).andExpect(status().isForbidden());
    }

    static final OfficerTasks.OfficerTask RESULT = new OfficerTasks.OfficerTask("t3", "RecordInspectionResult", "Result",
            C1, "C-1", "FACTORY_INSPECTION", new Date(3_000));
    static final List<tw.yanshou.calculus.ChecklistItem> WIDTHS = List.of(
            tw.yanshou.calculus.ChecklistItem.measure("W_MAIN", "主櫃寬度", "600", "10", "mm"),
            tw.yanshou.calculus.ChecklistItem.measure("W_B", "B列從櫃寬度", "490", "20", "mm"));

    private void resultTask() {
        when(tasks.open(null)).thenReturn(List.of(RESULT));
        when(tasks.find("t3")).thenReturn(Optional.of(RESULT));
        // failed last time: W_B measured 512 (490 ± 20 → 470 – 510)
        var last = new tw.yanshou.contract.InspectionRecords.LastFailure(java.time.LocalDate.of(2019, 1, 25),
                java.time.LocalDate.of(2019, 2, 15), tw.yanshou.calculus.Inspections.judge(WIDTHS,
                List.of(tw.yanshou.calculus.InspectionRecord.Result.measured("W_B", "512"))).failed(), List.of("邱宥豪"), null, null);
        when(inspections.checklist(eq(C1), eq("FACTORY_INSPECTION"), any()))
                .thenReturn(new tw.yanshou.contract.InspectionRecords.ChecklistView("FACTORY_INSPECTION", "廠驗", WIDTHS, last));
    }

    @Test
    void theResultFormAsksForEachItemAndShowsWhatFailedLastTime() throws Exception {
        resultTask();
        mvc.perform(get("/tasks")).andExpect(status().isOk())
                .andExpect(content().string(stringContainsInOrder("前次驗收不合格 (108/01/25)，應於 108/02/15 前改善",
                        "W_B B列從櫃寬度：實測 512 mm，規範 490 ± 20 mm",
                        "600 ± 10 mm", "name=\"results.W_MAIN\"", "name=\"results.W_B\"", "name=\"inspectors\"",
                        "value=\"propose\"")));
    }

    @Test
    void theOfficerSeesTheProposalBeforeRecordingAndTheValuesAreKept() throws Exception {
        resultTask();
        // 612 is outside 600 ± 10 (590 – 610); 495 within 490 ± 20 (470 – 510)
        var judged = tw.yanshou.calculus.Inspections.judge(WIDTHS, List.of(
                tw.yanshou.calculus.InspectionRecord.Result.measured("W_MAIN", "612"),
                tw.yanshou.calculus.InspectionRecord.Result.measured("W_B", "495")));
        when(tasks.propose(eq("t3"), anyMap(), any())).thenReturn(new tw.yanshou.contract.InspectionRecords.Proposal(
                "FACTORY_INSPECTION", judged.proposal(), judged.items(), judged.failedItems(), judged.notInspected(), List.of(), null));

        mvc.perform(post("/tasks/t3/complete").with(csrf()).param("action", "propose").param("results.W_MAIN", "612")
                        .param("results.W_B", "495").param("inspectors", "王小明、李大華").param("date", "108/01/25"))
                .andExpect(status().isOk())
                .andExpect(content().string(stringContainsInOrder("建議：不合格", "不合格項目：W_MAIN")))
                .andExpect(content().string(containsString("value=\"612\"")))
                .andExpect(content().string(containsString("<option value=\"FAILED\" selected=\"selected\"")));
        verify(tasks).propose(eq("t3"), eq(Map.of("results.W_MAIN", "612", "results.W_B", "495", "inspectors", "王小明、李大華",
                "date", "2019-01-25")), any());
        verify(tasks, never()).complete(any(), anyMap(), any());

        mvc.perform(post("/tasks/t3/complete").with(csrf()).param("action", "record").param("result", "FAILED")
                        .param("results.W_MAIN", "612").param("date", "108/01/25"))
                .andExpect(redirectedUrl("/tasks?completed=RecordInspectionResult"));
        verify(tasks).complete(eq("t3"), eq(Map.of("result", "FAILED", "results.W_MAIN", "612", "date", "2019-01-25")), any());
    }

    @Test
    void aValueThatIsNoNumberIsShownAtItsItem() throws Exception {
        resultTask();
        doThrow(new tw.yanshou.calculus.InvalidContractException(List.of(new Violation("results.W_MAIN",
                "must be a number of at most 12 digits before the point and 6 after it, was \"61O\""))))
                .when(tasks).propose(eq("t3"), anyMap(), any());
        mvc.perform(post("/tasks/t3/complete").with(csrf()).param("action", "propose").param("results.W_MAIN", "61O"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"f-t3-results-W-MAIN-error\"")))
                .andExpect(content().string(containsString("value=\"61O\"")));
    }
}
