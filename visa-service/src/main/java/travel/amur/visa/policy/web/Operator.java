package travel.amur.visa.policy.web;

import java.util.Arrays;
import travel.amur.common.web.ProblemException;

/**
 * Who is changing policies, from the headers the gateway sets after authenticating the caller (it drops any a client
 * sends). Only the OPS role may change policies; the gateway enforces it too.
 */
record Operator(String name) {

    static final String ROLES = "X-Roles";
    static final String USER = "X-User-Id";
    static final String AGENCY = "X-Agency-Id";

    static Operator require(String roles, String user, String agency) {
        boolean ops = roles != null && Arrays.stream(roles.split(",")).map(String::trim).anyMatch("OPS"::equals);
        if (!ops) {
            throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "changing entry policies needs the OPS role", java.util.List.of());
        }
        String name = user != null && !user.isBlank() ? user : agency != null && !agency.isBlank() ? agency : "unknown";
        return new Operator(name);
    }
}
