package travel.amur.itinerary.catalog.model;

import java.util.Map;

/** A text in English, Russian and Chinese; English when a language is missing. */
public record LocalizedText(Map<String, String> byLanguage) {

    public static final String FALLBACK = "en";

    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
        if (!byLanguage.containsKey(FALLBACK)) {
            throw new IllegalArgumentException("every text needs an English version");
        }
    }

    public String in(String language) {
        return byLanguage.getOrDefault(language, byLanguage.get(FALLBACK));
    }
}
