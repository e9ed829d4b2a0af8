package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Later years from the official calendar file, and local closure days that move the due dates of contracts there. */
class CalendarApiTest extends ApiTestSupport {
    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.ManagementService management;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The official file's shape for 2027: weekends and 2027-01-01 off, every other day a working day. */
    static byte[] year2027(String encoding) {
        StringBuilder csv = new StringBuilder("西元日期,星期,是否放假,備註\n");
        String[] names = {"一", "二", "三", "四", "五", "六", "日"};
        for (LocalDate d = LocalDate.of(2027, 1, 1); d.getYear() == 2027; d = d.plusDays(1)) {
            boolean off = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || d.getDayOfYear() == 1;
            csv.append(d.toString().replace("-", "")).append(',').append(names[d.getDayOfWeek().getValue() - 1])
                    .append(',').append(off ? 2 : 0).append(',').append(d.getDayOfYear() == 1 ? "開國紀念日" : "").append('\n');
        }
        return csv.toString().getBytes(java.nio.charset.Charset.forName(encoding));
    }

    private ResponseEntity<JsonNode> importYears(byte[] csv) {
        return api().post().uri("/api/calendars/TW/years").contentType(MediaType.parseMediaType("text/csv")).body(csv)
                .retrieve().toEntity(JsonNode.class);
    }

    @Test
    void importsALaterYearFromTheOfficialFile() {
        ResponseEntity<JsonNode> r = importYears(year2027("Big5"));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        assertThat(r.getBody().get("years").toString()).isEqualTo("[2027]");
        JsonNode overview = api().get().uri("/api/calendars/TW").retrieve().body(JsonNode.class);
        List<Integer> years = new ArrayList<>();
        overview.get("years").forEach(y -> years.add(y.asInt()));
        assertThat(years).contains(2018, 2026, 2027);
    }

    @Test
    void refusesABrokenFileWithEveryProblemAndStoresNothing() {
        String broken = new String(year2027("UTF-8"), StandardCharsets.UTF_8)
                .replace("20270105,二,0", "20270105,二,1").replace("20270301,一,0,\n", "");
        // 2027 may have been imported by another test: nothing of the broken file may replace it
        String stored = "select count(*) || ':' || coalesce(max(imported_at)::text, '') || ':' || coalesce(string_agg(weekdays_off::text, ';'), '') "
                + "from office_calendar_year";
        String yearsBefore = jdbc.sql(stored).query(String.class).single();
        long audit = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        ResponseEntity<JsonNode> r = importYears(broken.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(jdbc.sql(stored).query(String.class).single()).isEqualTo(yearsBefore);
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isEqualTo(audit);
        assertThat(r.getBody().get("violations").size()).isGreaterThanOrEqualTo(2);
        assertThat(r.getBody().get("violations").get(0).get("path").asText()).isEqualTo("line 6");
    }

    @Test
    void aClosureDayMovesTheDueDateOfContractsAtThatSiteOnly() {
        // 7 working days from Wednesday 2019-07-31: 08-01, 08-02, 08-05 … 08-09 (Friday)
        String taipei = TestContracts.small("CAL-TAIPEI", null, null)
                .replace("  signedOn: 2019-01-01", "  site: \"台北市\"\n  signedOn: 2019-07-31")
                .replace("terms:\n", "terms:\n  deadlineDays: WORKING\n")
                .replace("days: 30", "days: 7");
        String kaohsiung = taipei.replace("CAL-TAIPEI", "CAL-KAOHSIUNG").replace("台北市", "高雄市");
        String t = register(taipei);
        String k = register(kaohsiung);
        assertThat(dueOn(t)).isEqualTo("2019-08-09");
        ResponseEntity<JsonNode> closure = api().post().uri("/api/calendars/TW/closures").contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\":\"108/08/09\",\"county\":\"臺北市\",\"reason\":\"利奇馬颱風停止上班\"}").retrieve().toEntity(JsonNode.class);
        assertThat(closure.getStatusCode().value()).as("%s", closure.getBody()).isEqualTo(201);
        // 08-09 is a rest day in 臺北市 (台 and 臺 are one): the 7th working day is Monday 08-12; 高雄市 keeps 08-09
        assertThat(dueOn(t)).isEqualTo("2019-08-12");
        assertThat(dueOn(k)).isEqualTo("2019-08-09");
        // the process's branch took the new due date: its timer waits for midnight (Taipei) of 08-13
        String pi = api().get().uri("/api/contracts/{id}", t).retrieve().body(JsonNode.class).get("contract")
                .get("processInstanceId").asText();
        assertThat(management.createJobQuery().processInstanceId(pi).activityId("DuePassed").list())
                .singleElement().extracting(j -> j.getDuedate().toInstant().toString()).isEqualTo("2019-08-12T16:00:00Z");
        assertThat(api().post().uri("/api/calendars/TW/closures").contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\":\"2019-08-09\",\"county\":\"臺北市\"}").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(409);
        // a NUL (PostgreSQL refuses it in text) in the county or the reason: 422 naming the field, nothing stored
        for (String[] hostile : new String[][] {{"county", "{\"date\":\"2019-08-16\",\"county\":\"臺北\\u0000市\"}"},
                {"reason", "{\"date\":\"2019-08-16\",\"county\":\"臺北市\",\"reason\":\"颱風\\u0000停止上班\"}"}}) {
            ResponseEntity<JsonNode> bad = api().post().uri("/api/calendars/TW/closures").contentType(MediaType.APPLICATION_JSON)
                    .body(hostile[1]).retrieve().toEntity(JsonNode.class);
            assertThat(bad.getStatusCode().value()).as(hostile[0]).isEqualTo(422);
            assertThat(bad.getBody().get("violations").get(0).get("path").asText()).isEqualTo(hostile[0]);
        }
        api().delete().uri("/api/calendars/TW/closures/{id}", closure.getBody().get("id").asText()).retrieve().toBodilessEntity();
        assertThat(dueOn(t)).isEqualTo("2019-08-09");
    }

    @Test
    void letsOnlyAdministratorsChangeTheCalendar() {
        JsonNode officer = api().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"calendar officer\",\"roles\":[\"OFFICER\"]}").retrieve().body(JsonNode.class);
        String token = officer.get("token").asText();
        assertThat(api(token).get().uri("/api/calendars/TW").retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(api(token).post().uri("/api/calendars/TW/closures").contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\":\"2019-08-09\",\"county\":\"臺北市\"}").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    private String register(String yaml) {
        ResponseEntity<JsonNode> r = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml).retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody().get("id").asText();
    }

    private String dueOn(String id) {
        return api().get().uri("/api/contracts/{id}/statement?asOf=2019-08-01", id).retrieve().body(JsonNode.class)
                .get("milestones").get(0).get("dueOn").asText();
    }
}
