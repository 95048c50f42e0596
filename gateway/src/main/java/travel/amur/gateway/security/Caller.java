package travel.amur.gateway.security;

import java.security.Principal;
import java.util.Set;

/**
 * Who is calling, as the credentials say: the agency they act for, the user if known, their roles, and how they
 * proved it. The gateway passes it on to the services as {@code X-Agency-Id}, {@code X-User-Id} and {@code X-Roles}.
 */
public record Caller(String agencyId, String userId, Set<String> roles, String via) implements Principal {

    public Caller {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return userId != null ? userId : agencyId;
    }
}
