package travel.amur.common.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One offending input: the field (JSON path, query parameter or header), a stable code for programs, and what is
 * wrong with it for people (in English here; answers put it in the caller's language where the code has a text).
 *
 * @param args what the code's text is filled with (the expected shape, the value given), not sent
 */
public record InvalidField(String field, String code, String message, @JsonIgnore List<String> args) {

    /** Codes of the problems every input can have; a service's own checks say {@link #INVALID}. */
    public static final String REQUIRED = "required";
    public static final String UNKNOWN_FIELD = "unknown-field";
    public static final String WRONG_TYPE = "wrong-type";
    public static final String WRONG_VALUE = "wrong-value";
    public static final String MALFORMED_JSON = "malformed-json";
    public static final String OUT_OF_RANGE = "out-of-range";
    public static final String INVALID = "invalid";

    public InvalidField {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A service's own finding, in its words. */
    public InvalidField(String field, String message) {
        this(field, INVALID, message, List.of());
    }

    public static InvalidField of(String field, String code, String message, String... args) {
        return new InvalidField(field, code, message, List.of(args));
    }
}
