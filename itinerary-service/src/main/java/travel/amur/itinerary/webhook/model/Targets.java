package travel.amur.itinerary.webhook.model;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Which URLs a webhook may call, so that no agency can make Amur call inside its own network (server-side request
 * forgery): https to public addresses only; plain http to 127.0.0.1 only where that is allowed (the local stack).
 */
public final class Targets {

    private Targets() {
    }

    /** What is wrong with the URL itself (before its host is resolved); empty when nothing is. */
    public static Optional<String> refusal(URI url, boolean loopbackAllowed) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
        if (url.getHost() == null || url.getUserInfo() != null || url.getFragment() != null) {
            return Optional.of("must be an absolute URL with a host, no user info and no fragment");
        }
        if (local(url, loopbackAllowed) || scheme.equals("https")) {
            return Optional.empty();
        }
        return Optional.of("must be an https URL");
    }

    /** Whether this is the one exception, http to 127.0.0.1 where allowed; its host needs no resolving. */
    public static boolean local(URI url, boolean loopbackAllowed) {
        return loopbackAllowed && "http".equalsIgnoreCase(url.getScheme()) && "127.0.0.1".equals(url.getHost());
    }

    /** What is wrong with the addresses the URL's host resolves to; empty when all are public. */
    public static Optional<String> refusal(String host, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return Optional.of("its host " + host + " does not resolve");
        }
        return addresses.stream().filter(address -> !publicAddress(address)).findFirst()
                .map(address -> "its host " + host + " resolves to " + address.getHostAddress()
                        + ", a private, loopback or otherwise internal address");
    }

    static boolean publicAddress(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // Carrier-grade NAT 100.64/10, benchmarking 198.18/15, 0/8 and the reserved 240/4.
            return !(first == 0 || first >= 240 || (first == 100 && second >= 64 && second < 128)
                    || (first == 198 && (second == 18 || second == 19)));
        }
        // IPv6 unique local addresses fc00::/7.
        return (b[0] & 0xfe) != 0xfc;
    }
}
