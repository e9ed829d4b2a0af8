package tw.yanshou.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.CourtCase;
import tw.yanshou.api.ApiTestSupport;
import tw.yanshou.security.Actor;

/**
 * The dashboard's figures on the real database: each row shows its contract's latest stored statement — the
 * statement columns PostgreSQL generates from the stored body (V13) give what the statement itself says, for a
 * terminated contract with its cap waived (the court case, the judgment's figures), an open contract that is late
 * and a tendered one that is not; before any statement, nothing.
 */
class ContractBoardTest extends ApiTestSupport {
    @Autowired ContractBoard board;
    @Autowired tw.yanshou.infrastructure.OfficeClock clock;
    @Autowired ContractRepository contracts;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static final Actor OFFICER = new Actor("board-reader", Set.of(Actor.OFFICER), null);

    private UUID register(String yaml) {
        ResponseEntity<JsonNode> created = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml).retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return UUID.fromString(created.getBody().get("id").asText());
    }

    /** 9,390,000 of cabinets at 4 ‰ a day, factory inspection due 60 days after signing; {@code events} as given. */
    private static String file(String number, LocalDate signedOn, String events) {
        return """
                format: 1
                contract:
                  number: "%s"
                  title: "i郵箱櫃體"
                  buyer: "中華郵政股份有限公司"
                  vendor: { id: "vendor-board", name: "慶臻實業有限公司" }
                  signedOn: %s
                  items: [ { code: HW, name: "櫃體", amount: 9390000 } ]
                terms: { penalty: { ratePerMille: 4 } }
                milestones:
                  - { id: FACTORY, name: "廠驗", items: [HW], due: { days: 60, from: SIGNED } }
                events: %s
                """.formatted(number, signedOn, events);
    }

    private JsonNode statement(UUID id, LocalDate asOf) {
        return api().get().uri("/api/contracts/{id}/statement?asOf={d}", id, asOf).retrieve().body(JsonNode.class);
    }

    /** The one row of a contract: the board's two branches never both give it. */
    private static ContractBoard.Row only(List<ContractBoard.Row> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static LocalDate date(JsonNode n) { return n == null || n.isNull() ? null : LocalDate.parse(n.asText()); }

    /** The row says what the statement of its day says. */
    private void showsItsStatement(ContractBoard.Row row, JsonNode s) {
        assertThat(row.penalty()).isEqualByComparingTo(s.get("penalty").decimalValue());
        assertThat(row.lateDays()).isEqualTo(s.get("lateDays").asLong());
        JsonNode cap = s.get("cap");
        BigDecimal capAmount = cap == null || cap.get("amount") == null || cap.get("amount").isNull() ? null : cap.get("amount").decimalValue();
        boolean waived = cap != null && cap.path("waived").asBoolean(false);
        if (capAmount == null) assertThat(row.capAmount()).isNull();
        else assertThat(row.capAmount()).isEqualByComparingTo(capAmount);
        assertThat(row.capWaived()).isEqualTo(waived);
        // exposure: the penalty before the cap as a percentage of the cap, one decimal, when a cap applies
        if (capAmount == null || waived || capAmount.signum() == 0) assertThat(row.exposurePercent()).isNull();
        else assertThat(row.exposurePercent()).isEqualByComparingTo(s.get("penaltyBeforeCap").decimalValue()
                .multiply(BigDecimal.valueOf(100)).divide(capAmount, 1, RoundingMode.HALF_UP));
        assertThat(row.terminationRightOn()).isEqualTo(date(s.get("terminationRightOn")));
        JsonNode projection = s.get("projection");
        assertThat(row.projectedCapOn()).isEqualTo(projection == null ? null : date(projection.get("capReachedOn")));
        assertThat(row.projectedTerminationRightOn()).isEqualTo(projection == null ? null : date(projection.get("terminationRightOn")));
        LocalDate nextDue = null;
        boolean late = false;
        for (JsonNode m : s.get("milestones")) {
            String status = m.get("status").asText();
            late |= status.equals("LATE");
            if (List.of("OPEN", "LATE", "TENDERED", "CURING").contains(status) && m.hasNonNull("dueOn")) {
                LocalDate due = LocalDate.parse(m.get("dueOn").asText());
                if (nextDue == null || due.isBefore(nextDue)) nextDue = due;
            }
        }
        assertThat(row.nextDue()).isEqualTo(nextDue);
        assertThat(row.late()).isEqualTo(late);
    }

    @Test
    void eachRowShowsTheFiguresOfItsLatestStoredStatement() {
        LocalDate today = clock.today();
        UUID court = register(CourtCase.text().replace(CourtCase.NUMBER + "\"", CourtCase.NUMBER + "-BOARD\""));
        UUID late = register(file("BOARD-LATE-" + UUID.randomUUID(), LocalDate.of(2025, 1, 2), "[]"));
        UUID tendered = register(file("BOARD-TENDERED-" + UUID.randomUUID(), today.minusDays(5),
                "[ { date: " + today.minusDays(1) + ", type: TENDERED, milestone: FACTORY } ]"));

        List<ContractBoard.Row> found = board.rows(List.of(court, late, tendered), today);
        assertThat(found).hasSize(3);
        Map<UUID, ContractBoard.Row> rows = found.stream().collect(Collectors.toMap(ContractBoard.Row::id, Function.identity()));

        // the court case (臺灣高等法院111年度上字第122號): 28 + 56 + 7 + 119 = 210 days, 6,615,840, the cap of 2,076,000
        // waived, the termination right on 2019-09-12; terminated, so no projection and nothing due
        ContractBoard.Row c = rows.get(court);
        assertThat(c.status()).isEqualTo(ContractStatus.TERMINATED);
        assertThat(c.penalty()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.PENALTY));
        assertThat(c.lateDays()).isEqualTo(CourtCase.LINE_DAYS.stream().mapToLong(Long::longValue).sum());
        assertThat(c.capAmount()).isEqualByComparingTo(BigDecimal.valueOf(CourtCase.CAP));
        assertThat(c.capWaived()).isTrue();
        assertThat(c.exposurePercent()).isNull();
        assertThat(c.terminationRightOn()).isEqualTo(CourtCase.TERMINATION_RIGHT_ON);
        assertThat(c.terminationRight()).isTrue();
        showsItsStatement(c, statement(court, c.asOf()));

        // signed 2025-01-02, due 60 days later: 2025-03-03, never tendered — late, due first
        ContractBoard.Row l = rows.get(late);
        assertThat(l.nextDue()).isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(l.late()).isTrue();
        assertThat(l.lateDays()).isPositive();
        showsItsStatement(l, statement(late, l.asOf()));

        // tendered yesterday, 55 days before its due date: waiting for the inspection, not late, nothing owed
        ContractBoard.Row t = rows.get(tendered);
        assertThat(t.nextDue()).isEqualTo(today.minusDays(5).plusDays(60));
        assertThat(t.late()).isFalse();
        assertThat(t.lateDays()).isZero();
        assertThat(t.penalty()).isEqualByComparingTo(BigDecimal.ZERO);
        showsItsStatement(t, statement(tendered, t.asOf()));

        // the dashboard's page sorts and filters by the same figures: the late one first by next due date
        ContractBoard.Page page = board.page(new ContractBoard.Filter(null, false, "vendor-board", null), "nextDue", false, 0,
                10, today, OFFICER);
        assertThat(page.rows()).extracting(ContractBoard.Row::id).containsExactly(late, tendered);
        ContractBoard.Page lateOnly = board.page(new ContractBoard.Filter(null, true, null, "BOARD-"), "penalty", true, 0, 10,
                today, OFFICER);
        assertThat(lateOnly.rows()).extracting(ContractBoard.Row::id).contains(late).doesNotContain(tendered);

        // a statement dated after the day the board is read for (the nightly run's for the next day) is not shown
        // that day: the board shows the day's own, and the later one from its day on; storing an older one again
        // does not hide the later one
        LocalDate tomorrow = today.plusDays(1);
        String body = contracts.storedStatement(tendered, t.asOf()).orElseThrow();
        contracts.storeStatement(tendered, tomorrow, "TEST", BigDecimal.valueOf(4711), body);
        assertThat(only(board.rows(List.of(tendered), today)).penalty()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(only(board.rows(List.of(tendered), today)).asOf()).isEqualTo(t.asOf());
        contracts.storeStatement(tendered, t.asOf(), "TEST", BigDecimal.ZERO, body);
        ContractBoard.Row later = only(board.rows(List.of(tendered), tomorrow));
        assertThat(later.asOf()).isEqualTo(tomorrow);
        assertThat(later.penalty()).isEqualByComparingTo(BigDecimal.valueOf(4711));
        assertThat(only(board.rows(List.of(tendered), t.asOf().minusDays(1))).asOf()).isNull();
        // the latest day's statement computed again: its new figures are shown
        contracts.storeStatement(tendered, tomorrow, "TEST", BigDecimal.valueOf(4712), body);
        assertThat(only(board.rows(List.of(tendered), tomorrow)).penalty()).isEqualByComparingTo(BigDecimal.valueOf(4712));
        // were the latest ever deleted, the one before is the latest again
        jdbc.sql("delete from statement where contract_id = ? and as_of = ?").params(tendered, java.sql.Date.valueOf(tomorrow)).update();
        ContractBoard.Row back = only(board.rows(List.of(tendered), tomorrow));
        assertThat(back.asOf()).isEqualTo(t.asOf());
        assertThat(back.penalty()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(jdbc.sql("select as_of from statement_latest where contract_id = ?").param(tendered).query(java.time.LocalDate.class)
                .single()).isEqualTo(t.asOf());

        // the vendor filter's list: each vendor once, by name
        assertThat(board.vendors()).filteredOn(v -> v.id().equals("vendor-board")).hasSize(1)
                .first().extracting(ContractBoard.Vendor::name).isEqualTo("慶臻實業有限公司");

        // before any statement was stored: the contract, without figures
        ContractBoard.Row before = only(board.rows(List.of(late), LocalDate.of(2000, 1, 1)));
        assertThat(before.asOf()).isNull();
        assertThat(before.penalty()).isNull();
        assertThat(before.lateDays()).isZero();
        assertThat(before.late()).isFalse();
        assertThat(before.nextDue()).isNull();
    }
}
