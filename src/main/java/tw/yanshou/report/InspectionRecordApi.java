package tw.yanshou.report;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import tw.yanshou.security.CurrentActor;

/** The inspection record's PDF in the JSON API, beside its JSON ({@code GET /api/contracts/{id}/inspections/{eventId}}). */
@RestController
@Tag(name = "Contracts")
class InspectionRecordApi {
    private final InspectionRecordPdf records;
    private final CurrentActor actor;

    InspectionRecordApi(InspectionRecordPdf records, CurrentActor actor) {
        this.records = records;
        this.actor = actor;
    }

    @Operation(summary = "The inspection record of a result entry (INSPECTION_FAILED or ACCEPTED) as PDF: each checklist "
            + "item with what was found and the server's judgement, the result recorded, the cure deadline, the record's "
            + "SHA-256 and its log entry; zh-TW with English")
    @GetMapping("/api/contracts/{id}/inspections/{eventId}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id, @PathVariable String eventId) {
        return records.download(id, eventId, actor.get());
    }
}
