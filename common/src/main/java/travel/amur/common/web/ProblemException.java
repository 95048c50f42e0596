package travel.amur.common.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A request the service refuses, carried to the edge as an RFC 9457 problem. Thrown at the web boundary only; the
 * domain reports rejections as values.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatusCode status;
    private final String slug;
    private final String title;
    private final List<InvalidField> invalidFields;

    public ProblemException(HttpStatusCode status, String slug, String title, String detail,
            List<InvalidField> invalidFields) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.invalidFields = List.copyOf(invalidFields);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new InvalidField(field, message)));
    }

    public static ProblemException invalid(List<InvalidField> fields) {
        String detail = fields.size() == 1
                ? fields.get(0).field() + ": " + fields.get(0).message()
                : fields.size() + " fields are invalid";
        return new ProblemException(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request", detail, fields);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, slug, title, detail, List.of());
    }

    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail, List.of());
    }

    public HttpStatusCode status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = Problems.create(status, slug, title, getMessage());
        if (!invalidFields.isEmpty()) {
            problem.setProperty(Problems.ERRORS, invalidFields);
        }
        return problem;
    }
}
