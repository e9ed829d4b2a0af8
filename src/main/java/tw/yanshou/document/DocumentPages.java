package tw.yanshou.document;

import java.io.IOException;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletResponse;

import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;

/**
 * Downloads for the signed-in pages: the desk's ({@code /contracts/…}, staff) and the vendor portal's
 * ({@code /portal/contracts/…}, the contract's vendor only; another vendor's contract or hash is a 404). Always an
 * attachment, with {@code nosniff}.
 */
@Controller
class DocumentPages {
    private final Documents documents;
    private final CurrentActor actor;

    DocumentPages(Documents documents, CurrentActor actor) {
        this.documents = documents;
        this.actor = actor;
    }

    @GetMapping({"/contracts/{id}/documents/{sha256}", "/portal/contracts/{id}/documents/{sha256}"})
    void download(@PathVariable UUID id, @PathVariable String sha256, HttpServletResponse response) throws IOException {
        Actor who = actor.get();
        DocumentView d = documents.find(id, sha256, who);
        DocumentApi.attachment(d, response);
        documents.copy(id, sha256, who, response.getOutputStream());
    }
}
