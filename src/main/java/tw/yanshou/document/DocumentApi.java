package tw.yanshou.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import tw.yanshou.calculus.Violation;
import tw.yanshou.contract.ContractService;
import tw.yanshou.contract.StoredEvent;
import tw.yanshou.infrastructure.Retrying;
import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.web.Problems;

/**
 * Events with files ({@code multipart/form-data}: part {@code event}, the event as JSON or YAML; parts
 * {@code files}), a contract's documents and each document's bytes, as an attachment.
 */
@RestController
@RequestMapping("/api/contracts/{id}")
@Tag(name = "Documents")
class DocumentApi {
    static final int EVENT_PART_LIMIT = 64 * 1024;
    private final ContractService contracts;
    private final Documents documents;
    private final CurrentActor actor;
    private final Retrying retrying;

    DocumentApi(ContractService contracts, Documents documents, CurrentActor actor, Retrying retrying) {
        this.contracts = contracts;
        this.documents = documents;
        this.actor = actor;
        this.retrying = retrying;
    }

    @Operation(summary = "Record one event with the files that go with it (multipart: part event, parts files); "
            + "a refused file leaves nothing of the event")
    @PostMapping(path = "/events", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> record(@PathVariable UUID id, HttpServletRequest request) {
        Actor who = actor.get();
        contracts.summary(id, who);   // a contract the caller may not see is a 404 before the parts are read
        List<Part> parts = parts(request);
        String event = null;
        List<Upload> files = new ArrayList<>();
        for (Part p : parts) {
            if ("event".equals(p.getName())) event = text(p);
            else if ("files".equals(p.getName())) files.add(Upload.of(p));
            else throw new InvalidInputException(p.getName(), "unknown part; send the parts event and files");
        }
        if (event == null) throw new InvalidInputException("event", "the part event (the event, JSON or YAML) is missing");
        String text = event;
        var attachments = documents.attachments(files);
        StoredEvent e = retrying.call(() -> contracts.recordEvent(id, text, who, null, attachments));
        List<String> hashes = documents.byEvent(id, who).getOrDefault(e.id(), List.of()).stream().map(DocumentView::sha256).toList();
        return ResponseEntity.created(URI.create("/api/contracts/" + id + "/events/" + e.id()))
                .body(Map.of("id", e.id(), "seq", e.seq(), "type", e.type(), "date", e.effectiveDate().toString(),
                        "documents", hashes));
    }

    private static List<Part> parts(HttpServletRequest request) {
        try {
            return List.copyOf(request.getParts());
        } catch (MaxUploadSizeExceededException e) {
            throw new DocumentRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "files", null, "document.refused.size",
                    "a part is larger than the limit (" + e.getMessage() + "); nothing was stored");
        } catch (MultipartException | IllegalStateException | IOException | ServletException e) {
            if (isSizeLimit(e)) throw new DocumentRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "files", null,
                    "document.refused.size", "a part is larger than the limit; nothing was stored");
            throw new InvalidInputException(List.of(Violation.unreadable("$", "the multipart body could not be read")));
        }
    }

    private static boolean isSizeLimit(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MaxUploadSizeExceededException) return true;
            String name = c.getClass().getSimpleName();
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException")) return true;
        }
        return false;
    }

    private static String text(Part p) {
        if (p.getSize() > EVENT_PART_LIMIT) throw new DocumentRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "event", null,
                "document.refused.size", "the part event may hold at most 64 KB; nothing was stored");
        try (InputStream in = p.getInputStream()) {
            byte[] bytes = in.readNBytes(EVENT_PART_LIMIT + 1);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(List.of(Violation.unreadable("event", "the part event is not valid UTF-8 text")));
        } catch (IOException e) {
            throw new InvalidInputException(List.of(Violation.unreadable("event", "the part event could not be read")));
        }
    }

    @Operation(summary = "The contract's documents: SHA-256, name, size, content type, event, who uploaded it and when")
    @GetMapping("/documents")
    List<DocumentView> list(@PathVariable UUID id) {
        return documents.list(id, actor.get());
    }

    @Operation(summary = "A document's bytes, as an attachment")
    @GetMapping("/documents/{sha256}")
    void download(@PathVariable UUID id, @PathVariable String sha256, HttpServletResponse response) throws IOException {
        Actor who = actor.get();
        DocumentView d = documents.find(id, sha256, who);
        attachment(d, response);
        documents.copy(id, sha256, who, response.getOutputStream());
    }

    /** A download as an attachment, never rendered by the browser: nosniff, RFC 6266 file name, no caching. */
    static void attachment(DocumentView d, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(d.name(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setContentType(d.contentType());
        response.setContentLengthLong(d.size());
    }

    /**
     * The problem of a refused file, written with its length and {@code Connection: close}: the sender may still be
     * sending the rest of a file that was too large, and must be able to read the whole answer before the
     * connection ends.
     */
    @ExceptionHandler(DocumentRefusedException.class)
    ResponseEntity<byte[]> refused(DocumentRefusedException e) throws com.fasterxml.jackson.core.JsonProcessingException {
        ProblemDetail p = Problems.problem(e.status(), e.status() == HttpStatus.PAYLOAD_TOO_LARGE ? "too-large"
                : e.status() == HttpStatus.UNSUPPORTED_MEDIA_TYPE ? "type-not-allowed" : "invalid", "A file was refused", e.getMessage());
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", p.getType().toString());
        body.put("title", p.getTitle());
        body.put("status", p.getStatus());
        body.put("detail", p.getDetail());
        body.put("part", e.part());
        if (e.fileName() != null) body.put("file", e.fileName());
        body.put("violations", List.of(Map.of("path", e.part(), "message", e.getMessage())));
        byte[] bytes = JSON.writeValueAsBytes(body);
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .contentLength(bytes.length).header(HttpHeaders.CONNECTION, "close").body(bytes);
    }

    /** A part over the container's limit, found while the parts are parsed (wherever that happens first). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<byte[]> tooLarge(MaxUploadSizeExceededException e) throws com.fasterxml.jackson.core.JsonProcessingException {
        return refused(new DocumentRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "files", null, "document.refused.size",
                "a file is larger than " + (documents.limit() >> 20) + " MB, the most a document may be; nothing was stored"));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
