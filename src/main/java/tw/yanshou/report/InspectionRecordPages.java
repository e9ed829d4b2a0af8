package tw.yanshou.report;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.NotFoundException;

/**
 * The inspection record's PDF from the signed-in pages: the desk's contract page ({@code /contracts/…}, staff) and
 * the vendor's portal ({@code /portal/contracts/…}, the contract's vendor only; another vendor's contract or record
 * is a 404 page).
 */
@Controller
class InspectionRecordPages {
    private final InspectionRecordPdf records;
    private final CurrentActor actor;

    InspectionRecordPages(InspectionRecordPdf records, CurrentActor actor) {
        this.records = records;
        this.actor = actor;
    }

    @GetMapping({"/contracts/{id}/inspections/{eventId}.pdf", "/portal/contracts/{id}/inspections/{eventId}.pdf"})
    ResponseEntity<byte[]> pdf(@PathVariable String id, @PathVariable String eventId) {
        return records.download(id, eventId, actor.get());
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error/404", Map.of(), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden() {
        return new ModelAndView("error/403", Map.of(), HttpStatus.FORBIDDEN);
    }
}
