package travel.amur.itinerary.catalog.web;

import java.util.List;
import java.util.Locale;
import travel.amur.itinerary.catalog.model.LocalizedText;

/** Chooses English, Russian or Chinese from an {@code Accept-Language} header; English when none fits. */
public final class Languages {

    private static final List<String> SUPPORTED = List.of("en", "ru", "zh");

    private Languages() {
    }

    public static String choose(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return LocalizedText.FALLBACK;
        }
        try {
            String chosen = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return chosen == null ? LocalizedText.FALLBACK : chosen;
        } catch (IllegalArgumentException malformed) {
            return LocalizedText.FALLBACK;
        }
    }
}
