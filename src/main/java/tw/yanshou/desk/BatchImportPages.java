package tw.yanshou.desk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import tw.yanshou.contract.BatchLines;
import tw.yanshou.contract.ContractBatch;
import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.InvalidInputException;

/**
 * Many contract files at once from the registration page ({@code POST /contracts/batch}, the part {@code file}):
 * the same {@link ContractBatch} as {@code POST /api/contracts:batch}. The page's script asks for the streamed
 * answer ({@code Accept: application/x-ndjson}) to move its progress bar; without the script the browser gets the
 * page again with the table of results once the batch is done.
 */
@Controller
class BatchImportPages {
    private final ContractBatch batch;
    private final CurrentActor actor;
    private final ObjectMapper json;
    private final Forms forms;
    private final ContractPages registration;

    BatchImportPages(ContractBatch batch, CurrentActor actor, ObjectMapper json, Forms forms, ContractPages registration) {
        this.batch = batch;
        this.actor = actor;
        this.json = json;
        this.forms = forms;
        this.registration = registration;
    }

    /** The streamed answer, for the page's script. */
    @PostMapping(path = "/contracts/batch", produces = BatchLines.MEDIA_TYPE)
    void stream(@RequestParam(name = "file", required = false) MultipartFile file, HttpServletResponse response) throws IOException {
        Actor who = actor.get();
        if (file == null || file.isEmpty()) {
            refuse(response, "file", "a file is required");
            return;
        }
        BatchLines lines = new BatchLines(response.getOutputStream(), json, "/contracts/");
        boolean[] started = {false};
        try {
            lines.summary(batch.register(file.getInputStream(), who, new ContractBatch.Progress() {
                @Override
                public void started(int items) {
                    started[0] = true;
                    response.setContentType(BatchLines.MEDIA_TYPE);
                    response.setCharacterEncoding("UTF-8");
                    response.setHeader("X-Accel-Buffering", "no");
                    lines.started(items);
                }

                @Override
                public void done(ContractBatch.Outcome outcome) { lines.done(outcome); }
            }));
        } catch (InvalidInputException e) {
            if (started[0]) throw e;
            refuse(response, e.violations().get(0).path(), e.violations().get(0).message());
        } catch (RuntimeException e) {
            if (!started[0]) throw e;
            lines.aborted(e.getMessage());
        }
    }

    /** A batch refused as a whole, for the script: one line, {@code kind: refused}, with what is wrong. */
    private void refuse(HttpServletResponse response, String path, String message) throws IOException {
        response.setStatus(422);
        response.setContentType(BatchLines.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), java.util.Map.of("kind", "refused", "path", path, "message", message));
    }

    /** Without the script: the batch runs to its end, then the page shows every file's result. */
    @PostMapping(path = "/contracts/batch")
    String page(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        FormErrors errors = forms.errors();
        List<ContractBatch.Outcome> outcomes = new ArrayList<>();
        ContractBatch.Summary summary = null;
        if (file == null || file.isEmpty()) {
            errors.add("batch", "error.fileMissing");
        } else {
            try {
                summary = batch.register(file.getInputStream(), actor.get(), new ContractBatch.Progress() {
                    @Override public void started(int items) { }

                    @Override public void done(ContractBatch.Outcome outcome) { outcomes.add(outcome); }
                });
            } catch (InvalidInputException e) {
                e.violations().forEach(v -> errors.add("batch", "error.rule", v.message()));
            }
        }
        model.addAttribute("batchErrors", errors);
        model.addAttribute("batchOutcomes", outcomes);
        model.addAttribute("batchSummary", summary);
        return registration.newContract(model);
    }
}
