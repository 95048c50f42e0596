package travel.amur.common.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import travel.amur.common.health.Outages;

/**
 * Turns any failure of a request into an RFC 9457 problem: bad input into a 400 that names each field, known
 * refusals into their status, and everything else into a 500 that tells nothing of the internals.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://amur.travel/problems/";
    public static final String INVALID_REQUEST = "invalid-request";
    public static final String ERRORS = "errors";
    /** What a 503 tells the caller to wait before retrying, unless it says otherwise. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private Problems() {
    }

    public static ProblemDetail create(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail from(Throwable failure) {
        if (failure instanceof ProblemException refused) {
            return refused.toProblemDetail();
        }
        if (failure instanceof WebExchangeBindException bind) {
            return invalid(bind.getFieldErrors().stream().map(Problems::field).toList(),
                    bind.getGlobalErrors().stream().map(e -> new InvalidField("", e.getDefaultMessage())).toList());
        }
        if (failure instanceof HandlerMethodValidationException validation) {
            List<InvalidField> fields = new ArrayList<>();
            validation.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
                    .forEach(error -> fields.add(InvalidField.of(parameterName(result.getMethodParameter()),
                            InvalidField.OUT_OF_RANGE, error.getDefaultMessage()))));
            return invalid(fields, List.of());
        }
        if (failure instanceof MissingRequestValueException missing) {
            return invalid(List.of(InvalidField.of(missing.getName(), InvalidField.REQUIRED, "is required")),
                    List.of());
        }
        if (failure instanceof ServerWebInputException input) {
            return fromInput(input);
        }
        if (failure instanceof JacksonException json) {
            // A document the service read itself, such as a JSON merge patch applied to a resource.
            return invalid(List.of(fromJson(json)), List.of());
        }
        if (failure instanceof ErrorResponse response) {
            ProblemDetail body = response.getBody();
            return create(response.getStatusCode(), slug(response.getStatusCode()), body.getTitle(), body.getDetail());
        }
        Optional<String> down = Outages.unavailable(failure);
        if (down.isPresent()) {
            return unavailable(down.get());
        }
        return create(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed. It is safe to retry with the same Idempotency-Key.");
    }

    /**
     * A passing outage of {@code what} (the database, Kafka, a service): 503, nothing was changed, retry after
     * {@link #RETRY_AFTER_SECONDS} with the same Idempotency-Key.
     */
    public static ProblemDetail unavailable(String what) {
        String subject = Outages.DATABASE.equals(what) ? "The database" : Outages.DEPENDENCY.equals(what)
                ? "A service it depends on" : what;
        ProblemDetail problem = create(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                subject + " is unavailable for a moment and nothing was changed; retry after " + RETRY_AFTER_SECONDS
                        + " s (with the same Idempotency-Key, if the request had one).");
        problem.setProperty("unavailable", what);
        return problem;
    }

    /** The problem as the JSON members it is written with. */
    public static Map<String, Object> body(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", String.valueOf(problem.getInstance()));
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    private static ProblemDetail fromInput(ServerWebInputException input) {
        MethodParameter parameter = input.getMethodParameter();
        if (input.getCause() instanceof TypeMismatchException mismatch && parameter != null) {
            return invalid(List.of(wrongValue(parameterName(parameter), mismatch.getRequiredType(),
                    json(mismatch.getValue()))), List.of());
        }
        JacksonException json = findCause(input, JacksonException.class);
        if (json != null) {
            return invalid(List.of(fromJson(json)), List.of());
        }
        if (input.getCause() instanceof DecodingException decoding) {
            return invalid(List.of(InvalidField.of("", InvalidField.MALFORMED_JSON,
                    "unreadable request body: " + decoding.getMessage())), List.of());
        }
        String reason = input.getReason() == null ? "invalid request" : input.getReason();
        String field = parameter != null && parameter.getParameterIndex() >= 0 ? parameterName(parameter) : "";
        if (reason.startsWith("No request body")) {
            return invalid(List.of(InvalidField.of("", InvalidField.REQUIRED, "a JSON request body is required")),
                    List.of());
        }
        return invalid(List.of(new InvalidField(field, reason)), List.of());
    }

    private static InvalidField fromJson(JacksonException e) {
        String path = jsonPath(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return InvalidField.of(path, InvalidField.UNKNOWN_FIELD, "is not a known field");
        }
        if (e instanceof InvalidFormatException format) {
            return wrongValue(path, format.getTargetType(), json(format.getValue()));
        }
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            return new InvalidField(path, cause != null && cause.getMessage() != null ? cause.getMessage()
                    : "has an invalid value");
        }
        if (e instanceof MismatchedInputException mismatch) {
            String expected = mismatch.getTargetType() == null ? "of another type" : expected(mismatch.getTargetType());
            return InvalidField.of(path, InvalidField.WRONG_TYPE,
                    path.isEmpty() ? "the request body must be " + expected : "must be " + expected,
                    shape(mismatch.getTargetType()));
        }
        if (e instanceof StreamReadException) {
            return InvalidField.of("", InvalidField.MALFORMED_JSON, "malformed JSON: " + e.getOriginalMessage());
        }
        return new InvalidField(path, e.getOriginalMessage());
    }

    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ProblemDetail invalid(List<InvalidField> fields, List<InvalidField> more) {
        List<InvalidField> all = new ArrayList<>(fields);
        all.addAll(more);
        return ProblemException.invalid(all).toProblemDetail();
    }

    private static InvalidField field(FieldError error) {
        String code = "NotNull".equals(error.getCode()) || "NotBlank".equals(error.getCode())
                || "NotEmpty".equals(error.getCode()) ? InvalidField.REQUIRED : InvalidField.OUT_OF_RANGE;
        return InvalidField.of(error.getField(), code, error.getDefaultMessage());
    }

    private static InvalidField wrongValue(String field, Class<?> type, String given) {
        return InvalidField.of(field, InvalidField.WRONG_VALUE, "must be " + expected(type) + ", not " + given,
                shape(type), given);
    }

    /**
     * The shape a type expects, as a key of the problem texts ({@code shape.date}...), with the allowed values of an
     * enum after a colon.
     */
    private static String shape(Class<?> type) {
        if (type == null) {
            return "shape.value";
        }
        if (type.isEnum()) {
            return "shape.enum:" + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "shape.array";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "shape.date";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "shape.datetime";
            case "LocalTime" -> "shape.time";
            case "UUID" -> "shape.uuid";
            case "int", "Integer", "long", "Long", "short", "Short" -> "shape.integer";
            case "BigDecimal", "double", "Double", "float", "Float" -> "shape.number";
            case "boolean", "Boolean" -> "shape.boolean";
            case "String", "CharSequence" -> "shape.string";
            default -> "shape.object";
        };
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        String name = parameter.getParameterName();
        return name != null ? name : "argument " + parameter.getParameterIndex();
    }

    /** What a value of {@code type} looks like in JSON or a query, in English: never the name of a Java type. */
    private static String expected(Class<?> type) {
        return ProblemTexts.inEnglish(shape(type));
    }

    /** A rejected value as the caller wrote it. */
    private static String json(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
