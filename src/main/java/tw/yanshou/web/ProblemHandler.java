package tw.yanshou.web;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Violation;

import static tw.yanshou.web.Problems.problem;

/**
 * RFC 9457 problem bodies for the API: every violation with its field path ({@code violations[].path},
 * {@code violations[].message}); 400 for a file that cannot be read, 422 for one that breaks a rule, 409 for what
 * makes no sense in the contract's state, 404 for what does not exist (or may not be seen). Unreadable and invalid
 * are told apart by the violations' {@link Violation.Kind}, never by their paths.
 */
@RestControllerAdvice(basePackages = "tw.yanshou")
class ProblemHandler {

    @ExceptionHandler(InvalidContractException.class)
    ProblemDetail invalid(InvalidContractException e) {
        return violations(e.violations(), e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return violations(e.violations(), e.getMessage());
    }

    /** 400 if the text could not be read at all, else 422; a conflict is the thrower's to decide (409). */
    private static ProblemDetail violations(List<Violation> violations, String message) {
        boolean unreadable = violations.stream().anyMatch(v -> v.kind() == Violation.Kind.UNREADABLE);
        HttpStatus status = unreadable ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail p = problem(status, unreadable ? "unreadable" : "invalid",
                unreadable ? "The file cannot be read" : "The contract or event breaks the rules",
                violations.size() + " problem(s): " + message);
        p.setProperty("violations", views(violations));
        return p;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return conflict(e.getMessage(), e.violations());
    }

    private static ProblemDetail conflict(String detail, List<Violation> violations) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "conflict", "Not possible in the contract's state", detail);
        p.setProperty("violations", views(violations));
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid", "A parameter is not valid",
                e.getName() + ": \"" + e.getValue() + "\" is not valid");
        p.setProperty("violations", List.of(Map.of("path", e.getName(), "message", "\"" + e.getValue() + "\" is not valid")));
        return p;
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Already exists",
                "another request registered the same thing at the same moment; read it, or send yours again with another number");
    }

    /** The engine wraps what a step of the process threw; answer for the cause. */
    @ExceptionHandler(ProcessEngineException.class)
    ProblemDetail engine(ProcessEngineException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof InvalidContractException i) return invalid(i);
            if (c instanceof InvalidInputException i) return invalidInput(i);
            if (c instanceof ConflictException cc) return conflict(cc);
            if (c instanceof NotFoundException n) return notFound(n);
            if (c instanceof OptimisticLockingException o) return busy(o);
        }
        if (e instanceof OptimisticLockingException o) return busy(o);
        throw e;
    }

    @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class})
    ProblemDetail busy(RuntimeException e) {
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "The contract is busy",
                "the contract was changed by another request at the same moment; send the request again");
        p.setProperty("retryAfterSeconds", 1);
        return p;
    }

    /** The database cannot be reached (it went away, the pool is exhausted): a prompt 503, never a hang or a 500. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ProblemDetail databaseUnavailable(DataAccessResourceFailureException e) {
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "The database is not available",
                "the server cannot reach its database at the moment; nothing was changed; try again later");
        p.setProperty("retryAfterSeconds", 10);
        return p;
    }

    /** A body that passed its limit while it was read (the size filter answers when the length is declared). */
    @ExceptionHandler(java.io.UncheckedIOException.class)
    ProblemDetail unreadableBody(java.io.UncheckedIOException e) {
        if (e.getCause() instanceof RequestSizeFilter.PayloadTooLargeException tooLarge)
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "The request is too large",
                    "the body may hold at most " + tooLarge.limit / 1024 + " KB here; nothing was stored");
        return problem(HttpStatus.BAD_REQUEST, "unreadable", "The request cannot be read", e.getMessage());
    }

    private static List<Map<String, String>> views(List<Violation> violations) {
        return violations.stream().map(v -> Map.of("path", v.path(), "message", v.message())).toList();
    }
}
