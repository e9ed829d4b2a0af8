package tw.yanshou.contract.api;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import tw.yanshou.contract.BatchLines;
import tw.yanshou.contract.ContractBatch;
import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.InvalidInputException;

/**
 * {@code POST /api/contracts:batch}: many contract files in one request (a custom method in the style of
 * Google's API guide; Spring's path patterns take the colon literally). The answer streams as NDJSON
 * ({@link BatchLines}); what cannot be split into files at all, or holds too many, is a problem body before any is
 * stored.
 */
@RestController
@Tag(name = "Contracts")
class ContractBatchApi {
    private final ContractBatch batch;
    private final CurrentActor actor;
    private final ObjectMapper json;

    ContractBatchApi(ContractBatch batch, CurrentActor actor, ObjectMapper json) {
        this.batch = batch;
        this.actor = actor;
        this.json = json;
    }

    @Operation(summary = "Register many contract files: a multi-document YAML stream (--- between files), a JSON array "
            + "of files, or one such file as the multipart part \"file\". Each file is registered on its own, in its "
            + "own transaction; the answer is NDJSON, one line per file as it is done (see docs/api.md)")
    @PostMapping(path = "/api/contracts:batch", produces = BatchLines.MEDIA_TYPE, consumes = {MediaType.APPLICATION_JSON_VALUE,
            ContractApi.YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "YAML documents separated by ---, or a JSON array of contract files, UTF-8", required = true)
    void register(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Actor who = actor.get();
        batch.contractsMayBeRegisteredBy(who);   // before a byte of the body is read
        InputStream body = body(request);
        BatchLines lines = new BatchLines(response.getOutputStream(), json, "/api/contracts/");
        boolean[] started = {false};
        ContractBatch.Progress progress = new ContractBatch.Progress() {
            @Override
            public void started(int items) {
                started[0] = true;
                response.setStatus(200);
                response.setContentType(BatchLines.MEDIA_TYPE);
                response.setCharacterEncoding("UTF-8");
                response.setHeader("X-Accel-Buffering", "no");   // a proxy in front passes each line on at once
                lines.started(items);
            }

            @Override
            public void done(ContractBatch.Outcome outcome) { lines.done(outcome); }
        };
        try {
            lines.summary(batch.register(body, who, progress));
        } catch (RuntimeException e) {
            if (!started[0]) throw e;
            lines.aborted("the batch stopped after the files answered above (they are registered): " + e.getMessage());
        }
    }

    private static InputStream body(HttpServletRequest request) throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) return request.getInputStream();
        Part file = request.getPart("file");
        if (file == null) throw new InvalidInputException("file", "send the batch as the part \"file\"");
        return file.getInputStream();
    }
}
