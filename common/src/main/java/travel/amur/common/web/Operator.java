package travel.amur.common.web;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Who acts as operations, from the headers the gateway sets after authenticating the caller (it drops any a client
 * sends). Only the OPS role may act so; the gateway enforces it too.
 */
public record Operator(String name) {

    public static final String ROLES = "X-Roles";
    public static final String USER = "X-User-Id";
    public static final String AGENCY = "X-Agency-Id";

    /** The operator, or a 403 problem saying {@code refusal} when the caller does not have the OPS role. */
    public static Operator require(String roles, String user, String agency, String refusal) {
        boolean ops = roles != null && Arrays.stream(roles.split("[ ,]+")).anyMatch("OPS"::equals);
        if (!ops) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", refusal, List.of());
        }
        String name = user != null && !user.isBlank() ? user : agency != null && !agency.isBlank() ? agency : "unknown";
        return new Operator(name);
    }
}
