package travel.amur.itinerary.planning.web;

import java.util.HashSet;
import java.util.Set;
import travel.amur.itinerary.planning.model.Itinerary;

/**
 * An itinerary's entity tag: its version and the language it was written in ({@code "3-ru"}), strong because the
 * two make one representation. {@code If-Match} is about the itinerary, so it matches on the version alone.
 */
final class EntityTags {

    private EntityTags() {
    }

    static String of(Itinerary itinerary, String language) {
        return "\"" + itinerary.version() + "-" + language + "\"";
    }

    /**
     * The versions an {@code If-Match} header accepts: null for none or {@code *} (any), else those of its strong
     * tags; a weak or foreign tag matches nothing (RFC 9110 compares strongly for If-Match).
     */
    static Set<Integer> versions(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Set<Integer> versions = new HashSet<>();
        for (String tag : ifMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.length() < 2 || !trimmed.startsWith("\"") || !trimmed.endsWith("\"")) {
                continue;
            }
            String opaque = trimmed.substring(1, trimmed.length() - 1);
            int dash = opaque.indexOf('-');
            try {
                versions.add(Integer.parseInt(dash < 0 ? opaque : opaque.substring(0, dash)));
            } catch (NumberFormatException foreign) {
                // Not one of ours: it matches no version.
            }
        }
        return versions;
    }
}
