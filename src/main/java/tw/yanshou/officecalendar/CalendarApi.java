package tw.yanshou.officecalendar;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import tw.yanshou.contract.ContractNotFoundException;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.Dates;
import tw.yanshou.web.NotFoundException;

/** The office calendar: years imported from the official open data, and local closure days. */
@RestController
@RequestMapping("/api/calendars/{calendar}")
@Tag(name = "Office calendar")
class CalendarApi {
    private final OfficeCalendars calendars;
    private final CurrentActor actor;

    CalendarApi(OfficeCalendars calendars, CurrentActor actor) {
        this.calendars = calendars;
        this.actor = actor;
    }

    record ClosureRequest(String date, String county, String reason) { }

    @Operation(summary = "Years with official data and local closure days")
    @GetMapping
    OfficeCalendars.Overview overview(@PathVariable String calendar) {
        known(calendar);
        return calendars.overview();
    }

    @Operation(summary = "Import the official calendar file (政府行政機關辦公日曆表, CSV, UTF-8 or Big5); its years replace earlier ones")
    @PostMapping(path = "/years", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    Map<String, Object> importYears(@PathVariable String calendar, @RequestBody byte[] csv) {
        known(calendar);
        Set<Integer> years = calendars.importYears(csv, actor.get().name());
        return Map.of("years", years);
    }

    @Operation(summary = "Record a local closure day (typhoon 停止上班 …) of a city or county: a rest day for contracts sited there")
    @PostMapping(path = "/closures", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfficeCalendars.StoredClosure> addClosure(@PathVariable String calendar, @RequestBody ClosureRequest r) {
        known(calendar);
        LocalDate day = r.date() == null ? null : Dates.parse("date", r.date());
        OfficeCalendars.StoredClosure closure = calendars.addClosure(day, r.county(), r.reason(), actor.get().name());
        return ResponseEntity.created(URI.create("/api/calendars/" + calendar + "/closures/" + closure.id())).body(closure);
    }

    @Operation(summary = "Remove a local closure day")
    @DeleteMapping("/closures/{id}")
    ResponseEntity<Void> removeClosure(@PathVariable String calendar, @PathVariable UUID id) {
        known(calendar);
        calendars.removeClosure(id, actor.get().name());
        return ResponseEntity.noContent().build();
    }

    private static void known(String calendar) {
        if (!OfficeCalendars.TW.equals(calendar)) throw new NotFoundException("no office calendar " + calendar);
    }
}
