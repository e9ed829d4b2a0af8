/**
 * What every module's web side shares: RFC 9457 problem bodies for everything that goes wrong (the
 * {@link tw.yanshou.web.ProblemHandler} and {@link Problems} for the security filters), the error
 * types the modules throw ({@link NotFoundException}, {@link ConflictException},
 * {@link InvalidInputException}) and the reading of dates typed into requests.
 */
package tw.yanshou.web;
