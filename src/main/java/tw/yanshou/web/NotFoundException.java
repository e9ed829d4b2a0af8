package tw.yanshou.web;

/** Nothing with that id, or nothing the caller may see (404: the two are not told apart). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) { super(what); }
}
