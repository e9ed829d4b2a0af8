package tw.yanshou.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import tw.yanshou.api.ApiTestSupport;
import tw.yanshou.calculus.CalendarSource;
import tw.yanshou.calculus.ContractValidator;
import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.StatementCalculator;
import tw.yanshou.calculus.Violation;
import tw.yanshou.contract.ContractBoard;
import tw.yanshou.contract.ContractChangedException;
import tw.yanshou.contract.ContractService;
import tw.yanshou.contract.ContractStatus;
import tw.yanshou.contract.ContractSummary;
import tw.yanshou.contract.StoredEvent;
import tw.yanshou.contract.file.ContractFile;
import tw.yanshou.contract.file.ContractFileReader;
import tw.yanshou.contract.file.ContractFileWriter;
import tw.yanshou.web.NotFoundException;
import tw.yanshou.workflow.OfficerTasks;

/** The contract pages on mocked services (the court case's file and statement computed by the real calculus). */
@WebMvcTest(controllers = ContractPages.class)
@WithMockUser(username = "lin", roles = "OFFICER")
class ContractPagesTest extends DeskSlice {
    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000107");
    static final ContractFileReader READER = new ContractFileReader(new ContractValidator(CalendarSource.shipped()));
    static final ContractFile COURT_CASE = READER.read(ApiTestSupport.resource("/contracts/ilocker-107.yaml"));

    @MockitoBean ContractService contracts;
    @MockitoBean ContractBoard board;
    @MockitoBean tw.yanshou.report.TimelineChart timeline;
    @MockitoBean OfficerTasks tasks;
    @MockitoBean tw.yanshou.workflow.DecisionApprovals approvals;
    @MockitoBean tw.yanshou.document.Documents documents;
    @MockitoBean ContractFileReader reader;
    @MockitoBean ContractFileWriter writer;
    @MockitoBean tw.yanshou.contract.InspectionRecords inspections;

    @BeforeEach
    void courtCase() {
        ContractSummary summary = new ContractSummary(ID, "107-ILOCKER-30", "i郵箱30座設備", "中華郵政股份有限公司",
                "vendor-ching-chen", "慶臻實業有限公司", LocalDate.of(2018, 10, 18), ContractStatus.TERMINATED,
                LocalDate.of(2019, 12, 30), "pi");
        when(contracts.summary(eq(ID), any())).thenReturn(summary);
        when(contracts.contract(eq(ID), any())).thenReturn(COURT_CASE);
        when(contracts.log(eq(ID), any())).thenReturn(List.of(new StoredEvent(UUID.randomUUID(), ID, 1,
                LocalDate.of(2019, 1, 14), "TENDERED", "{\"date\":\"2019-01-14\",\"type\":\"TENDERED\",\"milestone\":\"FACTORY_INSPECTION\"}",
                null, null, Instant.parse("2026-01-05T02:00:00Z"), "lin", null)));
        when(contracts.statement(eq(ID), any(), any())).thenReturn(new StatementCalculator(CalendarSource.shipped())
                .statement(COURT_CASE.contract(), LocalDate.of(2024, 6, 25)));
        when(contracts.summary(eq(UUID.fromString("00000000-0000-0000-0000-000000000404")), any()))
                .thenThrow(new NotFoundException("no contract"));
        when(board.page(any(), anyString(), any(Boolean.class), anyInt(), anyInt(), any(), any()))
                .thenReturn(new ContractBoard.Page(List.of(), 0, 0, 25));
    }

    @Test
    void theContractPageShowsTheCourtsPenaltyInRocDates() throws Exception {
        mvc.perform(get("/contracts/" + ID)).andExpect(status().isOk())
                // 10,380,000 × 4‰ × (28 + 7 + 119) = 6,394,080 plus 990,000 × 4‰ × 56 = 221,760
                .andExpect(content().string(containsString("6,615,840")))
                .andExpect(content().string(containsString("107年10月18日")))
                .andExpect(content().string(containsString("name=\"seq\" value=\"1\"")))
                .andExpect(content().string(containsString("/contracts/" + ID + "/statement.pdf")))
                .andExpect(content().string(not(containsString("<section id=\"timeline\""))));
        mvc.perform(get("/contracts/00000000-0000-0000-0000-000000000404")).andExpect(status().isNotFound());
        mvc.perform(get("/contracts/not-a-uuid")).andExpect(status().isNotFound());
    }

