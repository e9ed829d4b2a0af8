package tw.yanshou.portal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import tw.yanshou.web.NotFoundException;

/** The portal answers what goes wrong with a page: 404 for what does not exist or is another vendor's. */
@ControllerAdvice(basePackages = "tw.yanshou.portal")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {
    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() { return "error/404"; }

    /** A file over the limit stops the upload before the form is read: back to the contract page, which says so. */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    String tooLarge(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.matches("/portal/contracts/[0-9a-fA-F-]{36}/tender")) return "error/404";
        return "redirect:" + path.substring(0, path.length() - "/tender".length()) + "?tooLarge#tender";
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() { return "error/403"; }
}
