package tw.yanshou.desk;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import tw.yanshou.web.NotFoundException;

/**
 * What goes wrong on a page is answered with a page (the JSON API's problem bodies are for the API): 404 for what
 * does not exist, 403 for what the role may not do, 400 for an id that is no id. Before the API's handler.
 */
@ControllerAdvice(basePackages = "tw.yanshou.desk")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() { return "error/404"; }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String badId() { return "error/404"; }

    /** A file over the document limit stops the upload before the form is read: back to the page, which says so. */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    String tooLarge(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.matches("/contracts/[0-9a-fA-F-]{36}/events")) return "error/404";
        return "redirect:" + path.substring(0, path.length() - "/events".length()) + "?tooLarge#record";
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() { return "error/403"; }
}