    @Test
    void aBadDateIsShownAtItsFieldKeptAndNothingIsRecorded() throws Exception {
        mvc.perform(post("/contracts/" + ID + "/events").with(csrf()).param("type", "TENDERED").param("seq", "1")
                        .param("date", "113/13/01").param("milestone", "STAGE2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"f-TENDERED-date-error\"")))
                .andExpect(content().string(containsString("「113/13/01」不是可讀的日期")))
                .andExpect(content().string(containsString("value=\"113/13/01\"")));
        verify(contracts, never()).submitEvent(any(), anyString(), any(), any());
    }

    @Test
    void aRecordedEventIsTheFilesShapeWithIsoDatesAndTheSeqTheFormCarried() throws Exception {
        when(contracts.submitEvent(eq(ID), anyString(), any(), eq(1))).thenReturn(new tw.yanshou.contract.Submission(null, null));
        mvc.perform(post("/contracts/" + ID + "/events").with(csrf()).param("type", "INSPECTION_FAILED").param("seq", "1")
                        .param("date", "108年11月5日").param("milestone", "STAGE2").param("cureBy", "108/11/20")
                        .param("items", "HW, SW").param("note", "審查表25項未通過"))
                .andExpect(redirectedUrl("/contracts/" + ID + "?recorded=INSPECTION_FAILED#log"));
        ArgumentCaptor<String> json = ArgumentCaptor.forClass(String.class);
        verify(contracts).submitEvent(eq(ID), json.capture(), any(), eq(1));
        assertThat(json.getValue()).contains("\"date\":\"2019-11-05\"", "\"cureBy\":\"2019-11-20\"",
                "\"items\":[\"HW\",\"SW\"]", "\"type\":\"INSPECTION_FAILED\"");
    }

    @Test
    void aStaleFormSaysSoAndKeepsWhatWasTyped() throws Exception {
        when(contracts.submitEvent(eq(ID), anyString(), any(), eq(1))).thenThrow(new ContractChangedException(1, 2));
        mvc.perform(post("/contracts/" + ID + "/events").with(csrf()).param("type", "MEDIATION_FILED").param("seq", "1")
                        .param("date", "2019-03-19").param("note", "向工程會申請調解"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此契約在您開啟頁面後已有變動")))
                .andExpect(content().string(containsString("value=\"向工程會申請調解\"")));
    }

    @Test
    void aServiceViolationGoesToItsField() throws Exception {
        when(contracts.submitEvent(eq(ID), anyString(), any(), eq(1))).thenThrow(new InvalidContractException(
                List.of(new Violation("event.milestone", "no milestone NOPE"))));
        mvc.perform(post("/contracts/" + ID + "/events").with(csrf()).param("type", "ACCEPTED").param("seq", "1")
                        .param("date", "2019-02-19").param("milestone", "NOPE"))
                .andExpect(content().string(containsString("id=\"f-ACCEPTED-milestone-error\"")))
                .andExpect(content().string(containsString("不符規則：no milestone NOPE")));
    }

    @Test
    void voidingNeedsAReason() throws Exception {
        UUID event = UUID.randomUUID();
        mvc.perform(post("/contracts/" + ID + "/events/" + event + "/void").with(csrf()).param("seq", "1").param("reason", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("請說明作廢的理由")));
        verify(contracts, never()).voidEvent(any(), any(), any(), any(), anyInt());
        mvc.perform(post("/contracts/" + ID + "/events/" + event + "/void").with(csrf()).param("seq", "1").param("reason", "誤植"))
                .andExpect(redirectedUrl("/contracts/" + ID + "?voided#log"));
        verify(contracts).voidEvent(eq(ID), eq(event), eq("誤植"), any(), eq(1));
    }

    @Test
    void anUploadedFilesViolationsAreListedWithTheirPaths() throws Exception {
        when(contracts.register(anyString(), any())).thenThrow(new InvalidContractException(List.of(
                new Violation("contract.signedOn", "is not a date"), new Violation("milestones", "is required"))));
        mvc.perform(multipart("/contracts/new").file(new MockMultipartFile("file", "c.yaml", "application/yaml",
                        "format: 1".getBytes(StandardCharsets.UTF_8))).param("upload", "1").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("contract.signedOn：is not a date")))
                .andExpect(content().string(containsString("milestones：is required")));
        when(contracts.register(eq("format: 2"), any())).thenReturn(new ContractSummary(ID, "N", "", null, null, null,
                LocalDate.of(2024, 1, 1), ContractStatus.OPEN, null, null));
        mvc.perform(multipart("/contracts/new").file(new MockMultipartFile("file", "c.yaml", "application/yaml",
                        "format: 2".getBytes(StandardCharsets.UTF_8))).param("upload", "1").with(csrf()))
                .andExpect(redirectedUrl("/contracts/" + ID + "?registered"));
    }

    @Test
    void theFormsOwnChecksComeFirstAndKeepTheValues() throws Exception {
        mvc.perform(post("/contracts/new").with(csrf()).param("contract.number", "X-1").param("contract.signedOn", "yesterday")
                        .param("contract.items[0].code", "A").param("contract.items[0].amount", "lots")
                        .param("terms.penalty.ratePerMille", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"f-contract-signedOn-error\"")))
                .andExpect(content().string(containsString("id=\"f-contract-items-0-amount-error\"")))
                .andExpect(content().string(containsString("value=\"X-1\"")));
        verify(contracts, never()).register(anyString(), any());
    }

    @Test
    @WithMockUser(username = "chen", roles = "VENDOR")
    void vendorsMayNotOpenContractPages() throws Exception {
        mvc.perform(get("/contracts/" + ID)).andExpect(status().isForbidden());
        mvc.perform(post("/contracts/" + ID + "/events").with(csrf()).param("type", "TENDERED")).andExpect(status().isForbidden());
    }

    @Test
    void theContractPageShowsTheToleranceWarningsTheChecklistsAndTheBuyersDuties() throws Exception {
        ContractFile withChecklist = READER.read(ApiTestSupport.resource("/contracts/ilocker-107-checklist.yaml"));
        when(inspections.warnings(eq(ID), any())).thenReturn(tw.yanshou.calculus.ToleranceStack.check(withChecklist.contract()));
        when(inspections.checklists(eq(ID), any())).thenReturn(List.of(new tw.yanshou.contract.InspectionRecords.ChecklistView(
                "FACTORY_INSPECTION", "廠驗", withChecklist.contract().milestones().get(0).checklist(), null)));
        // due 60 days after 2018-10-18: 2018-12-17; the manual came on 2019-09-05, late
        when(inspections.duties(eq(ID), any())).thenReturn(List.of(
                new tw.yanshou.contract.InspectionRecords.Duty("MANUAL", "i郵箱安裝及使用手冊", "60 SIGNED", LocalDate.of(2018, 12, 17),
                        List.of(new tw.yanshou.contract.InspectionRecords.Delivery(LocalDate.of(2019, 9, 5), "提供手冊", true,
                                new tw.yanshou.contract.LogHead(7, "ab".repeat(32)), "lin", Instant.parse("2019-09-05T02:00:00Z"),
                                java.util.UUID.randomUUID(), null))),
                new tw.yanshou.contract.InspectionRecords.Duty("TEST_CARDS", "測試卡", "60 SIGNED", LocalDate.of(2018, 12, 17), List.of())));

        mvc.perform(get("/contracts/" + ID)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stack-warnings\"")))
                .andExpect(content().string(containsString("milestones[0].checklist[3]")))
                .andExpect(content().string(containsString("worst case 10 + 4 × 20 = ±90 mm")))
                .andExpect(content().string(containsString("2560 ± 20 mm")))
                .andExpect(content().string(containsString("機關協力義務")))
                .andExpect(content().string(containsString("107/12/17")))
                .andExpect(content().string(containsString("108/09/05 (逾期) 提供手冊")))
                .andExpect(content().string(containsString("#7 abababababababab…")))
                .andExpect(content().string(containsString("尚未提供 (逾期)")))
                .andExpect(content().string(containsString("name=\"duty\"")));
    }

    @Test
    void aContractWhosePartsFitHasNoWarningsBoxAndNoDeliveryForm() throws Exception {
        mvc.perform(get("/contracts/" + ID)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"stack-warnings\""))))
                .andExpect(content().string(not(containsString("name=\"duty\""))));
    }
}
